import { describe, expect, it } from 'vitest';
import { focusAfterCreate } from '../../../../src/renderer/dialer/list-focus';

describe('focusAfterCreate: focus once "Créer la liste" closed the form', () => {
  it('goes to the new list’s row when it is listed', () => {
    expect(focusAfterCreate('new', ['old', 'new'], 'body')).toEqual({ focus: 'row', done: true });
  });

  it('holds on the lists’ heading until the row arrives, then moves to the row', () => {
    expect(focusAfterCreate('new', ['old'], 'body')).toEqual({ focus: 'heading', done: false });
    expect(focusAfterCreate('new', ['old'], 'heading')).toEqual({ focus: null, done: false });
    expect(focusAfterCreate('new', ['old', 'new'], 'heading')).toEqual({ focus: 'row', done: true });
  });

  it('leaves focus where the seller has put it meanwhile', () => {
    expect(focusAfterCreate('new', ['old', 'new'], 'elsewhere')).toEqual({ focus: null, done: true });
  });
});
