import {
  formatOfFileName,
  formatOfMimeType,
  sniffAudioFormat,
  VOICEMAIL_MAX_BYTES,
  type VoicemailFormat,
} from '../../shared/domain/voicemail';

export type AudioFileProblem =
  | { code: 'empty' }
  | { code: 'too-big'; sizeMb: string; maxMb: string }
  | { code: 'bad-extension' }
  | { code: 'not-audio' }
  | { code: 'mismatch'; named: VoicemailFormat; actual: VoicemailFormat };

// Rounded up: a file just over the limit must not read "2 MB; at most 2 MB".
const mb = (bytes: number) => String(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);

/** Checks on the file's name and size, before reading it. */
export function checkAudioFileMeta(file: { name: string; size: number; type: string }): AudioFileProblem | undefined {
  if (file.size === 0) return { code: 'empty' };
  if (file.size > VOICEMAIL_MAX_BYTES)
    return { code: 'too-big', sizeMb: mb(file.size), maxMb: mb(VOICEMAIL_MAX_BYTES) };
  if (!formatOfFileName(file.name) && !formatOfMimeType(file.type)) return { code: 'bad-extension' };
  return undefined;
}

/** Checks on the bytes: real WAV/MP3/Ogg/WebM, the same as the name says (core checks again). */
export function checkAudioBytes(
  file: { name: string },
  bytes: Uint8Array,
): { ok: true; format: VoicemailFormat } | { ok: false; problem: AudioFileProblem } {
  const actual = sniffAudioFormat(bytes);
  if (!actual) return { ok: false, problem: { code: 'not-audio' } };
  const named = formatOfFileName(file.name);
  if (named && named !== actual) return { ok: false, problem: { code: 'mismatch', named, actual } };
  return { ok: true, format: actual };
}

/** A file name without its extension: the message's default name. */
export const baseName = (fileName: string): string =>
  fileName
    .replace(/\.[A-Za-z0-9]+$/, '')
    .trim()
    .slice(0, 80);

/** The first container MediaRecorder here can write, Opus in WebM preferred (Chromium, Electron). */
export function recorderMimeType(isSupported: (type: string) => boolean): string | undefined {
  return ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'].find(isSupported);
}
