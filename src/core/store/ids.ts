import { randomFillSync } from 'node:crypto';

// ULID layout: 10 chars of 48-bit ms time + 16 chars of 80-bit randomness, Crockford base32.
// Lexicographic order == time order, and the month segment can be derived from the id alone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LEN = 10;
const RANDOM_LEN = 16;
const MAX_TIME = 2 ** 48 - 1;

let lastTime = -1;
const lastRandom = new Uint8Array(RANDOM_LEN); // one base32 digit (0..31) per slot

/**
 * New time-ordered record id. Within one millisecond the random part is incremented
 * (monotonic ULID) so ids created by this process sort in creation order.
 */
export function newRecordId(now: number | Date = Date.now()): string {
  const time = typeof now === 'number' ? now : now.getTime();
  if (!Number.isInteger(time) || time < 0 || time > MAX_TIME) {
    throw new RangeError(`newRecordId: invalid time ${String(now)}`);
  }
  if (time === lastTime) {
    incrementRandom();
  } else {
    lastTime = time;
    lastTimePart = timePart(time);
    randomFillSync(lastRandom);
    for (let i = 0; i < RANDOM_LEN; i++) lastRandom[i] = lastRandom[i]! & 31;
  }
  let out = lastTimePart;
  for (let i = 0; i < RANDOM_LEN; i++) out += ALPHABET[lastRandom[i]!]!;
  return out;
}

// Bulk imports make thousands of ids per millisecond: the time part is encoded once per ms.
let lastTimePart = '';

function timePart(time: number): string {
  let t = time;
  const timeChars: string[] = new Array<string>(TIME_LEN);
  for (let i = TIME_LEN - 1; i >= 0; i--) {
    timeChars[i] = ALPHABET[t % 32]!;
    t = Math.floor(t / 32);
  }
  return timeChars.join('');
}

function incrementRandom(): void {
  for (let i = RANDOM_LEN - 1; i >= 0; i--) {
    if (lastRandom[i]! < 31) {
      lastRandom[i]!++;
      return;
    }
    lastRandom[i] = 0;
  }
  // 2^80 ids in one ms: practically unreachable; wrap rather than throw.
}

/** Milliseconds encoded in an id; NaN if the id is not a well-formed record id. */
export function idTime(id: string): number {
  if (id.length !== TIME_LEN + RANDOM_LEN) return NaN;
  let t = 0;
  for (let i = 0; i < TIME_LEN; i++) {
    const d = ALPHABET.indexOf(id[i]!);
    if (d < 0) return NaN;
    t = t * 32 + d;
  }
  for (let i = TIME_LEN; i < id.length; i++) if (ALPHABET.indexOf(id[i]!) < 0) return NaN;
  return t > MAX_TIME ? NaN : t;
}

/** UTC month key `YYYY-MM` of an id (the journal segment it belongs to). */
export function idMonth(id: string): string | null {
  const t = idTime(id);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 7);
}
