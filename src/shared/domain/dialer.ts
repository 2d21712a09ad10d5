import { z } from 'zod';
import { CallRecordSchema } from './call-record';
import {
  CallbackListFilterSchema,
  CallbackListPageSchema,
  CallbackListSummarySchema,
  CreateCallbackListInputSchema,
} from './callback-list';
import {
  DispositionIdSchema,
  DispositionSetSchema,
  DoNotCallEntrySchema,
  OutcomeCallbackSchema,
  OutcomeInputSchema,
} from './disposition';

const isoDateTime = z.iso.datetime({ offset: true });

export const dialerModes = ['preview', 'power'] as const;
export const DialerModeSchema = z.enum(dialerModes);
export type DialerMode = z.infer<typeof DialerModeSchema>;

/** The dialer session's states; the transitions are in src/core/dialer/machine.ts. */
export const dialerStateKinds = [
  'idle',
  'choosing',
  'preview',
  'dialing',
  'ringing',
  'connected',
  'wrap-up',
  'paused',
  'stopped',
  /** The app stopped during a session: shown on restart, to resume or stop. */
  'interrupted',
] as const;
export type DialerStateKind = (typeof dialerStateKinds)[number];

/** The lead and number a session is about to call, calls, or has called. */
export const DialTargetSchema = z.strictObject({
  entryId: z.string(),
  leadId: z.string(),
  number: z.string(),
  name: z.string(),
});
export type DialTarget = z.infer<typeof DialTargetSchema>;

export const SessionStatsSchema = z.strictObject({
  dialed: z.number().int().nonnegative(),
  connected: z.number().int().nonnegative(),
  /** connected / dialed, 0..1 (0 before the first call). */
  contactRate: z.number().min(0).max(1),
  appointments: z.number().int().nonnegative(),
  talkSeconds: z.number().nonnegative(),
  /** Dialed per hour of session time, pauses excluded. */
  callsPerHour: z.number().nonnegative(),
});
export type SessionStats = z.infer<typeof SessionStatsSchema>;

/** Everything the session screen shows; sent with every change (`dialer.changed`). */
export const DialerViewSchema = z.strictObject({
  state: z.enum(dialerStateKinds),
  sessionId: z.string().optional(),
  listId: z.string().optional(),
  mode: DialerModeSchema.optional(),
  /** The lead on screen: previewed, being called, or in wrap-up. */
  current: DialTargetSchema.optional(),
  /** The lead that comes next, known during wrap-up and pauses. */
  next: DialTargetSchema.optional(),
  callId: z.string().optional(),
  recordId: z.string().optional(),
  countdownEndsAt: isoDateTime.optional(),
  wrapUpEndsAt: isoDateTime.optional(),
  disposition: z.enum(['needed', 'saving', 'saved']).optional(),
  /** Set from SIP when certain (busy, no answer…): no seller choice needed. */
  autoDisposition: DispositionIdSchema.optional(),
  /** What happens once the current call is done. */
  then: z.enum(['next', 'pause', 'stop']).optional(),
  pauseReason: z.enum(['seller', 'phone']).optional(),
  stopReason: z.enum(['seller', 'list-done']).optional(),
  /** List done for now: how many of its leads the seller may call later, and from when the first. */
  comesBack: z.strictObject({ count: z.number().int().positive(), at: isoDateTime }).optional(),
  /** List done for now: leads still to call that only other sellers may (owner-only callbacks). */
  reservedForOthers: z.number().int().positive().optional(),
  problem: z.string().optional(),
  /**
   * Interrupted session: leads that were being dialled when the app stopped, with no trace of the
   * call; they are skipped, not dialled again, so the seller can check them by hand.
   */
  uncertain: z.array(DialTargetSchema).max(50).optional(),
  stats: SessionStatsSchema,
});
export type DialerView = z.infer<typeof DialerViewSchema>;

/** The Calls screen's filters; dates bound the call's start. */
export const CallsQuerySchema = z.strictObject({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  direction: z.enum(['outbound', 'inbound']).optional(),
  dispositions: z.array(DispositionIdSchema).max(50).optional(),
  /** Only calls with no disposition yet (the seller's to-do). */
  undisposed: z.boolean().optional(),
  leadId: z.string().min(1).max(64).optional(),
  dialerSessionId: z.string().min(1).optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type CallsQuery = z.input<typeof CallsQuerySchema>;
export type ParsedCallsQuery = z.output<typeof CallsQuerySchema>;

/** A call record as read: the seller's later disposition and notes applied, and the lead's name. */
export const CallRowSchema = CallRecordSchema.extend({
  /** `sip`: set by the app from the final status; `seller`: picked by a seller. */
  dispositionBy: z.enum(['sip', 'seller']).optional(),
  dispositionAt: isoDateTime.optional(),
  leadName: z.string().optional(),
  talkSeconds: z.number().nonnegative().optional(),
  /** The callback the seller asked for with the disposition. */
  callback: OutcomeCallbackSchema.optional(),
});
export type CallRow = z.infer<typeof CallRowSchema>;

export const CallsPageSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(CallRowSchema),
});
export type CallsPage = z.infer<typeof CallsPageSchema>;

const empty = z.strictObject({});
const listId = z.string().min(1).max(64);

/**
 * Requests of the dialer, outcomes and calls; spread into `requests` of src/shared/contract.ts
 * (`calls.report`, the softphone's call events, is there already).
 */
export const dialerRequests = {
  'calls.list': { input: CallsQuerySchema, output: CallsPageSchema },
  /** Sets (or changes) the disposition, notes and callback of a saved call. */
  'calls.setOutcome': {
    input: OutcomeInputSchema.extend({ recordId: z.string().min(1).max(64) }),
    output: CallRowSchema,
  },
  'dispositions.list': { input: empty, output: DispositionSetSchema },
  'dispositions.update': { input: z.strictObject({ set: DispositionSetSchema }), output: DispositionSetSchema },
  'doNotCall.list': { input: empty, output: z.array(DoNotCallEntrySchema) },
  /** Any format the dial field takes; read with settings.defaultRegion. */
  'doNotCall.add': {
    input: z.strictObject({ number: z.string().min(1).max(64) }),
    output: z.array(DoNotCallEntrySchema),
  },
  'doNotCall.remove': {
    input: z.strictObject({ number: z.string().min(1).max(64) }),
    output: z.array(DoNotCallEntrySchema),
  },
  'callbackLists.list': { input: empty, output: z.array(CallbackListSummarySchema) },
  'callbackLists.get': {
    input: z.strictObject({
      id: listId,
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: CallbackListPageSchema,
  },
  /** How many leads a filter selects, before the list is made. */
  'callbackLists.count': {
    input: z.strictObject({ filter: CallbackListFilterSchema }),
    output: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'callbackLists.create': { input: CreateCallbackListInputSchema, output: CallbackListSummarySchema },
  /** A saved-filter list takes in new matches and drops entries still to call that no longer match. */
  'callbackLists.refresh': { input: z.strictObject({ id: listId }), output: CallbackListSummarySchema },
  'callbackLists.delete': { input: z.strictObject({ id: listId }), output: z.strictObject({ deleted: z.boolean() }) },
  'dialer.state': { input: empty, output: DialerViewSchema },
  'dialer.start': { input: z.strictObject({ listId, mode: DialerModeSchema }), output: DialerViewSchema },
  'dialer.callNow': { input: empty, output: DialerViewSchema },
  'dialer.skip': { input: empty, output: DialerViewSchema },
  /**
   * `phoneProblem`: the screen pauses because the phone cannot place the coming call (the words
   * the seller reads); core keeps it as the phone's pause. Only before a call starts.
   */
  'dialer.pause': {
    input: z.strictObject({ phoneProblem: z.string().trim().min(1).max(500).optional() }),
    output: DialerViewSchema,
  },
  'dialer.resume': { input: empty, output: DialerViewSchema },
  'dialer.stop': { input: empty, output: DialerViewSchema },
  /** "Save disposition": resolves once the outcome is on disk. */
  'dialer.saveOutcome': { input: OutcomeInputSchema, output: DialerViewSchema },
  /** The softphone's answer to `dialer.placeCall`. */
  'dialer.placeResult': {
    input: z.union([
      z.strictObject({ requestId: z.string().min(1).max(64), callId: z.string().min(1).max(64) }),
      z.strictObject({ requestId: z.string().min(1).max(64), problem: z.string().min(1).max(500) }),
    ]),
    output: z.strictObject({ accepted: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events of the dialer, outcomes and calls; spread into `events` of src/shared/contract.ts. */
export const dialerEvents = {
  'dialer.changed': DialerViewSchema,
  /** Core asks the softphone to call; it answers with `dialer.placeResult`. */
  'dialer.placeCall': z.strictObject({
    requestId: z.string(),
    dialerSessionId: z.string(),
    leadId: z.string(),
    number: z.string(),
  }),
  /** The next call is known: get media and the peer connection ready so its INVITE leaves at once. */
  'dialer.prepareCall': z.strictObject({ leadId: z.string(), number: z.string() }),
  /** Hang up the session's call (ring timeout, stop); without callId: any call of that session. */
  'dialer.hangup': z.strictObject({ dialerSessionId: z.string(), callId: z.string().optional() }),
  'calls.changed': z.strictObject({ recordIds: z.array(z.string()) }),
  'callbackLists.changed': z.strictObject({ ids: z.array(z.string()) }),
  /** The disposition set after a manager saved it (`dispositions.update`): every window takes it. */
  'dispositions.changed': DispositionSetSchema,
} as const satisfies Record<string, z.ZodType>;
