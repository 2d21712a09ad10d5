/**
 * Character-gram prefilter for substring search: one bitset over lead slots per character
 * pair (and per single character) present in some search key. A key can only contain a
 * word if it contains every pair of that word, so AND-ing a few 12 KB bitsets narrows 100k
 * keys to the few that are then checked with `includes` (a plain scan of every key costs
 * 3-6 ms per word at 100k; see bench/leads-search-section.ts).
 */
const SPACE = 36;
const UNIGRAMS = 64 * 64;

/** Folded characters -> 64 buckets (letters and digits exact, the rest shared). */
function bucket(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return 26 + code - 48;
  switch (code) {
    case 32:
      return SPACE;
    case 64: // @
      return 37;
    case 46: // .
      return 38;
    case 45: // -
      return 39;
    case 95: // _
      return 40;
    case 39: // '
      return 41;
    default:
      return 42 + (code % 22);
  }
}

/** Gram codes of a text: single characters, and pairs not spanning a space (fields are space-separated). */
export function grams(text: string, out: Set<number> = new Set()): Set<number> {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const b = bucket(text.charCodeAt(i));
    if (b !== SPACE) {
      out.add(UNIGRAMS + b);
      if (prev !== -1) out.add(prev * 64 + b);
    }
    prev = b === SPACE ? -1 : b;
  }
  return out;
}

/** Grams a query word needs: its pairs, or its one character. */
function wordGrams(word: string): number[] {
  const all = [...grams(word)];
  const pairs = all.filter((g) => g < UNIGRAMS);
  return pairs.length > 0 ? pairs : all;
}

export class GramBitsets {
  #words: number;
  readonly #sets: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(UNIGRAMS + 64);

  constructor(capacity: number) {
    this.#words = Math.ceil(capacity / 32);
  }

  get words(): number {
    return this.#words;
  }

  /** Makes room for slots below `capacity` (bitsets are reallocated; rare, doubling). */
  grow(capacity: number): void {
    const words = Math.ceil(capacity / 32);
    if (words <= this.#words) return;
    for (let g = 0; g < this.#sets.length; g++) {
      const old = this.#sets[g];
      if (!old) continue;
      const next = new Int32Array(words);
      next.set(old);
      this.#sets[g] = next;
    }
    this.#words = words;
  }

  add(slot: number, key: string): void {
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    // Straight over the characters (a gram seen twice just sets its bit twice): no Set per key.
    let prev = -1;
    for (let i = 0; i < key.length; i++) {
      const b = bucket(key.charCodeAt(i));
      if (b === SPACE) {
        prev = -1;
        continue;
      }
      this.#set(UNIGRAMS + b)[word]! |= bit;
      if (prev !== -1) this.#set(prev * 64 + b)[word]! |= bit;
      prev = b;
    }
  }

  remove(slot: number, key: string): void {
    const word = slot >>> 5;
    const mask = ~(1 << (slot & 31));
    for (const g of grams(key)) {
      const set = this.#sets[g];
      if (set) set[word]! &= mask;
    }
  }

  #set(gram: number): Int32Array {
    let set = this.#sets[gram];
    if (!set) this.#sets[gram] = set = new Int32Array(this.#words);
    return set;
  }

  /** True when the grams alone decide a match (one or two characters of exact buckets): no `includes` needed. */
  static decides(word: string): boolean {
    if (word.length > 2) return false;
    for (let i = 0; i < word.length; i++) if (bucket(word.charCodeAt(i)) >= SPACE) return false;
    return true;
  }

  /** AND-s into `into` the slots whose key may contain `word`; false if none can. */
  narrow(into: Int32Array, word: string): boolean {
    for (const g of wordGrams(word)) {
      const set = this.#sets[g];
      if (!set) return false;
      for (let i = 0; i < into.length; i++) into[i]! &= set[i]!;
    }
    return true;
  }

  /** Bytes held, for the bench. */
  bytes(): number {
    return this.#sets.reduce((n, s) => n + (s?.byteLength ?? 0), 0);
  }
}
