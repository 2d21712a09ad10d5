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
    const ids: string[] = [];
    for (const s of live) {
      const v = this.value(s);
      if (v === undefined) continue;
      slots.push(s);
      values.push(v);
      ids.push(this.id(s));
    }
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
}
