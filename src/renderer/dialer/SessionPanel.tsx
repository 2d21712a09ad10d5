import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialerView } from '../../shared/domain/dialer';
import type { Disposition, OutcomeInput } from '../../shared/domain/disposition';
import { routeHref } from '../app/routes';
import { phoneCause, phoneProblemText, type PhoneCause } from '../phone/dialer-guard';
import { usePhone } from '../phone/phone-context';
import { countdownShare, secondsLeft } from './countdown';
import { useDealershipZone, useTicker, type DialerCommand, type RunCommand } from './hooks';
import { LeadCard } from './LeadCard';
import {
  asSentence,
  microphonePermission,
  previewBoundToFail,
  problemInSettings,
  resumeRefusal,
  sessionProblem,
} from './phone-readiness';
import { sessionControls, stateText } from './session-view';
import { SessionStats } from './SessionStats';
import { catalogLanguage, looseT } from './translate';
import { WrapUpForm } from './WrapUpForm';

type Simple = Exclude<DialerCommand, 'dialer.start' | 'dialer.saveOutcome'>;

interface LastCall {
  name: string;
  disposition: string;
  auto: boolean;
}

/**
 * The session a seller works all day: the state as core reports it, the controls that apply now,
 * the lead on screen (with the preview countdown), the wrap-up, the next lead, and the counters.
 */
export function SessionPanel({
  view,
  listName,
  region,
  previewSeconds,
  dispositions,
  run,
}: {
  view: DialerView;
  listName: string | undefined;
  region: string;
  previewSeconds: number;
  dispositions: readonly Disposition[] | null;
  run: RunCommand;
}) {
  const { t, i18n } = useTranslation();
  const lang = catalogLanguage(i18n.language);
  const { engine, accountProblem } = usePhone();
  const phone = usePhoneCause(accountProblem);
  usePauseBoundToFail(view, phone, run);
  const controls = sessionControls(view);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [lastCall, setLastCall] = useState<LastCall | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const label = useMemo(() => {
    const byId = new Map((dispositions ?? []).map((d) => [d.id, d.labels[lang]]));
    return (id: string) => byId.get(id) ?? id;
  }, [dispositions, lang]);
  const zone = useDealershipZone();
  const status = stateText(view, looseT(t), label, i18n.language, zone);
  const problem = sessionProblem(view, phone, looseT(t));

  // "Last call" once the wrap-up is over: a SIP outcome core saved by itself, or the seller's
  // disposition once core has it (saved, or the session has moved on to the next lead).
  const submitted = useRef<(LastCall & { recordId: string | undefined }) | null>(null);
  const autoCall = useRef('');
  const autoKey = view.state === 'wrap-up' && view.autoDisposition ? `${view.recordId}|${view.autoDisposition}` : '';
  useEffect(() => {
    if (autoKey && autoCall.current !== autoKey && view.autoDisposition) {
      autoCall.current = autoKey;
      setLastCall({ name: view.current?.name ?? '', disposition: view.autoDisposition, auto: true });
      return;
    }
    const mine = submitted.current;
    if (!mine) return;
    const over = view.state !== 'wrap-up' || view.recordId !== mine.recordId || view.disposition === 'saved';
    if (!over) return;
    submitted.current = null;
    setLastCall({ name: mine.name, disposition: mine.disposition, auto: false });
  }, [autoKey, view.state, view.recordId, view.disposition]); // eslint-disable-line react-hooks/exhaustive-deps

  // When the control that had focus goes away with the state (Call now, Skip), focus the panel's title.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) headingRef.current?.focus();
  }, [view.state]);

  const command = async (method: Simple) => {
    setCommandError(null);
    const result = await run(method, {});
    if (!result.ok)
      setCommandError(result.error.code === 'conflict' ? t('dialer.commandRefused') : t(`errors.${result.error.code}`));
  };

  const onSubmit = (outcome: OutcomeInput) => {
    submitted.current = {
      recordId: view.recordId,
      name: view.current?.name ?? '',
      disposition: outcome.disposition,
      auto: false,
    };
  };

  // A paused session resumed while the phone still cannot call would fail the same way after
  // its countdown: say why at once and stay paused.
  const resume = async () => {
    if (view.state === 'paused') {
      const refusal = resumeRefusal(
        view,
        phoneCause(engine.getSnapshot(), accountProblem, await microphonePermission()),
        looseT(t),
      );
      if (refusal) {
        setCommandError(refusal);
        return;
      }
    }
    await command('dialer.resume');
  };

  const toggle = controls.resume ? 'resume' : 'pause';
  const inWrapUp = view.state === 'wrap-up';

  return (
    <section className="dialer-session" aria-labelledby="dialer-session-title" data-state={view.state}>
      <div className="dialer-session-head">
        <h2 id="dialer-session-title" ref={headingRef} tabIndex={-1}>
          {t('dialer.session.title')}
        </h2>
        <p className="note">
          {[
            listName && t('dialer.session.listName', { name: listName }),
            view.mode && t(`dialer.session.mode.${view.mode}`),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>

      <p className="dialer-state" role="status" data-state={view.state}>
        {status}
      </p>
      {view.then && view.then !== 'next' && <p className="note-warning">{t(`dialer.session.then.${view.then}`)}</p>}
      {problem && !inWrapUp && (
        <p className="form-error" role="alert">
          {t('dialer.session.problem', { problem: asSentence(problem) })}
          {problemInSettings(view, phone) && (
            <>
              {' '}
              <a href={routeHref('settings')}>{t('dialer.session.openSettings')}</a>
            </>
          )}
        </p>
      )}
      {commandError && (
        <p className="form-error" role="alert">
          {commandError}
        </p>
      )}

      {view.state !== 'stopped' && (
        <div className="form-actions dialer-controls" role="group" aria-label={t('dialer.session.controls')}>
          {controls.callNow && (
            <button type="button" className="button button-primary" onClick={() => void command('dialer.callNow')}>
              {t('dialer.session.callNow')}
            </button>
          )}
          {controls.skip && (
            <button type="button" className="button" onClick={() => void command('dialer.skip')}>
              {t('dialer.session.skip')}
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={!controls.pause && !controls.resume}
            onClick={() => void (toggle === 'resume' ? resume() : command('dialer.pause'))}
          >
            {t(`dialer.session.${toggle}`)}
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={!controls.stop}
            onClick={() => void command('dialer.stop')}
          >
            {t('dialer.session.stop')}
          </button>
        </div>
      )}

      {view.uncertain && view.uncertain.length > 0 && (
        <p className="note-warning">
          {t('dialer.session.uncertain', {
            names: view.uncertain.map((u) => u.name || u.number).join(', '),
          })}
        </p>
      )}

      {view.state === 'preview' && <Countdown endsAt={view.countdownEndsAt} total={previewSeconds} />}
      {inWrapUp && view.wrapUpEndsAt && <WrapUpTimer endsAt={view.wrapUpEndsAt} />}

      {(view.current || view.next) && (
        // Paused or choosing with only the next lead known: its card leads, not a blank column beside it.
        <div className={view.current || inWrapUp ? 'dialer-stage' : 'dialer-stage dialer-stage-next-only'}>
          <div className="dialer-main">
            {view.current && (
              <LeadCard
                key={view.current.entryId}
                target={view.current}
                heading={t('dialer.session.current')}
                region={region}
              />
            )}
            {inWrapUp && dispositions && (
              <WrapUpForm
                key={view.recordId ?? view.callId}
                view={view}
                dispositions={dispositions}
                region={region}
                run={run}
                onSubmit={onSubmit}
              />
            )}
          </div>
          {view.next && (
            <LeadCard
              key={view.next.entryId}
              target={view.next}
              heading={t('dialer.session.next')}
              region={region}
              compact
            />
          )}
        </div>
      )}

      {lastCall && (
        <p className="note dialer-last-call">
          {t(lastCall.auto ? 'dialer.session.lastCallAuto' : 'dialer.session.lastCall', {
            name: lastCall.name,
            disposition: label(lastCall.disposition),
          })}
        </p>
      )}
      <SessionStats stats={view.stats} />
    </section>
  );
}

/**
 * What stops the phone from calling now, re-read when it changes: the snapshot changes many times
 * a second during a call (the microphone meter), the cause seldom, so the panel renders on the cause.
 */
function usePhoneCause(accountProblem: Parameters<typeof phoneCause>[1]): PhoneCause | undefined {
  const { engine } = usePhone();
  const read = useCallback(
    () => JSON.stringify(phoneCause(engine.getSnapshot(), accountProblem) ?? null),
    [engine, accountProblem],
  );
  const key = useSyncExternalStore(engine.subscribe, read);
  return useMemo(() => (JSON.parse(key) as PhoneCause | null) ?? undefined, [key]);
}

/**
 * Pauses a preview whose countdown the phone cannot serve (see previewBoundToFail), once per
 * countdown, as the phone's pause with its cause: core keeps it, so it reads the same after a reload.
 */
function usePauseBoundToFail(view: DialerView, phone: PhoneCause | undefined, run: RunCommand): void {
  const { t } = useTranslation();
  const asked = useRef('');
  const cause = previewBoundToFail(view, phone) ? phone : undefined;
  const countdown = `${view.current?.entryId ?? ''}|${view.countdownEndsAt ?? ''}`;
  useEffect(() => {
    if (!cause || asked.current === countdown) return;
    asked.current = countdown;
    // Refused when the countdown ended meanwhile: core then pauses for the phone by itself.
    void run('dialer.pause', { phoneProblem: phoneProblemText(cause, looseT(t)) });
  }, [cause, countdown, run, t]);
}

function Countdown({ endsAt, total }: { endsAt: string | undefined; total: number }) {
  const { t } = useTranslation();
  const now = useTicker(endsAt !== undefined);
  if (endsAt === undefined) return <p className="note dialer-countdown">{t('dialer.session.countdownManual')}</p>;
  return (
    <div className="dialer-countdown">
      <span role="timer">{t('dialer.session.countdown', { seconds: secondsLeft(endsAt, now) ?? 0 })}</span>
      <progress max={1} value={countdownShare(endsAt, total, now)} aria-hidden="true" />
    </div>
  );
}

function WrapUpTimer({ endsAt }: { endsAt: string }) {
  const { t } = useTranslation();
  const now = useTicker(true);
  return (
    <p className="note dialer-countdown" role="timer">
      {t('dialer.session.wrapUpTimer', { seconds: secondsLeft(endsAt, now) ?? 0 })}
    </p>
  );
}
