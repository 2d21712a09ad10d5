import { describe, expect, it } from 'vitest';
import { restoredScrollTop, restorePointFor } from '../../../../src/renderer/leads/list/restore-scroll';

const base = { total: 300, rowHeight: 44, viewportHeight: 440 };

describe('restoredScrollTop (back from a lead to the list)', () => {
  it('keeps the remembered position when the opened row is in view', () => {
    expect(restoredScrollTop({ ...base, offset: 1500, selected: 38 })).toBe(1500);
  });

  it('moves up just enough to show a row above the view', () => {
    expect(restoredScrollTop({ ...base, offset: 1500, selected: 20 })).toBe(20 * 44);
  });

  it('moves down just enough to show a row below the view (a smaller window since)', () => {
    expect(restoredScrollTop({ ...base, offset: 1500, selected: 60 })).toBe(61 * 44 - 440);
  });

  it('stays within the list when it got shorter', () => {
    expect(restoredScrollTop({ ...base, total: 20, offset: 1500, selected: 5 })).toBe(5 * 44);
    expect(restoredScrollTop({ ...base, total: 20, offset: 1500, selected: -1 })).toBe(20 * 44 - 440);
    expect(restoredScrollTop({ ...base, total: 5, offset: 1500, selected: 3 })).toBe(0);
  });

  it('ignores a remembered row the list no longer has', () => {
    expect(restoredScrollTop({ ...base, total: 40, offset: 800, selected: 90 })).toBe(800);
  });
});

describe('restorePointFor (is this the list a lead was opened from?)', () => {
  it('brings back the opened row of an unscrolled list, not only of a scrolled one', () => {
    expect(restorePointFor({ search: 'q=durand', offset: 0, selected: 1 }, 'q=durand')).toEqual({
      offset: 0,
      selected: 1,
    });
    expect(restorePointFor({ search: '', offset: 1500, selected: 38 }, '')).toEqual({ offset: 1500, selected: 38 });
  });

  it('brings back nothing for another search, or when no lead was opened from the list', () => {
    expect(restorePointFor({ search: 'q=durand', offset: 0, selected: 1 }, 'q=martin')).toBeNull();
    expect(restorePointFor({ search: 'q=durand', offset: 0, selected: -1 }, 'q=durand')).toBeNull();
    expect(restorePointFor({ search: '', offset: 0, selected: -1 }, '')).toBeNull();
  });
});

describe('restoredScrollTop at the top of the list (offset 0)', () => {
  it('stays at the top when the opened row is in view', () => {
    expect(restoredScrollTop({ ...base, offset: 0, selected: 3 })).toBe(0);
  });

  it('moves down just enough when the row is below a window made smaller since', () => {
    expect(restoredScrollTop({ ...base, offset: 0, selected: 12 })).toBe(13 * 44 - 440);
  });
});
