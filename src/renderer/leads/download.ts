import { base64ToBytes } from './base64';

/**
 * Saves bytes as a file the way a page can: a Blob URL on a temporary download link. Works in the
 * browser and in Electron (which hands it to its download manager); revoked once the click is done.
 */
export function downloadBase64(contentBase64: string, fileName: string, mimeType: string): void {
  downloadBlob(new Blob([base64ToBytes(contentBase64)], { type: mimeType }), fileName);
}

/** Text (a CSV built in the page) saved the same way. */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
