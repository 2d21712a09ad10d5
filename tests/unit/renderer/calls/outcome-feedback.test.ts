import { describe, expect, it } from 'vitest';
import { focusAfterSave, type SavedOutcome } from '../../../../src/renderer/calls/outcome-feedback';

const saved: SavedOutcome = { recordId: 'B', disposition: 'answered', rowsBefore: ['A', 'B', 'C'] };
const rows = (...pairs: [string, string?][]) => pairs.map(([id, disposition]) => ({ id, disposition }));

describe('the focus after Appels › Qualifier › Enregistrer', () => {
  it('stays on the row’s Qualifier button once the list shows the new disposition', () => {
    expect(focusAfterSave(saved, rows(['A'], ['B', 'answered'], ['C']))).toEqual({ settled: true, recordId: 'B' });
  });

  it('waits while the list still shows the call as it was', () => {
    expect(focusAfterSave(saved, rows(['A'], ['B'], ['C']))).toEqual({ settled: false });
    expect(focusAfterSave(saved, rows(['A'], ['B', 'busy'], ['C']))).toEqual({ settled: false });
  });

  it('goes to the next call when the save took the row off the list (« À qualifier »)', () => {
    expect(focusAfterSave(saved, rows(['A'], ['C'], ['D']))).toEqual({ settled: true, recordId: 'C' });
  });

  it('to the previous call when it was the last one listed', () => {
    expect(focusAfterSave(saved, rows(['A']))).toEqual({ settled: true, recordId: 'A' });
    expect(focusAfterSave({ ...saved, rowsBefore: ['A', 'B'] }, rows(['A'], ['D']))).toEqual({
      settled: true,
      recordId: 'A',
    });
  });

  it('to the message when no call is left', () => {
    expect(focusAfterSave(saved, [])).toEqual({ settled: true, recordId: null });
  });
});
