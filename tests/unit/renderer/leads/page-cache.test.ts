import { describe, expect, it } from 'vitest';
import { PageCache, pageOf, pagesForRange } from '../../../../src/renderer/leads/page-cache';

describe('page window math', () => {
  it('maps rows to pages', () => {
    expect(pageOf(0, 100)).toBe(0);
    expect(pageOf(99, 100)).toBe(0);
    expect(pageOf(100, 100)).toBe(1);
  });

  it('covers a visible range, clamped to the list, with a margin', () => {
    expect(pagesForRange(0, 30, 1000, 100)).toEqual([0]);
    expect(pagesForRange(95, 130, 1000, 100)).toEqual([0, 1]);
    expect(pagesForRange(250, 260, 1000, 100, 1)).toEqual([1, 2, 3]);
    expect(pagesForRange(0, 10, 1000, 100, 1)).toEqual([0, 1]);
    expect(pagesForRange(990, 1010, 1000, 100, 1)).toEqual([8, 9]);
    expect(pagesForRange(0, 10, 0, 100)).toEqual([]);
  });
});

describe('PageCache', () => {
  it('serves rows from stored pages and asks only for missing ones once', () => {
    const cache = new PageCache<string>(10);
    expect(cache.wanted([0, 1])).toEqual([0, 1]);
    cache.requested(0);
    cache.requested(1);
    expect(cache.wanted([0, 1, 2])).toEqual([2]);
    cache.put(1, ['k', 'l']);
    expect(cache.get(11)).toBe('l');
    expect(cache.get(3)).toBeUndefined();
    cache.failed(0);
    expect(cache.wanted([0, 1])).toEqual([0]);
  });

  it('keeps stale rows visible but asks for them again after invalidation', () => {
    const cache = new PageCache<string>(10);
    cache.put(0, ['a']);
    cache.invalidate();
    expect(cache.get(0)).toBe('a');
    expect(cache.wanted([0])).toEqual([0]);
    cache.put(0, ['b']);
    expect(cache.wanted([0])).toEqual([]);
    expect(cache.get(0)).toBe('b');
  });

  it('evicts the pages furthest from the user', () => {
    const cache = new PageCache<number>(10, 3);
    for (const page of [0, 1, 2, 3]) cache.put(page, [page]);
    expect(cache.size).toBe(3);
    expect(cache.has(0)).toBe(false);
    cache.put(10, [10], 10);
    expect(cache.has(1)).toBe(false);
    expect(cache.has(10)).toBe(true);
  });
});
