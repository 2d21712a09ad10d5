/**
 * Slots kept sorted by (value, id) for one sort of the lead list, updated by binary search
 * on each write so a query never sorts 100k leads. Slots without a value are not kept.
 */
export class SortedOrder<V extends string | number> {
  slots: number[] = [];

  constructor(
    /** Current value of a slot; undefined = not in this order. Read before a slot changes. */
    readonly value: (slot: number) => V | undefined,
    private readonly id: (slot: number) => string,
  ) {}

  compare(a: number, b: number): number {
    const va = this.value(a)!;
    const vb = this.value(b)!;
    if (va < vb) return -1;
    if (va > vb) return 1;
    const ia = this.id(a);
    const ib = this.id(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  /** First position whose slot does not sort before `slot`. */
  #lowerBound(slot: number): number {
    let lo = 0;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.slots[mid]!, slot) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(slot: number): void {
    if (this.value(slot) === undefined) return;
    this.slots.splice(this.#lowerBound(slot), 0, slot);
  }

  /** Call while the slot still holds the value it was inserted with. */
  remove(slot: number): void {
    if (this.value(slot) === undefined) return;
    const at = this.#lowerBound(slot);
    if (this.slots[at] === slot) this.slots.splice(at, 1);
    else {
      // Defensive: a value changed behind our back; a linear removal keeps the order right.
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
    }
  }

  /** Same order as `compare`, with each slot's value and id read once instead of per comparison. */
  rebuild(live: Iterable<number>): void {
    const slots: number[] = [];
    const values: V[] = [];
    for (const s of live) {
      const v = this.value(s);
      if (v === undefined) continue;
      slots.push(s);
      values.push(v);
    }
    const packed = sortIntegers(values);
    if (packed) {
      this.slots = this.#byIdWhereTied(packed, slots, values);
      return;
    }
    const ids = slots.map((s) => this.id(s));
    const positions = slots.map((_, i) => i);
    positions.sort((a, b) => {
      const va = values[a]!;
      const vb = values[b]!;
      if (va < vb) return -1;
      if (va > vb) return 1;
      const ia = ids[a]!;
      const ib = ids[b]!;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    this.slots = positions.map((i) => slots[i]!);
  }

  /** Slots in `order` (positions sorted by value), runs of equal values put in id order. */
  #byIdWhereTied(order: Int32Array, slots: number[], values: V[]): number[] {
    const out = new Array<number>(order.length);
    for (let i = 0; i < order.length;) {
      let j = i + 1;
      while (j < order.length && values[order[j]!] === values[order[i]!]) j++;
      if (j - i === 1) out[i] = slots[order[i]!]!;
      else {
        const run = Array.from(order.subarray(i, j), (p) => slots[p]!);
        run.sort((a, b) => {
          const ia = this.id(a);
          const ib = this.id(b);
          return ia < ib ? -1 : ia > ib ? 1 : 0;
        });
        for (let k = 0; k < run.length; k++) out[i + k] = run[k]!;
      }
      i = j;
    }
    return out;
  }
}

/**
 * Positions of `values` in ascending value order (ties in position order), by one native sort
 * of value*2^20 + position packed in 64-bit integers: no comparator call per comparison (the
 * created/last contact/next callback orders of 100k leads). Undefined when the values are not
 * integers, span 2^43 or more (times do not: that is 278 years of milliseconds), or number 2^20+.
 */
function sortIntegers<V>(values: readonly V[]): Int32Array | undefined {
  const n = values.length;
  if (n === 0 || n >= 2 ** 20) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min >= 2 ** 43) return undefined;
  const keys = new BigUint64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (BigInt((values[i] as number) - min) << 20n) | BigInt(i);
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = Number(keys[i]! & 0xfffffn);
  return order;
}
