import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../../src/renderer/leads/format';
import { nextProgress, progressView } from '../../../../src/renderer/leads/import/import-progress';

describe('import progress on the import screen', () => {
  it('takes only its own import’s events, and never goes back from writing to reading', () => {
    const reading = { phase: 'reading' as const, read: 0.4 };
    expect(nextProgress(null, { progressId: 'other', progress: reading }, 'mine')).toBeNull();
    const mine = nextProgress(null, { progressId: 'mine', progress: reading }, 'mine');
    expect(mine).toEqual(reading);
    const writing = nextProgress(mine, { progressId: 'mine', progress: { phase: 'writing' } }, 'mine');
    expect(writing).toEqual({ phase: 'writing' });
    expect(nextProgress(writing, { progressId: 'mine', progress: { phase: 'reading', read: 1 } }, 'mine')).toBe(
      writing,
    );
  });

  it('shows an indeterminate bar before the first event and while writing, a share while reading', () => {
    expect(progressView(null)).toEqual({ text: 'started' });
    expect(progressView({ phase: 'reading', read: 0.25 })).toEqual({ text: 'reading', share: 0.25 });
    expect(progressView({ phase: 'writing' })).toEqual({ text: 'writing' });
  });

  it('writes the share as a percentage in the reader’s language, never 100 % before the end', () => {
    // French puts a no-break space (plain or narrow, by ICU version) before the sign.
    expect(formatPercent(0.456, 'fr')).toMatch(/^45[\u00a0\u202f]%$/);
    expect(formatPercent(0.456, 'en')).toBe('45%');
    expect(formatPercent(0.999, 'en')).toBe('99%');
    expect(formatPercent(1, 'fr')).toMatch(/^100[\u00a0\u202f]%$/);
  });
});
