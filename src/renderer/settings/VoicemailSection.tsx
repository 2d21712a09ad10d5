import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../shared/domain/settings';
import {
  formatOfMimeType,
  VOICEMAIL_NAME_MAX,
  voicemailMimeTypes,
  type VoicemailFormat,
  type VoicemailList,
  type VoicemailMessage,
} from '../../shared/domain/voicemail';
import type { AppError } from '../../shared/result';
import { useClient } from '../app/connection-context';
import {
  baseName,
  checkAudioBytes,
  checkAudioFileMeta,
  recorderMimeType,
  type AudioFileProblem,
} from '../calls/audio-check';
import { onVoicemailChanged, voicemailRequest } from '../calls/voicemail-client';
import { bytesToBase64, base64ToBytes } from '../leads/base64';
import { ConfirmDialog } from '../leads/detail/ConfirmDialog';
import { formatDuration } from '../phone/call-format';

/** A recording longer than this stops by itself (a voicemail drop is short; 2 MB holds ~8 min of Opus). */
const MAX_RECORDING_MS = 120_000;
const ACCEPT = '.wav,.mp3,.ogg,.oga,.opus,.webm,audio/wav,audio/mpeg,audio/ogg,audio/webm';

/** A message about to be saved: recorded here or read from a file, checked and decoded. */
interface Draft {
  bytes: Uint8Array<ArrayBuffer>;
  format: VoicemailFormat;
  mimeType: string;
  durationMs: number | undefined;
  source: 'recorded' | 'imported';
  fileName?: string;
}

type Recording =
  { kind: 'idle' } | { kind: 'starting' } | { kind: 'recording'; startedAt: number } | { kind: 'saving' };

type Problem =
  | { kind: 'file'; problem: AudioFileProblem }
  | { kind: 'undecodable' }
  | { kind: 'microphone'; detail: string }
  | { kind: 'no-recorder' }
  | { kind: 'name' }
  | { kind: 'server'; error: AppError };

/** Decodes the audio the way the phone will play it; the duration comes with it. */
async function decodedDurationMs(bytes: Uint8Array<ArrayBuffer>): Promise<number | undefined> {
  const context = new AudioContext();
  try {
    const buffer = await context.decodeAudioData(bytes.slice().buffer);
    return Math.max(1, Math.round(buffer.duration * 1000));
  } finally {
    void context.close();
  }
}

/**
 * Settings > Voicemail messages: record (from the chosen microphone) or import (WAV, MP3, Ogg,
 * WebM, at most 2 MB) the messages the "Drop voicemail" button plays; name, listen, pick the
 * default, delete. Core checks size and type again and keeps the files in the data folder.
 */
export function VoicemailSection({ view }: { view: SettingsView }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const base = useId();
  const [list, setList] = useState<VoicemailList | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [name, setName] = useState('');
  const [makeDefault, setMakeDefault] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [recording, setRecording] = useState<Recording>({ kind: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState<VoicemailMessage | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const audioRef = useRef<{ element: HTMLAudioElement; url: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const { microphoneId, speakerId } = view.values.audio;
  const locale = i18n.language;

  useEffect(() => {
    let live = true;
    void voicemailRequest(client, 'voicemail.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setList(result.value);
      else setLoadError(result.error);
    });
    const off = onVoicemailChanged(client, setList);
    return () => {
      live = false;
      off();
    };
  }, [client]);

  const stopPlayback = useCallback(() => {
    const current = audioRef.current;
    if (!current) return;
    current.element.pause();
    URL.revokeObjectURL(current.url);
    audioRef.current = null;
    setPlaying(null);
  }, []);

  const stopStream = () => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
  };

  // Leaving the page stops the microphone and any playback.
  useEffect(
    () => () => {
      if (recorderRef.current?.state === 'recording') recorderRef.current.stop();
      stopStream();
      stopPlayback();
    },
    [stopPlayback],
  );

  // The elapsed time while recording, and the automatic stop at the limit.
  useEffect(() => {
    if (recording.kind !== 'recording') return;
    const timer = setInterval(() => {
      const ms = Date.now() - recording.startedAt;
      setElapsed(ms);
      if (ms >= MAX_RECORDING_MS) recorderRef.current?.stop();
    }, 250);
    return () => clearInterval(timer);
  }, [recording]);

  const play = async (key: string, bytes: Uint8Array<ArrayBuffer>, mimeType: string) => {
    stopPlayback();
    const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
    const element = new Audio(url);
    audioRef.current = { element, url };
    setPlaying(key);
    element.addEventListener('ended', stopPlayback);
    // The seller hears it where they hear calls.
    const sink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (speakerId && sink.setSinkId) await sink.setSinkId(speakerId).catch(() => undefined);
    await element.play().catch(() => stopPlayback());
  };

  const playSaved = async (message: VoicemailMessage) => {
    if (playing === message.id) return stopPlayback();
    setRowError(null);
    const result = await voicemailRequest(client, 'voicemail.get', { id: message.id });
    if (!result.ok) {
      setRowError({ id: message.id, text: t(`errors.${result.error.code}`) });
      return;
    }
    await play(message.id, base64ToBytes(result.value.contentBase64), message.mimeType);
  };

  const startRecording = async () => {
    setProblem(null);
    setStatus(null);
    setDraft(null);
    stopPlayback();
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices) {
      setProblem({ kind: 'no-recorder' });
      return;
    }
    const mimeType = recorderMimeType((type) => MediaRecorder.isTypeSupported(type));
    setRecording({ kind: 'starting' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: microphoneId ? { deviceId: { ideal: microphoneId } } : true,
      });
    } catch (error) {
      setRecording({ kind: 'idle' });
      setProblem({ kind: 'microphone', detail: error instanceof Error ? error.name : String(error) });
      return;
    }
    streamRef.current = stream;
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    recorderRef.current = recorder;
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    recorder.addEventListener('stop', () => {
      stopStream();
      recorderRef.current = null;
      setRecording({ kind: 'idle' });
      const type = recorder.mimeType || mimeType || 'audio/webm';
      const format = formatOfMimeType(type) ?? 'webm';
      void new Blob(chunks, { type }).arrayBuffer().then(async (buffer) => {
        const bytes = new Uint8Array(buffer);
        const durationMs = await decodedDurationMs(bytes).catch(() => Date.now() - startedAt);
        setDraft({ bytes, format, mimeType: type, durationMs, source: 'recorded' });
      });
    });
    recorder.start();
    setElapsed(0);
    setRecording({ kind: 'recording', startedAt });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    setStatus(null);
    setDraft(null);
    stopPlayback();
    const metaProblem = checkAudioFileMeta(file);
    if (metaProblem) return setProblem({ kind: 'file', problem: metaProblem });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkAudioBytes(file, bytes);
    if (!checked.ok) return setProblem({ kind: 'file', problem: checked.problem });
    let durationMs: number | undefined;
    try {
      durationMs = await decodedDurationMs(bytes);
    } catch {
      return setProblem({ kind: 'undecodable' });
    }
    if (name.trim() === '') setName(baseName(file.name));
    setDraft({
      bytes,
      format: checked.format,
      mimeType: voicemailMimeTypes[checked.format],
      durationMs,
      source: 'imported',
      fileName: file.name,
    });
  };

  const save = async () => {
    if (!draft) return;
    if (name.trim() === '') {
      setProblem({ kind: 'name' });
      nameRef.current?.focus();
      return;
    }
    setProblem(null);
    setRecording({ kind: 'saving' });
    const result = await voicemailRequest(client, 'voicemail.save', {
      name: name.trim(),
      source: draft.source,
      mimeType: draft.mimeType,
      contentBase64: bytesToBase64(draft.bytes),
      makeDefault,
      ...(draft.fileName ? { fileName: draft.fileName } : {}),
      ...(draft.durationMs ? { durationMs: draft.durationMs } : {}),
    });
    setRecording({ kind: 'idle' });
    if (!result.ok) {
      setProblem({ kind: 'server', error: result.error });
      return;
    }
    setList(result.value.list);
    setStatus(t('voicemail.settings.saved', { name: result.value.saved.name }));
    setDraft(null);
    setName('');
    setMakeDefault(false);
    stopPlayback();
  };

  const listRequest = async (
    id: string,
    run: () => ReturnType<typeof voicemailRequest<'voicemail.setDefault'>>,
  ): Promise<boolean> => {
    setRowError(null);
    const result = await run();
    if (result.ok) setList(result.value);
    else setRowError({ id, text: t(`errors.${result.error.code}`) });
    return result.ok;
  };

  const problemText = (p: Problem): string => {
    switch (p.kind) {
      case 'file':
        return t(`voicemail.settings.problem.${p.problem.code}`, {
          ...(p.problem.code === 'too-big' ? { size: p.problem.sizeMb, max: p.problem.maxMb } : {}),
          ...(p.problem.code === 'mismatch'
            ? { named: p.problem.named.toUpperCase(), actual: p.problem.actual.toUpperCase() }
            : {}),
        });
      case 'server':
        // Core's message names the exact problem (size, type); the code gives the category.
        return p.error.code === 'invalid-request' || p.error.code === 'conflict'
          ? `${t(`errors.${p.error.code}`)} ${p.error.message}`
          : t(`errors.${p.error.code}`);
      case 'microphone':
        return t('voicemail.settings.problem.microphone', { detail: p.detail });
      default:
        return t(`voicemail.settings.problem.${p.kind}`);
    }
  };

  const details = (m: Pick<VoicemailMessage, 'format' | 'bytes' | 'durationMs'>) =>
    t('voicemail.settings.details', {
      format: m.format.toUpperCase(),
      duration: m.durationMs ? formatDuration(m.durationMs) : '–',
      size: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m.bytes / 1024),
    });

  const busy = recording.kind !== 'idle';
  return (
    <section className="settings-section voicemail-section" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('voicemail.settings.title')}</h2>
      <p className="note">{t('voicemail.settings.intro')}</p>

      {loadError && (
        <p className="form-error" role="alert">
          {t('voicemail.settings.loadFailed')} {t(`errors.${loadError.code}`)}
        </p>
      )}
      {list && list.messages.length === 0 && <p className="note">{t('voicemail.settings.none')}</p>}
      {list && list.messages.length > 0 && (
        <ul className="voicemail-list" aria-label={t('voicemail.settings.listLabel')}>
          {list.messages.map((m) => (
            <li key={m.id} className="voicemail-item" data-message-id={m.id}>
              <label className="voicemail-default">
                <input
                  type="radio"
                  name={`${base}-default`}
                  checked={list.defaultId === m.id}
                  onChange={() =>
                    void listRequest(m.id, () => voicemailRequest(client, 'voicemail.setDefault', { id: m.id }))
                  }
                />
                <span className="visually-hidden">{t('voicemail.settings.makeDefaultOf', { name: m.name })}</span>
              </label>
              {renaming?.id === m.id ? (
                <form
                  className="voicemail-rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void listRequest(m.id, () =>
                      voicemailRequest(client, 'voicemail.rename', { id: m.id, name: renaming.name }),
                    ).then((ok) => ok && setRenaming(null));
                  }}
                >
                  <label htmlFor={`${base}-rename`} className="visually-hidden">
                    {t('voicemail.settings.newName', { name: m.name })}
                  </label>
                  <input
                    id={`${base}-rename`}
                    value={renaming.name}
                    maxLength={VOICEMAIL_NAME_MAX}
                    autoFocus
                    onChange={(event) => setRenaming({ id: m.id, name: event.target.value })}
                    onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
                  />
                  <button type="submit" className="button">
                    {t('voicemail.settings.saveName')}
                  </button>
                </form>
              ) : (
                <span className="voicemail-name">
                  {m.name}
                  {list.defaultId === m.id && <span className="note"> · {t('voicemail.settings.isDefault')}</span>}
                </span>
              )}
              <span className="note voicemail-details">{details(m)}</span>
              <span className="voicemail-actions">
                <button
                  type="button"
                  className="button"
                  aria-label={t(playing === m.id ? 'voicemail.settings.stopOf' : 'voicemail.settings.playOf', {
                    name: m.name,
                  })}
                  onClick={() => void playSaved(m)}
                >
                  {playing === m.id ? t('voicemail.settings.stop') : t('voicemail.settings.play')}
                </button>
                {renaming?.id !== m.id && (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('voicemail.settings.renameOf', { name: m.name })}
                    onClick={() => setRenaming({ id: m.id, name: m.name })}
                  >
                    {t('voicemail.settings.rename')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-danger-quiet"
                  aria-label={t('voicemail.settings.deleteOf', { name: m.name })}
                  onClick={() => setConfirmDelete(m)}
                >
                  {t('voicemail.settings.delete')}
                </button>
              </span>
              {rowError?.id === m.id && (
                <p className="form-error" role="alert">
                  {rowError.text}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('voicemail.settings.newTitle')}</h3>
      <div className={problem?.kind === 'name' ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${base}-name`}>{t('voicemail.settings.name')}</label>
        <input
          ref={nameRef}
          id={`${base}-name`}
          value={name}
          maxLength={VOICEMAIL_NAME_MAX}
          placeholder={t('voicemail.settings.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="form-actions">
        {recording.kind === 'recording' ? (
          <button type="button" className="button button-danger" onClick={() => recorderRef.current?.stop()}>
            {t('voicemail.settings.stopRecording', { elapsed: formatDuration(elapsed) })}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void startRecording()}>
            {t('voicemail.settings.record')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-describedby={`${base}-file-hint`}
          onClick={() => fileRef.current?.click()}
        >
          {t('voicemail.settings.import')}
        </button>
        {/* The button opens the file picker; the input itself stays out of sight and out of the tab order. */}
        <input
          ref={fileRef}
          type="file"
          accept={ACCEPT}
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-voicemail-file
          onChange={(event) => void importFile(event)}
        />
        <span id={`${base}-file-hint`} className="field-hint">
          {t('voicemail.settings.importHint')}
        </span>
      </div>
      {recording.kind === 'recording' && (
        <p className="note" aria-live="polite">
          {t('voicemail.settings.recording')}
        </p>
      )}

      {draft && (
        <div className="voicemail-draft">
          <p>
            {t(draft.source === 'recorded' ? 'voicemail.settings.draftRecorded' : 'voicemail.settings.draftImported', {
              details: details({ format: draft.format, bytes: draft.bytes.length, durationMs: draft.durationMs }),
            })}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={makeDefault} onChange={(event) => setMakeDefault(event.target.checked)} />{' '}
            {t('voicemail.settings.makeDefault')}
          </label>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => (playing === 'draft' ? stopPlayback() : void play('draft', draft.bytes, draft.mimeType))}
            >
              {playing === 'draft' ? t('voicemail.settings.stop') : t('voicemail.settings.listen')}
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
              {recording.kind === 'saving' ? t('voicemail.settings.saving') : t('voicemail.settings.save')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                stopPlayback();
                setDraft(null);
              }}
            >
              {t('voicemail.settings.discard')}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problemText(problem)}
        </p>
      )}
      <p className="form-status" aria-live="polite">
        {status}
      </p>

      <ConfirmDialog
        open={confirmDelete !== null}
        title={t('voicemail.settings.confirmTitle', { name: confirmDelete?.name ?? '' })}
        body={t('voicemail.settings.confirmBody')}
        confirmLabel={t('voicemail.settings.delete')}
        cancelLabel={t('voicemail.settings.cancel')}
        onCancel={() => setConfirmDelete(null)}
        onConfirm={() => {
          const m = confirmDelete;
          setConfirmDelete(null);
          if (!m) return;
          if (playing === m.id) stopPlayback();
          void listRequest(m.id, () => voicemailRequest(client, 'voicemail.delete', { id: m.id }));
        }}
      />
    </section>
  );
}
