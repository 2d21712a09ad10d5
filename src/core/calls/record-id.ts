import { createHash } from 'node:crypto';

// Same layout as the store's ids (ULID: 10 chars of ms time + 16 of 80 bits, Crockford base32).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The journal id of a call's record: its start time, then 80 bits of a hash of the softphone's
 * call id. The same call always gets the same id, so an `ended` sent again (after a lost
 * acknowledgement or a restart) is a journal duplicate, never a second record; and the id's time
 * is the call's start, so the journal's month and date range match what the seller sees.
 */
export function callRecordId(callId: string, startedAtMs: number): string {
  if (!Number.isInteger(startedAtMs) || startedAtMs < 0 || startedAtMs > 2 ** 48 - 1)
    throw new RangeError(`callRecordId: invalid start time ${startedAtMs}`);
  let time = '';
  let t = startedAtMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const hash = createHash('sha256').update(`${callId}\n${startedAtMs}`).digest();
  let random = '';
  // 16 chars x 5 bits = the first 80 bits of the hash.
  for (let i = 0; i < 16; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const word = (hash[byte]! << 8) | hash[byte + 1]!;
    random += ALPHABET[(word >> (11 - (bit & 7))) & 31]!;
  }
  return time + random;
}
