import { decodeWindows1252 } from './windows-1252';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Dealer exports are UTF-8 (with or without BOM), Excel's "Unicode text" (UTF-16 with BOM) or
 * Windows-1252. A fatal UTF-8 decode is a reliable test: 1252 accents (é = 0xE9 followed by ASCII)
 * are never valid UTF-8 sequences. Windows-1252 rather than ISO-8859-1 because it has € (0x80),
 * œ and typographic quotes. Node 20 has the decoder (full ICU) but gets 0x80-0x9F wrong: see
 * decodeWindows1252.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** NUL bytes never occur in a text export: a spreadsheet (.xlsx), an image or a damaged file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0);
}

export function encodingLabel(e: DetectedEncoding): string {
  return e === 'utf-8-bom' ? 'UTF-8 (BOM)' : e === 'windows-1252' ? 'Windows-1252' : e.toUpperCase();
}
