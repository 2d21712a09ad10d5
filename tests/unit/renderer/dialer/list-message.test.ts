import { describe, expect, it } from 'vitest';
import {
  LIST_MESSAGE_MS,
  nextListMessage,
  noListMessage,
  type ListMessage,
  type ListMessageEvent,
} from '../../../../src/renderer/dialer/list-message';

const run = (events: ListMessageEvent[], from: ListMessage = noListMessage) => events.reduce(nextListMessage, from);
const created: ListMessageEvent = { kind: 'said', text: 'Liste « Relances juin » créée.' };

describe('the dialer’s list confirmation', () => {
  it('shows what a list action did', () => {
    expect(run([created]).text).toBe('Liste « Relances juin » créée.');
  });

  it('goes once a session starts, and stays gone after the session stops', () => {
    const shown = run([created]);
    const started = nextListMessage(shown, { kind: 'session-started' });
    expect(started.text).toBe('');
    // The old timer firing later changes nothing.
    expect(nextListMessage(started, { kind: 'expired', seq: shown.seq }).text).toBe('');
  });

  it('goes when the seller begins another list, and the next list says its own name', () => {
    const opened = run([created, { kind: 'new-list-opened' }]);
    expect(opened.text).toBe('');
    expect(nextListMessage(opened, { kind: 'said', text: 'Liste « VO » créée.' }).text).toBe('Liste « VO » créée.');
  });

  it('goes after a few seconds, but a stale timer never clears a newer message', () => {
    expect(LIST_MESSAGE_MS).toBeGreaterThanOrEqual(3_000);
    expect(LIST_MESSAGE_MS).toBeLessThanOrEqual(10_000);
    const first = run([created]);
    expect(nextListMessage(first, { kind: 'expired', seq: first.seq }).text).toBe('');
    const second = nextListMessage(first, { kind: 'said', text: 'Liste « VO » actualisée.' });
    expect(nextListMessage(second, { kind: 'expired', seq: first.seq }).text).toBe('Liste « VO » actualisée.');
    // Cleared then said again: a new number, so the cleared message's timer cannot reach it.
    const again = run([{ kind: 'session-started' }, created], second);
    expect(again.seq).toBeGreaterThan(second.seq);
    expect(nextListMessage(again, { kind: 'expired', seq: second.seq }).text).toBe(created.text);
  });

  it('keeps the same state when there is nothing to clear (no needless re-render)', () => {
    expect(nextListMessage(noListMessage, { kind: 'session-started' })).toBe(noListMessage);
  });
});
