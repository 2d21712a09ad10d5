import { describe, expect, it } from 'vitest';
import { defaultDispositions } from '../../../../src/shared/domain/disposition';
import { keyForIndex, wrapUpKey, wrapUpOrder } from '../../../../src/renderer/dialer/disposition-keys';

const ordered = wrapUpOrder(defaultDispositions);

describe('wrapUpOrder', () => {
  it('puts what a seller picks after a conversation first and what SIP gives by itself last', () => {
    expect(ordered.map((d) => d.id)).toEqual([
      'answered',
      'appointment-set',
      'callback-requested',
      'voicemail-left',
      'wrong-number',
      'refused',
      'sold',
      'no-answer',
      'busy',
      'declined',
      'invalid-number',
    ]);
  });

  it('keeps every disposition of the set', () => {
    expect(new Set(ordered.map((d) => d.id))).toEqual(new Set(defaultDispositions.map((d) => d.id)));
  });
});

describe('keyForIndex', () => {
  it('gives digits 1 to 9 to the first nine choices only', () => {
    expect(keyForIndex(0)).toBe('1');
    expect(keyForIndex(8)).toBe('9');
    expect(keyForIndex(9)).toBeUndefined();
    expect(keyForIndex(-1)).toBeUndefined();
  });
});

describe('wrapUpKey', () => {
  it('picks the disposition of a digit when focus is on the choices', () => {
    expect(wrapUpKey({ key: '1' }, 'choice', ordered)).toEqual({ kind: 'pick', id: 'answered' });
    expect(wrapUpKey({ key: '2' }, 'choice', ordered)).toEqual({ kind: 'pick', id: 'appointment-set' });
    expect(wrapUpKey({ key: '9' }, 'choice', ordered)).toEqual({ kind: 'pick', id: 'busy' });
  });

  it('ignores 0, digits beyond the set and digits with a modifier', () => {
    expect(wrapUpKey({ key: '0' }, 'choice', ordered)).toBeNull();
    expect(wrapUpKey({ key: '4' }, 'choice', ordered.slice(0, 3))).toBeNull();
    expect(wrapUpKey({ key: '1', ctrlKey: true }, 'choice', ordered)).toBeNull();
    expect(wrapUpKey({ key: '1', altKey: true }, 'choice', ordered)).toBeNull();
    expect(wrapUpKey({ key: '1', shiftKey: true }, 'choice', ordered)).toBeNull();
  });

  it('lets digits type in the note, the callback date and on buttons', () => {
    expect(wrapUpKey({ key: '3' }, 'note', ordered)).toBeNull();
    expect(wrapUpKey({ key: '3' }, 'field', ordered)).toBeNull();
    expect(wrapUpKey({ key: '3' }, 'button', ordered)).toBeNull();
  });

  it('saves on Enter from the choices and one-line fields', () => {
    expect(wrapUpKey({ key: 'Enter' }, 'choice', ordered)).toEqual({ kind: 'save' });
    expect(wrapUpKey({ key: 'Enter' }, 'field', ordered)).toEqual({ kind: 'save' });
  });

  it('keeps Enter for new lines in the note, where Ctrl or Cmd+Enter saves', () => {
    expect(wrapUpKey({ key: 'Enter' }, 'note', ordered)).toBeNull();
    expect(wrapUpKey({ key: 'Enter', ctrlKey: true }, 'note', ordered)).toEqual({ kind: 'save' });
    expect(wrapUpKey({ key: 'Enter', metaKey: true }, 'note', ordered)).toEqual({ kind: 'save' });
  });

  it('leaves Enter on a button to the button, and Shift/Alt+Enter alone', () => {
    expect(wrapUpKey({ key: 'Enter' }, 'button', ordered)).toBeNull();
    expect(wrapUpKey({ key: 'Enter', shiftKey: true }, 'choice', ordered)).toBeNull();
    expect(wrapUpKey({ key: 'Enter', altKey: true }, 'choice', ordered)).toBeNull();
  });
});
