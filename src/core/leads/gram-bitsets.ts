/**
 * Character-gram prefilter for substring search: one bitset over lead slots per character
 * pair (and per single character) present in some search key. A key can only contain a
 * word if it contains every pair of that word, so AND-ing a few 12 KB bitsets narrows 100k
 * keys to the few that are then checked with `includes` (a plain scan of every key costs
 * 3-6 ms per word at 100k; see bench/leads-search-section.ts).
 */
const SPACE = 36;
const UNIGRAMS = 64 * 64;
const GRAMS = UNIGRAMS + 64;

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

const ASCII_BUCKETS = Uint8Array.from({ length: 128 }, (_, c) => bucket(c));

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

/**
 * Slots per gram: a bitset (one bit per slot) for common grams, a sorted slot list for rare ones.
 * Most of the ~1500 grams of 100k leads occur in fewer than 1 slot in 32, where a list is
 * smaller than the 12.5 KB bitset (18 MB of bitsets -> ~9 MB in all). A list becomes a bitset
 * once it would be the larger.
 */
export class GramBitsets {
  #words: number;
  readonly #sets: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(GRAMS);
  /** Sorted slots of the grams kept as lists (capacity may exceed the count). */
  readonly #lists: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(GRAMS);
  readonly #counts = new Int32Array(GRAMS);

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
    // Straight over the characters (a gram seen twice is added twice, harmlessly), the bitset
    // case inline: ~20 million grams for 100k leads.
    const sets = this.#sets;
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    let prev = -1;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const b = c < 128 ? ASCII_BUCKETS[c]! : bucket(c);
      if (b === SPACE) {
        prev = -1;
        continue;
      }
      let g = UNIGRAMS + b;
      let set = sets[g];
      if (set !== undefined) set[word]! |= bit;
      else this.#addToList(g, slot);
      if (prev !== -1) {
        g = prev * 64 + b;
        set = sets[g];
        if (set !== undefined) set[word]! |= bit;
        else this.#addToList(g, slot);
      }
      prev = b;
    }
  }

  remove(slot: number, key: string): void {
    for (const g of grams(key)) {
      const set = this.#sets[g];
      if (set) {
        set[slot >>> 5]! &= ~(1 << (slot & 31));
        continue;
      }
      const list = this.#lists[g];
      if (!list) continue;
      const n = this.#counts[g]!;
      const at = lowerBound(list, n, slot);
      if (at < n && list[at] === slot) {
        list.copyWithin(at, at + 1, n);
        this.#counts[g] = n - 1;
      }
    }
  }

  #addToList(gram: number, slot: number): void {
    let list = this.#lists[gram];
    const n = this.#counts[gram]!;
    // Bulk builds add slots in increasing order (and a key repeats grams): an append or nothing.
    let at = n;
    if (n > 0) {
      const last = list![n - 1]!;
      if (last === slot) return;
      if (last > slot) {
        at = lowerBound(list!, n, slot);
        if (list![at] === slot) return;
      }
    }
    if (n + 1 > this.#words) {
      this.#toBitset(gram, slot);
      return;
    }
    if (!list || list.length === n) {
      const next = new Int32Array(Math.min(Math.max(8, n * 2), Math.max(this.#words, 8)));
      if (list) next.set(list.subarray(0, n));
      this.#lists[gram] = list = next;
    }
    if (at < n) list.copyWithin(at + 1, at, n);
    list[at] = slot;
    this.#counts[gram] = n + 1;
  }

  #toBitset(gram: number, slot: number): void {
    const set = new Int32Array(this.#words);
    const list = this.#lists[gram];
    const n = this.#counts[gram]!;
    for (let i = 0; i < n; i++) set[list![i]! >>> 5]! |= 1 << (list![i]! & 31);
    set[slot >>> 5]! |= 1 << (slot & 31);
    this.#sets[gram] = set;
    this.#lists[gram] = undefined;
    this.#counts[gram] = 0;
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
      if (set) {
        for (let i = 0; i < into.length; i++) into[i]! &= set[i]!;
        continue;
      }
      const list = this.#lists[g];
      const n = this.#counts[g]!;
      if (!list || n === 0) return false;
      // Keep only the listed slots: clear the words between them, mask the words they are in.
      let w = 0;
      for (let i = 0; i < n;) {
        const word = list[i]! >>> 5;
        while (w < word) into[w++] = 0;
        let mask = 0;
        for (; i < n && list[i]! >>> 5 === word; i++) mask |= 1 << (list[i]! & 31);
        into[w]! &= mask;
        w = word + 1;
      }
      while (w < into.length) into[w++] = 0;
    }
    return true;
  }

  /** Bytes held, for the bench. */
  bytes(): number {
    let n = 0;
    for (let g = 0; g < GRAMS; g++) n += this.#sets[g]?.byteLength ?? this.#lists[g]?.byteLength ?? 0;
    return n;
  }
}

/** First index in list[0..n) whose slot is not below `slot`. */
function lowerBound(list: Int32Array, n: number, slot: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
