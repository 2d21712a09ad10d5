import { describe, expect, it } from 'vitest';
import {
  transition,
  type After,
  type DialerEvent,
  type DialerState,
  type Session,
} from '../../../../src/core/dialer/machine';
import type { DialTarget, DialerView } from '../../../../src/shared/domain/dialer';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import { sessionControls, sessionRunning, stateText } from '../../../../src/renderer/dialer/session-view';
import { looseT } from '../../../../src/renderer/dialer/translate';

const stats = { dialed: 0, connected: 0, contactRate: 0, appointments: 0, talkSeconds: 0, callsPerHour: 0 };
const session: Session = {
  id: 's1',
  listId: 'l1',
  mode: 'preview',
  timings: { previewSeconds: 10, ringTimeoutSeconds: 30, wrapUpSeconds: 5 },
};
const target: DialTarget = { entryId: 'l1~a', leadId: 'a', number: '+33612345678', name: 'Élodie Martin' };

/** Core's states, each with the view the screen gets for it. */
function cases(): { state: DialerState; view: DialerView }[] {
  const out: { state: DialerState; view: DialerView }[] = [];
  const add = (state: DialerState, extra: Partial<DialerView> = {}) =>
    out.push({ state, view: { state: state.kind, stats, ...extra } });
  add({ kind: 'idle' });
  add({ kind: 'choosing', session });
  add({ kind: 'preview', session, target, countdown: true }, { current: target });
  for (const after of ['next', 'pause', 'stop'] as After[]) {
    add({ kind: 'dialing', session, target, callId: 'c1', timedOut: false, after }, { current: target, then: after });
    add({ kind: 'ringing', session, target, callId: 'c1', timedOut: false, after }, { current: target, then: after });
    add({ kind: 'connected', session, target, callId: 'c1', after }, { current: target, then: after });
    add(
      {
        kind: 'wrap-up',
        session,
        target,
        callId: 'c1',
        recordId: 'r1',
        disposition: 'needed',
        timer: false,
        next: { status: 'picking' },
        after,
      },
      { current: target, then: after, disposition: 'needed' },
    );
  }
  add({ kind: 'paused', session, reason: 'seller', next: { status: 'unpicked' } });
  add({ kind: 'stopped', session, reason: 'seller', picking: false });
  add({ kind: 'interrupted', session });
  add(
    { kind: 'interrupted', session, pending: { target, callId: 'interrupted:r1', recordId: 'r1' } },
    { current: target, recordId: 'r1' },
  );
  return out;
}

const accepts = (state: DialerState, event: DialerEvent) => transition(state, event).ok;

describe('sessionControls', () => {
  it('offers exactly the commands core’s dialer machine accepts in each state', () => {
    for (const { state, view } of cases()) {
      const controls = sessionControls(view);
      const where = `${state.kind} then=${view.then ?? '-'}`;
      expect(controls.callNow, `call now, ${where}`).toBe(accepts(state, { type: 'call-now' }));
      expect(controls.skip, `skip, ${where}`).toBe(accepts(state, { type: 'skip' }));
      expect(controls.pause, `pause, ${where}`).toBe(accepts(state, { type: 'pause' }));
      expect(controls.resume, `resume, ${where}`).toBe(accepts(state, { type: 'resume' }));
      expect(controls.stop, `stop, ${where}`).toBe(accepts(state, { type: 'stop' }));
    }
  });
});

describe('sessionRunning', () => {
  it('says whether a session runs', () => {
    expect(sessionRunning({ state: 'idle', stats })).toBe(false);
    expect(sessionRunning({ state: 'stopped', stats })).toBe(false);
    expect(sessionRunning({ state: 'paused', stats })).toBe(true);
    expect(sessionRunning({ state: 'interrupted', stats })).toBe(true);
  });
});

describe('stateText', () => {
  const fr = looseT(createI18n('fr').t);
  const en = looseT(createI18n('en').t);
  const label = (id: string) => ({ busy: 'Occupé' })[id] ?? id;
  const say = (view: Partial<DialerView> & Pick<DialerView, 'state'>, t = fr) =>
    stateText({ stats, ...view }, t, label, t === fr ? 'fr' : 'en');

  it('names the lead in every state that has one', () => {
    expect(say({ state: 'preview', current: target })).toBe('Prêt à appeler Élodie Martin.');
    expect(say({ state: 'dialing', current: target })).toBe('Appel de Élodie Martin…');
    expect(say({ state: 'ringing', current: target })).toBe('Ça sonne chez Élodie Martin…');
    expect(say({ state: 'connected', current: target })).toBe('En ligne avec Élodie Martin.');
    expect(say({ state: 'connected', current: target }, en)).toBe('On the line with Élodie Martin.');
  });

  it('falls back on the number for a lead without a name', () => {
    expect(say({ state: 'dialing', current: { ...target, name: '' } })).toBe('Appel de +33612345678…');
  });

  it('tells the wrap-up steps apart, and an outcome read from SIP', () => {
    expect(say({ state: 'wrap-up', current: target, disposition: 'needed' })).toBe(
      "Appel terminé avec Élodie Martin : choisissez l'issue.",
    );
    expect(say({ state: 'wrap-up', current: target, disposition: 'saving' })).toBe(
      "Enregistrement de l'issue de l'appel avec Élodie Martin…",
    );
    expect(say({ state: 'wrap-up', current: target, disposition: 'saved' })).toBe(
      "Issue de l'appel avec Élodie Martin enregistrée.",
    );
    expect(say({ state: 'wrap-up', current: target, disposition: 'saving', autoDisposition: 'busy' })).toBe(
      'Appel de Élodie Martin terminé : Occupé (issue automatique).',
    );
  });

  it('says why a session paused or stopped', () => {
    expect(say({ state: 'idle' })).toBe('Aucune session en cours.');
    expect(say({ state: 'choosing' })).toBe('Recherche du prospect suivant…');
    expect(say({ state: 'paused', pauseReason: 'seller' })).toBe('Session en pause.');
    // Also when no call was tried (the phone is not set up): it says what is, not what happened.
    expect(say({ state: 'paused', pauseReason: 'phone' })).toBe('Session en pause : le téléphone ne peut pas appeler.');
    expect(say({ state: 'paused', pauseReason: 'phone' }, en)).toBe('Session paused: the phone cannot call.');
    expect(say({ state: 'stopped', stopReason: 'seller' })).toBe('Session arrêtée.');
    expect(say({ state: 'interrupted' })).toBe(
      "Session interrompue (l'application s'est arrêtée). Reprenez-la ou arrêtez-la.",
    );
    expect(say({ state: 'interrupted', current: target }, en)).toBe(
      'Session interrupted during the call with Élodie Martin: resume to give its outcome, then the session goes on.',
    );
    expect(say({ state: 'stopped', stopReason: 'list-done' }, en)).toBe(
      'Session over: nobody left to call in this list right now.',
    );
  });

  it('says when a list done for now has someone to call again', () => {
    const at = new Date(2026, 2, 11, 10, 0).toISOString(); // 11 March 10:00, local time
    expect(say({ state: 'stopped', stopReason: 'list-done', comesBack: { count: 272, at } })).toBe(
      'Session terminée : personne à appeler maintenant. 272 prospects de cette liste pourront être appelés à partir du 11/03/2026 10:00.',
    );
    expect(say({ state: 'stopped', stopReason: 'list-done', comesBack: { count: 1, at } })).toBe(
      'Session terminée : personne à appeler maintenant. 1 prospect de cette liste pourra être appelé à partir du 11/03/2026 10:00.',
    );
    expect(say({ state: 'stopped', stopReason: 'list-done', comesBack: { count: 1200, at } }, en)).toBe(
      'Session over: nobody to call right now. 1,200 leads of this list can be called from 3/11/26, 10:00 AM.',
    );
  });

  it('names the leads left to other sellers when that is why nobody is left to call', () => {
    const at = new Date(2026, 2, 11, 10, 0).toISOString();
    expect(say({ state: 'stopped', stopReason: 'list-done', reservedForOthers: 13 })).toBe(
      "Session terminée : plus personne à appeler maintenant dans cette liste. 13 prospects sont réservés à d'autres vendeurs.",
    );
    expect(
      say({
        state: 'stopped',
        stopReason: 'list-done',
        comesBack: { count: 45, at },
        reservedForOthers: 1,
      }),
    ).toBe(
      'Session terminée : personne à appeler maintenant. 45 prospects de cette liste pourront être appelés à partir du 11/03/2026 10:00. 1 prospect est réservé à un autre vendeur.',
    );
    expect(say({ state: 'stopped', stopReason: 'list-done', reservedForOthers: 2 }, en)).toBe(
      'Session over: nobody left to call in this list right now. 2 leads are reserved for other sellers.',
    );
  });

  it('says that time in the dealership’s zone, naming it when the computer is in another', () => {
    const at = '2026-11-27T09:00:00.000Z'; // 10:00 in Paris
    const view: DialerView = { state: 'stopped', stopReason: 'list-done', comesBack: { count: 2, at }, stats };
    expect(stateText(view, fr, label, 'fr', 'Europe/Paris', 'UTC')).toBe(
      'Session terminée : personne à appeler maintenant. 2 prospects de cette liste pourront être appelés à partir du 27/11/2026 10:00 (Europe/Paris).',
    );
    expect(stateText(view, fr, label, 'fr', 'Europe/Paris', 'Europe/Paris')).toBe(
      'Session terminée : personne à appeler maintenant. 2 prospects de cette liste pourront être appelés à partir du 27/11/2026 10:00.',
    );
  });
});
