/** Unicode -> Windows-1252 for 0x80-0x9F (the rest of 0x00-0xFF is Latin-1 itself). */
const high: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/**
 * Encodes text as Windows-1252 (what French Excel writes), for test fixtures and the import bench;
 * characters 1252 lacks become '?', as Excel does. TextEncoder only speaks UTF-8.
 */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out[n++] = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : (high[cp] ?? 0x3f);
  }
  return out.subarray(0, n);
}

const toUnicode = new Map(Object.entries(high).map(([cp, byte]) => [byte, String.fromCodePoint(Number(cp))]));

/**
 * Windows-1252 -> text: Latin-1 (each byte its code point: one copy into a one-byte string),
 * then the 27 bytes 0x80-0x9F that 1252 gives other characters (€, œ, ’…) mapped. Node 20's
 * `TextDecoder('windows-1252')` is no help: it takes a Latin-1 path and returns C1 controls there.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => toUnicode.get(c.charCodeAt(0)) ?? c);
}
