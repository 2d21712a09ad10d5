import { z } from 'zod';

/** Schema version written in every journal record (`v`). */
export const CALL_RECORD_VERSION = 1;

/** ULID-like id: 26 Crockford base32 chars (no I, L, O, U). */
export const RECORD_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const isoDateTime = z.iso.datetime({ offset: true });

export const CallQualitySchema = z.strictObject({
  rttMs: z.number().nonnegative(),
  jitterMs: z.number().nonnegative(),
  lossPct: z.number().min(0).max(100),
  mos: z.number().min(1).max(5),
});

// Key order matters: `id` then `v` come first so a journal line starts with `{"id":"…"`
// and ids can be read without parsing the whole line.
// Strict: an unknown key is a caller bug (typo) and must not be dropped silently.
export const CallRecordSchema = z.strictObject({
  id: z.string().regex(RECORD_ID_PATTERN, 'must be a 26-char time-ordered record id'),
  v: z.literal(CALL_RECORD_VERSION),
  leadId: z.string().min(1).optional(),
  number: z.string().min(1),
  direction: z.enum(['outbound', 'inbound']),
  startedAt: isoDateTime,
  ringingAt: isoDateTime.optional(),
  answeredAt: isoDateTime.optional(),
  endedAt: isoDateTime.optional(),
  sipStatus: z.number().int().min(100).max(699).optional(),
  hangupSide: z.enum(['local', 'remote', 'system']).optional(),
  disposition: z.string().min(1).optional(),
  notes: z.string().optional(),
  quality: CallQualitySchema.optional(),
  dialerSessionId: z.string().min(1).optional(),
  /** The app stopped during the call: its end is unknown, the rest is what was known then. */
  interrupted: z.literal(true).optional(),
});

export type CallRecord = z.infer<typeof CallRecordSchema>;
export type CallQuality = z.infer<typeof CallQualitySchema>;
