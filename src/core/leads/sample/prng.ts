/** mulberry32: tiny, fast, and good enough for sample data (not for anything secret). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** A weighted table with its cumulative weights computed once. */
export class Table<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: Weighted<T>) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => (this.cumulative[i] = total += w));
  }

  /** `u` uniform in [0, 1). */
  at(u: number): T {
    const target = u * (this.cumulative[this.cumulative.length - 1] as number);
    let i = 0;
    while (i < this.cumulative.length - 1 && (this.cumulative[i] as number) <= target) i++;
    return this.items[i] as T;
  }
}

export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An element of the array, or a character of the string. */
  pick(items: string): string;
  pick<T>(items: readonly T[]): T;
  pick<T>(items: readonly T[] | string): T | string {
    return items[Math.floor(this.next() * items.length)] as T | string;
  }

  weighted<T>(table: Table<T>): T {
    return table.at(this.next());
  }

  /** `n` decimal digits, leading zeros kept. */
  digits(n: number): string {
    return String(Math.floor(this.next() * 10 ** n)).padStart(n, '0');
  }
}
