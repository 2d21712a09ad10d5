/** Files cross the contract as base64; btoa/atob exist in the page and in Node 16+. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // fromCharCode over the whole array overflows the call stack past ~100k arguments.
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

export const arrayBufferToBase64 = (buffer: ArrayBuffer): string => bytesToBase64(new Uint8Array(buffer));

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
