import { LEAD_LIST_PAGE_SIZE } from '../../shared/domain/lead-query';

/**
 * The virtual list's memory of `leads.search` pages: which pages a visible range needs, which
 * are already here or on their way, and which went stale after `leads.changed`. No React here.
 */
export const PAGE_SIZE = LEAD_LIST_PAGE_SIZE;

export const pageOf = (index: number, pageSize = PAGE_SIZE): number => Math.floor(index / pageSize);

/** Pages covering rows first..last (inclusive), clamped to the list; a page of margin each side. */
export function pagesForRange(first: number, last: number, total: number, pageSize = PAGE_SIZE, margin = 0): number[] {
  if (total <= 0 || last < first) return [];
  const lastPage = pageOf(total - 1, pageSize);
  const from = Math.max(0, pageOf(Math.max(0, first), pageSize) - margin);
  const to = Math.min(lastPage, pageOf(Math.min(last, total - 1), pageSize) + margin);
  const pages: number[] = [];
  for (let page = from; page <= to; page++) pages.push(page);
  return pages;
}

interface Entry<T> {
  items: T[];
  stale: boolean;
}

export class PageCache<T> {
  private readonly pages = new Map<number, Entry<T>>();
  private readonly inflight = new Set<number>();

  constructor(
    readonly pageSize = PAGE_SIZE,
    /** Pages kept at most: scrolling 100k rows should not keep them all. */
    private readonly maxPages = 60,
  ) {}

  get(index: number): T | undefined {
    return this.pages.get(pageOf(index, this.pageSize))?.items[index % this.pageSize];
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Of these pages, those to request now: absent or stale, and not already requested. */
  wanted(pages: number[]): number[] {
    return pages.filter((page) => !this.inflight.has(page) && (this.pages.get(page)?.stale ?? true));
  }

  requested(page: number): void {
    this.inflight.add(page);
  }

  /** A request ended without rows (error): it may be asked again. */
  failed(page: number): void {
    this.inflight.delete(page);
  }

  put(page: number, items: T[], keepNear?: number): void {
    this.inflight.delete(page);
    this.pages.delete(page);
    this.pages.set(page, { items, stale: false });
    this.evict(keepNear ?? page);
  }

  /** After `leads.changed`: keep showing what we have, but fetch it again. */
  invalidate(): void {
    for (const entry of this.pages.values()) entry.stale = true;
    this.inflight.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  /** Drops the pages furthest from where the user is, once over the limit. */
  private evict(near: number): void {
    if (this.pages.size <= this.maxPages) return;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const page of byDistance.slice(0, this.pages.size - this.maxPages)) this.pages.delete(page);
  }
}
