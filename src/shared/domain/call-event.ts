import { z } from 'zod';
import { CallQualitySchema } from './call-record';

/**
 * What the softphone (renderer) tells core about each call, in order. Core turns these into the
 * durable call record; the dialer listens to them to move its session on. `callId` is the
 * softphone's id for the call, stable from `started` to `ended`.
 */
const base = {
  callId: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
};

export const HangupSideSchema = z.enum(['local', 'remote', 'system']);

export const CallEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('started'),
    direction: z.enum(['outbound', 'inbound']),
    /** E.164 when the number could be read, else as dialled or as received. */
    number: z.string().min(1).max(128),
    leadId: z.string().min(1).optional(),
    dialerSessionId: z.string().min(1).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('ringing') }),
  z.strictObject({ ...base, type: z.literal('answered') }),
  z.strictObject({ ...base, type: z.literal('held') }),
  z.strictObject({ ...base, type: z.literal('resumed') }),
  z.strictObject({
    ...base,
    type: z.literal('transferred'),
    kind: z.enum(['blind', 'attended']),
    target: z.string().min(1).max(256),
  }),
  z.strictObject({
    ...base,
    type: z.literal('ended'),
    /** SIP final status when one was seen (200 for a call that was answered and then hung up). */
    sipStatus: z.number().int().min(100).max(699).optional(),
    hangupSide: HangupSideSchema,
    /** Why, in words a support person can read: "486 Busy Here", "no answer after 30 s", "network lost". */
    reason: z.string().max(256).optional(),
    quality: CallQualitySchema.optional(),
  }),
]);
export type CallEvent = z.infer<typeof CallEventSchema>;
export type CallEventType = CallEvent['type'];
