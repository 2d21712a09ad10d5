import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadHref } from '../leads/leads-route';
import { isInCall } from './call-format';
import { CallTimer } from './CallTimer';
import type { PhoneCall } from './engine/types';
import { Keypad } from './Keypad';
import { usePhone } from './phone-context';
import { QualityIndicator } from './QualityIndicator';
import { TransferForm } from './TransferForm';
import { VoicemailDropButton } from './VoicemailDropButton';

/** One call: who, its state and timer, and only the controls that make sense right now. */
export function CallCard({ call, consultationFor }: { call: PhoneCall; consultationFor?: PhoneCall }) {
  const { t } = useTranslation();
  const { engine } = usePhone();
  const [panel, setPanel] = useState<'none' | 'keypad' | 'transfer'>('none');
  const [problem, setProblem] = useState<string | undefined>();
  const inCall = isInCall(call);
  const who = call.leadName ?? call.displayName ?? call.number;

  const act = (action: () => Promise<void>) => {
    setProblem(undefined);
    action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const toggle = (which: 'keypad' | 'transfer') => setPanel((open) => (open === which ? 'none' : which));

  return (
    <section
      className={`call-card state-${call.state}${call.waiting ? ' waiting' : ''}`}
      aria-label={t('phone.call.label', { who })}
      data-call-id={call.id}
      data-state={call.state}
    >
      <header className="call-head">
        <div className="call-who">
          <strong>{who}</strong>
          {(call.leadName || call.displayName) && <span className="muted mono">{call.number}</span>}
          {call.leadId && (
            <a className="call-lead-link" href={leadHref(call.leadId)}>
              {t('phone.call.openLead')}
            </a>
          )}
        </div>
        <div className="call-meta">
          <span className="call-state">
            {call.waiting && call.state === 'incoming' ? t('phone.state.waiting') : t(`phone.state.${call.state}`)}
          </span>
          <CallTimer call={call} />
          {inCall && call.quality && <QualityIndicator quality={call.quality} />}
        </div>
      </header>

      {consultationFor && (
        <p className="call-note">{t('phone.transfer.consulting', { who: consultationFor.number })}</p>
      )}
      {call.holdProblem && (
        <p className="call-problem" role="alert">
          {t('phone.call.holdProblem', { reason: call.holdProblem })}
        </p>
      )}
      {call.transferProblem && (
        <p className="call-problem" role="alert">
          {t('phone.call.transferProblem', { reason: call.transferProblem })}
        </p>
      )}
      {call.networkProblem && (
        <p className="call-problem" role="alert">
          {t('phone.call.networkProblem', { reason: call.networkProblem })}
        </p>
      )}
      {call.remoteHold && <p className="call-note">{t('phone.call.remoteHold')}</p>}
      {call.receivedDtmf && (
        <p className="call-note mono">{t('phone.call.receivedDtmf', { digits: call.receivedDtmf })}</p>
      )}
      {problem && (
        <p className="call-problem" role="alert">
          {problem}
        </p>
      )}

      <div className="call-actions">
        {call.state === 'incoming' && (
          <>
            <button type="button" className="button-primary" onClick={() => act(() => engine.answer(call.id))}>
              {t('phone.call.answer')}
            </button>
            <button type="button" className="button-danger" onClick={() => act(() => engine.decline(call.id))}>
              {t('phone.call.decline')}
            </button>
          </>
        )}
        {(call.state === 'dialing' || call.state === 'ringing') && (
          <button type="button" className="button-danger" onClick={() => act(() => engine.hangup(call.id))}>
            {t('phone.call.cancel')}
          </button>
        )}
        {inCall && (
          <>
            <button type="button" className="button-danger" onClick={() => act(() => engine.hangup(call.id))}>
              {t('phone.call.hangup')}
            </button>
            {call.state === 'held' || call.state === 'resuming' ? (
              <button
                type="button"
                disabled={call.state === 'resuming'}
                // A refused resume shows as holdProblem on the call itself.
                onClick={() => void engine.resume(call.id).catch(() => undefined)}
              >
                {t('phone.call.resume')}
              </button>
            ) : (
              <button
                type="button"
                disabled={call.state === 'holding'}
                onClick={() => void engine.hold(call.id).catch(() => undefined)}
              >
                {t('phone.call.hold')}
              </button>
            )}
            <button type="button" aria-pressed={call.muted} onClick={() => engine.setMuted(call.id, !call.muted)}>
              {call.muted ? t('phone.call.unmute') : t('phone.call.mute')}
            </button>
            <button type="button" aria-expanded={panel === 'keypad'} onClick={() => toggle('keypad')}>
              {t('phone.call.keypad')}
            </button>
            {consultationFor ? (
              <button
                type="button"
                className="button-primary"
                onClick={() => act(() => engine.completeTransfer(consultationFor.id, call.id))}
              >
                {t('phone.transfer.complete')}
              </button>
            ) : (
              <button type="button" aria-expanded={panel === 'transfer'} onClick={() => toggle('transfer')}>
                {t('phone.call.transfer')}
              </button>
            )}
          </>
        )}
      </div>
      {inCall && !consultationFor && <VoicemailDropButton call={call} />}
      {inCall && panel === 'keypad' && <Keypad onDigit={(digit) => act(() => engine.sendDtmf(call.id, digit))} />}
      {inCall && panel === 'transfer' && !consultationFor && (
        <TransferForm
          onBlind={(target) => act(() => engine.blindTransfer(call.id, target))}
          onConsult={(target) =>
            act(async () => {
              await engine.consult(call.id, target);
              setPanel('none');
            })
          }
        />
      )}
    </section>
  );
}
