import { z } from 'zod';
import { CallReasonSchema } from './calling-rules';

/**
 * Voicemail drop: recorded messages a seller leaves on an answering machine with one button.
 * The audio lives in core as files (`<dataDir>/voicemail/<id>.<ext>`), listed by a document.
 */

/** Largest message accepted, in bytes (about 2 min of Opus, 20 s of 48 kHz WAV). */
export const VOICEMAIL_MAX_BYTES = 2 * 1024 * 1024;
export const VOICEMAIL_MAX_MESSAGES = 30;
export const VOICEMAIL_NAME_MAX = 80;
/** The disposition a drop logs (in the default set as "Message laissé" / "Voicemail left"). */
export const VOICEMAIL_LEFT_DISPOSITION = 'voicemail-left';

export const voicemailFormats = ['wav', 'mp3', 'ogg', 'webm'] as const;
export const VoicemailFormatSchema = z.enum(voicemailFormats);
export type VoicemailFormat = z.infer<typeof VoicemailFormatSchema>;

/** The MIME type each format is served with. */
export const voicemailMimeTypes: Record<VoicemailFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
};

/** MIME types browsers and OSes give these files (parameters such as `;codecs=opus` are ignored). */
const mimeAliases: Record<string, VoicemailFormat> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/x-mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'application/ogg': 'ogg',
  'video/ogg': 'ogg',
  'audio/webm': 'webm',
  'video/webm': 'webm',
};

/** The format a MIME type names; undefined for anything else (including ''). */
export function formatOfMimeType(mimeType: string): VoicemailFormat | undefined {
  const base = mimeType.split(';', 1)[0]!.trim().toLowerCase();
  return mimeAliases[base];
}

/** The format a file name's extension names (`.wav`, `.mp3`, `.ogg`/`.oga`/`.opus`, `.webm`/`.weba`). */
export function formatOfFileName(fileName: string): VoicemailFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'wav' || ext === 'wave') return 'wav';
  if (ext === 'mp3') return 'mp3';
  if (ext === 'ogg' || ext === 'oga' || ext === 'opus') return 'ogg';
  if (ext === 'webm' || ext === 'weba') return 'webm';
  return undefined;
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** An MPEG-1/2/2.5 Layer III frame header at `at` (AAC's ADTS has layer bits 00 and is not MP3). */
function isMp3Frame(bytes: Uint8Array, at: number): boolean {
  if (bytes.length < at + 4) return false;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 0b11;
  return (
    bytes[at] === 0xff && (b1 & 0xe0) === 0xe0 && version !== 0b01 && layer === 0b01 && bitrate !== 0xf && rate !== 0b11
  );
}

/**
 * What the bytes are, read from their headers (never from a name or a MIME type): WAV (RIFF/WAVE),
 * MP3 (ID3v2 tag then a Layer III frame, or a bare frame), Ogg (OggS) or WebM (EBML with DocType
 * webm). Anything else is undefined.
 */
export function sniffAudioFormat(bytes: Uint8Array): VoicemailFormat | undefined {
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    // The DocType sits in the first few dozen bytes of the EBML header.
    const head = bytes.subarray(0, 64);
    for (let i = 4; i < head.length - 4; i++) if (ascii(head, i, 'webm')) return 'webm';
    return undefined;
  }
  if (ascii(bytes, 0, 'ID3') && bytes.length >= 10) {
    // ID3v2 size: four 7-bit bytes; a footer (flag 0x10) adds 10 bytes.
    const size =
      ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
    const frameAt = 10 + size + (bytes[5]! & 0x10 ? 10 : 0);
    return isMp3Frame(bytes, frameAt) ? 'mp3' : undefined;
  }
  return isMp3Frame(bytes, 0) ? 'mp3' : undefined;
}

const messageId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a voicemail message id');
const isoDateTime = z.iso.datetime({ offset: true });

export const VoicemailMessageSchema = z.strictObject({
  id: messageId,
  name: z.string().trim().min(1).max(VOICEMAIL_NAME_MAX),
  format: VoicemailFormatSchema,
  mimeType: z.string(),
  bytes: z.number().int().positive().max(VOICEMAIL_MAX_BYTES),
  /** Measured by the page when it decoded the audio; absent when unknown. */
  durationMs: z.number().int().positive().optional(),
  /** `recorded` in the app, or `imported` from a file (with its name). */
  source: z.enum(['recorded', 'imported']),
  fileName: z.string().max(260).optional(),
  createdAt: isoDateTime,
});
export type VoicemailMessage = z.infer<typeof VoicemailMessageSchema>;

export const VoicemailListSchema = z.strictObject({
  /** Oldest first. */
  messages: z.array(VoicemailMessageSchema),
  /** The message the "Drop voicemail" button plays; null until the seller picks one. */
  defaultId: messageId.nullable(),
});
export type VoicemailList = z.infer<typeof VoicemailListSchema>;

export const VoicemailVerdictSchema = z.discriminatedUnion('allowed', [
  z.strictObject({ allowed: z.literal(true) }),
  z.strictObject({ allowed: z.literal(false), reasons: z.array(CallReasonSchema).min(1) }),
]);
export type VoicemailDropVerdict = z.infer<typeof VoicemailVerdictSchema>;

/** base64 of at most VOICEMAIL_MAX_BYTES, with room so core (not the schema) says "too big" in bytes. */
const BASE64_MAX_CHARS = Math.ceil((VOICEMAIL_MAX_BYTES * 2) / 3) * 4;

/**
 * Requests of voicemail drop; spread into `requests` of src/shared/contract.ts.
 * Errors: `invalid-request` (bad name, empty, too big, not WAV/MP3/Ogg/WebM, type and content
 * disagree), `not-found` (unknown message or call), `conflict` (same name, too many messages).
 */
export const voicemailRequests = {
  'voicemail.list': { input: z.strictObject({}), output: VoicemailListSchema },
  /** Saves a recorded or imported message; the first one becomes the default. */
  'voicemail.save': {
    input: z.strictObject({
      name: z.string().trim().min(1).max(VOICEMAIL_NAME_MAX),
      source: z.enum(['recorded', 'imported']),
      /** The imported file's name (its extension must agree with the content). */
      fileName: z.string().min(1).max(260).optional(),
      /** What the browser says (File.type, MediaRecorder.mimeType); must agree with the content. */
      mimeType: z.string().max(100).optional(),
      contentBase64: z.string().max(BASE64_MAX_CHARS),
      durationMs: z.number().int().positive().max(3_600_000).optional(),
      makeDefault: z.boolean().default(false),
    }),
    output: z.strictObject({ saved: VoicemailMessageSchema, list: VoicemailListSchema }),
  },
  'voicemail.rename': {
    input: z.strictObject({ id: messageId, name: z.string().trim().min(1).max(VOICEMAIL_NAME_MAX) }),
    output: VoicemailListSchema,
  },
  /** One message's audio; without id, the default message. */
  'voicemail.get': {
    input: z.strictObject({ id: messageId.optional() }),
    output: z.strictObject({ message: VoicemailMessageSchema, contentBase64: z.string() }),
  },
  'voicemail.delete': { input: z.strictObject({ id: messageId }), output: VoicemailListSchema },
  'voicemail.setDefault': { input: z.strictObject({ id: messageId }), output: VoicemailListSchema },
  /** May a message be left for this lead on this number, under the active calling rules? */
  'voicemail.canDrop': {
    input: z.strictObject({ leadId: z.string().min(1).max(64).optional(), number: z.string().min(1).max(128) }),
    output: VoicemailVerdictSchema,
  },
  /**
   * The message was played into this call (by its softphone call id) and the call hung up:
   * log "voicemail left" on its call record. `pending` when the record is not written yet (the
   * call's end is still on its way, or the dialer's wrap-up has not begun): core logs it as soon
   * as it is, also after a restart.
   */
  'voicemail.logDrop': {
    input: z.strictObject({ callId: z.string().min(1).max(64), messageId: messageId.optional() }),
    output: z.strictObject({ recordId: z.string(), status: z.enum(['logged', 'pending']) }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events of voicemail drop; spread into `events` of src/shared/contract.ts. */
export const voicemailEvents = {
  'voicemail.changed': VoicemailListSchema,
} as const satisfies Record<string, z.ZodType>;
