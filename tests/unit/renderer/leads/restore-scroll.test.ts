import { describe, expect, it } from 'vitest';
import { restoredScrollTop } from '../../../../src/renderer/leads/list/restore-scroll';

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
