import { describe, expect, it } from 'vitest';
import { arrayBufferToBase64, base64ToBytes, bytesToBase64 } from '../../../../src/renderer/leads/base64';

describe('base64 helpers', () => {
  it('match Node for text, binary and Windows-1252 bytes', () => {
    const samples = [
      new Uint8Array(),
      Buffer.from('Nom;Prénom\r\nMartin;Élodie\n'),
      Uint8Array.from([0xe9, 0x00, 0xff, 0x80]),
    ];
    for (const bytes of samples) {
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
    }
  });

  it('handles files larger than one chunk', () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) & 0xff);
    const encoded = arrayBufferToBase64(big.buffer);
    expect(encoded).toBe(Buffer.from(big).toString('base64'));
    expect(Buffer.compare(base64ToBytes(encoded), big)).toBe(0);
  });
});
