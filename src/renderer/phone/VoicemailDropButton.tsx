import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoicemailDropVerdict, VoicemailList } from '../../shared/domain/voicemail';
import { useClient } from '../app/connection-context';
import { onVoicemailChanged, voicemailRequest } from '../calls/voicemail-client';
import { dropBlock, dropBusy, runVoicemailDrop, type DropState } from '../calls/voicemail-drop';
import { base64ToBytes } from '../leads/base64';
import { displayPhone } from '../leads/format';
import type { PhoneCall } from './engine/types';
import { usePhone } from './phone-context';

/**
 * "Drop voicemail" on an outbound call an answering machine picked up: plays the default message
 * into the call in place of the microphone, hangs up when it ends, and logs "voicemail left".
 * Disabled, with the reason next to it, while the calling rules forbid it (France: no consent),
 * before the call is answered, or with no default message.
 */
export function VoicemailDropButton({ call, region = 'FR' }: { call: PhoneCall; region?: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const { engine } = usePhone();
  const reasonId = useId();
  const [verdict, setVerdict] = useState<VoicemailDropVerdict | 'unavailable' | null>(null);
  const [list, setList] = useState<VoicemailList | null>(null);
  const [state, setState] = useState<DropState>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    void voicemailRequest(client, 'voicemail.canDrop', {
      number: call.number,
      ...(call.leadId ? { leadId: call.leadId } : {}),
    }).then((result) => {
      if (!live) return;
      // Unknown to core (an older core) or failed: say it cannot be checked, never allow blindly.
      setVerdict(result.ok ? result.value : 'unavailable');
    });
    return () => {
      live = false;
    };
  }, [client, call.leadId, call.number]);

  useEffect(() => {
    let live = true;
    void voicemailRequest(client, 'voicemail.list', {}).then((result) => {
      if (live && result.ok) setList(result.value);
    });
    const off = onVoicemailChanged(client, setList);
    return () => {
      live = false;
      off();
    };
  }, [client]);

  if (call.direction !== 'outbound') return null;

  const block = dropBlock({
    state,
    callState: call.state,
    verdict,
    hasDefault: list === null ? null : list.messages.some((m) => m.id === list.defaultId),
  });
  const busy = dropBusy(state);
  const reason = !block
    ? undefined
    : block.kind === 'rules'
      ? block.reasons
          .map((r) =>
            r.code === 'voicemail-needs-consent'
              ? t('rules.reasons.voicemail-needs-consent', { number: displayPhone(r.number, region) })
              : (t as (key: string, options: object) => string)(`rules.reasons.${r.code}`, r),
          )
          .join(' ')
      : t(`voicemail.drop.blocked.${block.kind}`);

  const drop = () =>
    void runVoicemailDrop(
      {
        async fetchDefault() {
          const result = await voicemailRequest(client, 'voicemail.get', {});
          if (!result.ok) throw new Error(t(`errors.${result.error.code}`));
          const bytes = base64ToBytes(result.value.contentBase64);
          return { id: result.value.message.id, name: result.value.message.name, audio: bytes.buffer };
        },
        play: (audio) => engine.playIntoCall(call.id, audio),
        isLive: () => engine.getSnapshot().calls.some((c) => c.id === call.id && c.state !== 'ended'),
        hangup: () => engine.hangup(call.id),
        async log(messageId) {
          const result = await voicemailRequest(client, 'voicemail.logDrop', { callId: call.id, messageId });
          if (!result.ok) throw new Error(t(`errors.${result.error.code}`));
          return result.value.status;
        },
      },
      setState,
    );

  const status =
    state.kind === 'playing'
      ? t('voicemail.drop.playing', { name: state.name })
      : state.kind === 'fetching' || state.kind === 'hanging-up' || state.kind === 'logging'
        ? t(`voicemail.drop.${state.kind}`)
        : state.kind === 'done'
          ? t(state.logged === 'logged' ? 'voicemail.drop.done' : 'voicemail.drop.donePending')
          : state.kind === 'failed'
            ? `${t(`voicemail.drop.failed.${state.step}`)} ${state.message}`
            : undefined;

  return (
    <div className="voicemail-drop">
      <button
        type="button"
        disabled={reason !== undefined || busy}
        aria-describedby={reason ? reasonId : undefined}
        onClick={drop}
        data-drop-state={state.kind}
      >
        {t('voicemail.drop.button')}
      </button>
      {reason && (
        <p id={reasonId} className="field-hint voicemail-drop-reason">
          {reason}
        </p>
      )}
      {status && (
        <p className={state.kind === 'failed' ? 'form-error' : 'form-status'} aria-live="polite">
          {status}
        </p>
      )}
    </div>
  );
}
