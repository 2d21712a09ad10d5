import { describe, expect, it } from 'vitest';
import {
  followDispositionSet,
  noDispositionSet,
  type DispositionSetState,
} from '../../../../src/renderer/calls/disposition-set';
import { defaultDispositions, type Disposition } from '../../../../src/shared/domain/disposition';

const set = [...defaultDispositions];
const added: Disposition = { ...set[0]!, id: 'essai-a-refaire', labels: { fr: 'Essai à refaire', en: 'Test drive' } };

describe('the disposition set a screen holds (Dialer, Calls, timeline)', () => {
  it('takes the set another window saved (dispositions.changed) without listing again', () => {
    const listed = followDispositionSet(noDispositionSet, { kind: 'listed', result: { ok: true, value: set } });
    expect(listed).toEqual({ dispositions: set, error: null });
    const changed = followDispositionSet(listed, { kind: 'changed', set: [...set, added] });
    expect(changed.dispositions?.map((d) => d.id)).toContain('essai-a-refaire');
  });

  it('keeps what it shows when a listing fails, and a later change clears the error', () => {
    const shown: DispositionSetState = { dispositions: set, error: null };
    const error = { code: 'transport-closed', message: 'closed' } as const;
    const failed = followDispositionSet(shown, { kind: 'listed', result: { ok: false, error } });
    expect(failed).toEqual({ dispositions: set, error });
    expect(followDispositionSet(noDispositionSet, { kind: 'listed', result: { ok: false, error } })).toEqual({
      dispositions: null,
      error,
    });
    expect(followDispositionSet(failed, { kind: 'changed', set: [added] })).toEqual({
      dispositions: [added],
      error: null,
    });
  });
});
