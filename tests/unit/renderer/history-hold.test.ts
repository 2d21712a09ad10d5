import { describe, expect, it } from 'vitest';
import {
  historyHoldStep,
  watchHistory,
  type HistoryHold,
  type HistoryHoldEvent,
} from '../../../src/renderer/app/history-hold';

/** Runs events from `state`, returning each step's effects and the last state. */
function play(state: HistoryHold, ...events: HistoryHoldEvent[]) {
  const effects = events.map((event) => {
    const step = historyHoldStep(state, event);
    state = step.state;
    return step.effects;
  });
  return { state, effects };
}

const back = (to: string): HistoryHoldEvent => ({ kind: 'moved', to, traversal: true });
const push = (to: string): HistoryHoldEvent => ({ kind: 'moved', to, traversal: false });

describe('Back/Forward while a form holds unsaved changes', () => {
  it('hides Back from the router, goes back to the form, then asks where it was going', () => {
    const { state, effects } = play(watchHistory('lead'), back('list'), back('lead'));
    expect(effects).toEqual([
      [{ kind: 'hide' }, { kind: 'traverse', to: 'lead' }],
      [{ kind: 'hide' }, { kind: 'ask', onward: 'list' }],
    ]);
    // Kept editing: the next Back is held the same way.
    expect(state).toEqual(watchHistory('lead'));
    expect(historyHoldStep(state, back('list')).effects).toEqual([{ kind: 'hide' }, { kind: 'traverse', to: 'lead' }]);
  });

  it('holds Forward and a jump of several entries the same way: by entry, not by direction', () => {
    for (const onward of ['next-page', 'three-back']) {
      const { effects } = play(watchHistory('lead'), back(onward), back('lead'));
      expect(effects[1]).toEqual([{ kind: 'hide' }, { kind: 'ask', onward }]);
    }
  });

  it('once the user agrees, redoes the move and lets everything through', () => {
    const { state, effects } = play(
      watchHistory('lead'),
      back('list'),
      back('lead'),
      { kind: 'leave', onward: 'list' },
      back('list'),
      back('older'),
    );
    expect(effects.slice(2)).toEqual([[{ kind: 'traverse', to: 'list' }], [], []]);
    expect(state).toEqual({ kind: 'leaving' });
  });

  it('a second Back before the way back lands becomes the destination', () => {
    const { effects } = play(watchHistory('lead'), back('list'), back('older'), back('lead'));
    expect(effects).toEqual([
      [{ kind: 'hide' }, { kind: 'traverse', to: 'lead' }],
      [{ kind: 'hide' }, { kind: 'traverse', to: 'lead' }],
      [{ kind: 'hide' }, { kind: 'ask', onward: 'older' }],
    ]);
  });

  it('lets through moves that are not Back/Forward, and follows the form to its new entry', () => {
    // A link (already asked by the link guard) or the app itself, e.g. after creating a lead.
    const { state, effects } = play(watchHistory('lead'), push('lead-2'), back('lead'));
    expect(effects[0]).toEqual([]);
    // Back to the old entry now leaves the form's entry: held, and the way back is to the new one.
    expect(effects[1]).toEqual([{ kind: 'hide' }, { kind: 'traverse', to: 'lead-2' }]);
    expect(state).toEqual({ kind: 'returning', home: 'lead-2', onward: 'lead' });
  });

  it('ignores a change that stays on the form entry', () => {
    expect(historyHoldStep(watchHistory('lead'), back('lead'))).toEqual({ state: watchHistory('lead'), effects: [] });
  });
});
