import { describe, expect, it } from 'vitest';
import { defaultDispositions, OutcomeInputSchema } from '../../../../src/shared/domain/disposition';
import { checkWrapUp, emptyDraft } from '../../../../src/renderer/dialer/wrap-up-form';

const now = new Date(2026, 10, 26, 15, 0);
const set = defaultDispositions;

describe('checkWrapUp', () => {
  it('needs a disposition before anything else', () => {
    expect(checkWrapUp(emptyDraft, set, now)).toEqual({
      ok: false,
      field: 'disposition',
      problem: 'chooseDisposition',
    });
    expect(checkWrapUp({ ...emptyDraft, disposition: 'nope' }, set, now)).toMatchObject({
      ok: false,
      field: 'disposition',
    });
  });

  it('gives the outcome core takes, note trimmed and left out when blank', () => {
    const check = checkWrapUp({ ...emptyDraft, disposition: 'answered', note: '  Rappeler pour l’essai  ' }, set, now);
    expect(check).toMatchObject({ ok: true, outcome: { disposition: 'answered', note: 'Rappeler pour l’essai' } });
    const blank = checkWrapUp({ ...emptyDraft, disposition: 'answered', note: '   ' }, set, now);
    expect(blank.ok && blank.outcome).toEqual({ disposition: 'answered' });
    if (check.ok) expect(OutcomeInputSchema.safeParse(check.outcome).success).toBe(true);
  });

  it('requires a callback time for "callback requested"', () => {
    expect(checkWrapUp({ ...emptyDraft, disposition: 'callback-requested' }, set, now)).toEqual({
      ok: false,
      field: 'callback',
      problem: 'callbackMissing',
    });
    const check = checkWrapUp(
      { ...emptyDraft, disposition: 'callback-requested', callbackAt: '2026-11-27T10:00', callbackScope: 'anyone' },
      set,
      now,
    );
    expect(check).toMatchObject({
      ok: true,
      outcome: {
        disposition: 'callback-requested',
        callback: { dueAt: new Date(2026, 10, 27, 10, 0).toISOString(), scope: 'anyone' },
      },
    });
    if (check.ok) expect(OutcomeInputSchema.safeParse(check.outcome).success).toBe(true);
  });

  it('takes an optional callback with any disposition, in the future only', () => {
    expect(
      checkWrapUp({ ...emptyDraft, disposition: 'answered', callbackAt: '2026-11-27T09:30' }, set, now),
    ).toMatchObject({ ok: true, outcome: { callback: { scope: 'owner' } } });
    expect(checkWrapUp({ ...emptyDraft, disposition: 'answered', callbackAt: '2026-11-26T15:00' }, set, now)).toEqual({
      ok: false,
      field: 'callback',
      problem: 'callbackPast',
    });
    expect(checkWrapUp({ ...emptyDraft, disposition: 'answered', callbackAt: '2026-02-30T10:00' }, set, now)).toEqual({
      ok: false,
      field: 'callback',
      problem: 'badDate',
    });
  });

  it('hands back the disposition, so the screen can confirm a refusal', () => {
    const check = checkWrapUp({ ...emptyDraft, disposition: 'refused' }, set, now);
    expect(check.ok && check.disposition.doNotCall).toBe(true);
  });
});
