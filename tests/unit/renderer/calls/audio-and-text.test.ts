import { describe, expect, it } from 'vitest';
import {
  baseName,
  checkAudioBytes,
  checkAudioFileMeta,
  recorderMimeType,
} from '../../../../src/renderer/calls/audio-check';
import {
  dispositionLabel,
  namedSipStatuses,
  sipStatusKey,
  talkMs,
  withGrade,
} from '../../../../src/renderer/calls/call-text';
import { buildOutcome } from '../../../../src/renderer/calls/outcome-form';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';
import { defaultDispositions } from '../../../../src/shared/domain/disposition';
import { VOICEMAIL_MAX_BYTES } from '../../../../src/shared/domain/voicemail';
import { oggBytes, wavBytes } from '../../voicemail/fixtures';

describe('checking an audio file in the page', () => {
  it('refuses empty, too big and non-audio names before reading', () => {
    expect(checkAudioFileMeta({ name: 'a.wav', size: 0, type: 'audio/wav' })).toEqual({ code: 'empty' });
    expect(checkAudioFileMeta({ name: 'a.wav', size: VOICEMAIL_MAX_BYTES + 1, type: 'audio/wav' })).toEqual({
      code: 'too-big',
      sizeMb: '2.1',
      maxMb: '2',
    });
    expect(checkAudioFileMeta({ name: 'a.m4a', size: 10, type: 'audio/mp4' })).toEqual({ code: 'bad-extension' });
    expect(checkAudioFileMeta({ name: 'a.WAV', size: 10, type: '' })).toBeUndefined();
    expect(checkAudioFileMeta({ name: 'enregistrement', size: 10, type: 'audio/ogg' })).toBeUndefined();
  });

  it('reads the bytes and catches a file whose name lies', () => {
    expect(checkAudioBytes({ name: 'accueil.wav' }, wavBytes())).toEqual({ ok: true, format: 'wav' });
    expect(checkAudioBytes({ name: 'accueil.mp3' }, oggBytes())).toEqual({
      ok: false,
      problem: { code: 'mismatch', named: 'mp3', actual: 'ogg' },
    });
    expect(checkAudioBytes({ name: 'x.wav' }, new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      problem: { code: 'not-audio' },
    });
  });

  it('names a message after its file and picks the recorder format', () => {
    expect(baseName('Relance après essai.mp3')).toBe('Relance après essai');
    expect(recorderMimeType((t) => t === 'audio/ogg;codecs=opus')).toBe('audio/ogg;codecs=opus');
    expect(recorderMimeType(() => true)).toBe('audio/webm;codecs=opus');
    expect(recorderMimeType(() => false)).toBeUndefined();
  });
});

describe('call rows in words', () => {
  it('has words for every SIP status it names, in both languages', () => {
    for (const status of namedSipStatuses) {
      expect(sipStatusKey(status)).toBe(`calls.sip.${status}`);
      expect((fr.calls.sip as Record<string, string>)[String(status)]).toBeTruthy();
      expect((en.calls.sip as Record<string, string>)[String(status)]).toBeTruthy();
    }
    expect(sipStatusKey(499)).toBe('calls.sip.other');
    expect(sipStatusKey(undefined)).toBeUndefined();
  });

  it('labels dispositions in the UI language', () => {
    expect(dispositionLabel(defaultDispositions, 'voicemail-left', 'fr')).toBe('Message laissé');
    expect(dispositionLabel(defaultDispositions, 'voicemail-left', 'en-GB')).toBe('Voicemail left');
    expect(dispositionLabel(defaultDispositions, 'gone', 'fr')).toBe('gone');
    expect(dispositionLabel(defaultDispositions, undefined, 'fr')).toBe('');
  });

  it('measures talk time only for answered calls, and grades the stored quality', () => {
    expect(talkMs({ answeredAt: '2026-03-10T09:00:08Z', endedAt: '2026-03-10T09:02:38Z' })).toBe(150_000);
    expect(talkMs({ endedAt: '2026-03-10T09:02:38Z' })).toBeUndefined();
    expect(withGrade({ rttMs: 40, jitterMs: 3, lossPct: 0.2, mos: 4.3 }).grade).toBe('good');
    expect(withGrade({ rttMs: 40, jitterMs: 3, lossPct: 8, mos: 2.1 }).grade).toBe('poor');
  });
});

describe('setting a saved call’s outcome', () => {
  const form = {
    disposition: 'answered',
    notes: '  Rappeler pour la reprise  ',
    callbackAt: '',
    scope: 'owner' as const,
  };
  it('needs a disposition, trims the note and leaves an empty one out', () => {
    expect(buildOutcome('R1', { ...form, disposition: '' }, defaultDispositions)).toEqual({
      ok: false,
      problem: 'no-disposition',
    });
    expect(buildOutcome('R1', form, defaultDispositions)).toEqual({
      ok: true,
      input: { recordId: 'R1', disposition: 'answered', note: 'Rappeler pour la reprise' },
    });
    expect(buildOutcome('R1', { ...form, notes: '   ' }, defaultDispositions)).toEqual({
      ok: true,
      input: { recordId: 'R1', disposition: 'answered' },
    });
  });

  it('asks for the callback time when the disposition requires one', () => {
    const callback = { ...form, disposition: 'callback-requested' };
    expect(buildOutcome('R1', callback, defaultDispositions)).toEqual({ ok: false, problem: 'no-callback' });
    const ok = buildOutcome(
      'R1',
      { ...callback, callbackAt: '2026-03-12T14:30', scope: 'anyone' },
      defaultDispositions,
    );
    expect(ok).toMatchObject({
      ok: true,
      input: { callback: { dueAt: new Date(2026, 2, 12, 14, 30).toISOString(), scope: 'anyone' } },
    });
  });
});
