import { z } from 'zod';
import { CallReasonSchema } from './calling-rules';
import { DispositionIdSchema } from './disposition';
import { StageSchema } from './lead';
import { LeadQuerySchema } from './lead-query';

const isoDateTime = z.iso.datetime({ offset: true });
const leadId = z.string().min(1).max(64);

/** Most leads one list holds: the whole lead store of a large dealership. */
export const MAX_LIST_ENTRIES = 100_000;

/**
 * A saved filter: the lead list's query plus what a manager asks of a callback list
 * ("stage appointment or contacted, last contact before the closure, no sale").
 */
export const CallbackListFilterSchema = z.strictObject({
  query: LeadQuerySchema.optional(),
  /** Last contact (lead's or last call's, whichever is later) strictly before this time; never contacted matches. */
  lastContactBefore: isoDateTime.optional(),
  /** Last contact at or after this time; never contacted does not match. */
  lastContactAfter: isoDateTime.optional(),
  excludeStages: z.array(StageSchema).max(6).optional(),
});
export type CallbackListFilter = z.input<typeof CallbackListFilterSchema>;
export type ParsedCallbackListFilter = z.output<typeof CallbackListFilterSchema>;

export const CallbackListSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('selection'), leadIds: z.array(leadId).min(1).max(MAX_LIST_ENTRIES) }),
  z.strictObject({ kind: z.literal('filter'), filter: CallbackListFilterSchema }),
]);
export type CallbackListSource = z.output<typeof CallbackListSourceSchema>;

/** `owner`: only the lead's owner calls it; `anyone`: any seller of the dealership may. */
export const EntryScopeSchema = z.enum(['owner', 'anyone']);
export type EntryScope = z.infer<typeof EntryScopeSchema>;

export const CallbackListSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  source: CallbackListSourceSchema,
  /** Scope of entries whose lead has no pending callback saying otherwise. */
  scope: EntryScopeSchema,
  createdBy: z.string().max(100),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CallbackList = z.infer<typeof CallbackListSchema>;

export const entryStatuses = ['to-call', 'calling', 'done', 'skipped'] as const;
export const EntryStatusSchema = z.enum(entryStatuses);
export type EntryStatus = z.infer<typeof EntryStatusSchema>;

export const SkipReasonSchema = z.strictObject({
  /**
   * forbidden: the calling rules said no; seller: skipped from the preview; interrupted: the app
   * stopped while this lead was being dialled, so whether the call left is unknown.
   */
  kind: z.enum(['forbidden', 'do-not-call', 'no-number', 'seller', 'lead-missing', 'interrupted']),
  reasons: z
    .array(
      z.strictObject({
        code: z.string().max(64),
        /** In the seller's language when the skip happened (also written on the lead's timeline). */
        text: z.string().max(500).optional(),
        /** The calling rule's own reason with its parameters, for the screens to word in their language. */
        rule: CallReasonSchema.optional(),
      }),
    )
    .max(20),
  /** When the rules would allow the call: the entry is offered again from then. */
  nextLegalAt: isoDateTime.optional(),
  at: isoDateTime,
});
export type SkipReason = z.infer<typeof SkipReasonSchema>;

export const CallbackEntrySchema = z.strictObject({
  /** `<listId>~<leadId>`: one entry per lead and list. */
  id: z.string().min(1).max(130),
  listId: z.string().min(1).max(64),
  leadId,
  /** 0..9, higher first among entries with the same callback due time. */
  priority: z.number().int().min(0).max(9),
  scope: EntryScopeSchema,
  owner: z.string().max(100).optional(),
  status: EntryStatusSchema,
  /** Calls made from this list to this lead. */
  attempts: z.number().int().nonnegative(),
  /** Not offered before this time (retry spacing, callback asked in the wrap-up). */
  nextEligibleAt: isoDateTime.optional(),
  lastOutcome: DispositionIdSchema.optional(),
  lastCallAt: isoDateTime.optional(),
  /** The call record of the last outcome applied: a retried save does not count twice. */
  lastRecordId: z.string().optional(),
  skip: SkipReasonSchema.optional(),
  /** The dialer session holding the entry while its status is `calling`. */
  sessionId: z.string().optional(),
  addedAt: isoDateTime,
});
export type CallbackEntry = z.infer<typeof CallbackEntrySchema>;

export const ListProgressSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  toCall: z.number().int().nonnegative(),
  calling: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type ListProgress = z.infer<typeof ListProgressSchema>;

export const CallbackListSummarySchema = CallbackListSchema.extend({ progress: ListProgressSchema });
export type CallbackListSummary = z.infer<typeof CallbackListSummarySchema>;

/** One row of a list as the screen shows it: the entry and the lead's card facts. */
export const CallbackListRowSchema = CallbackEntrySchema.extend({
  name: z.string(),
  phone: z.string().optional(),
  stage: StageSchema.optional(),
  nextCallbackAt: z.string().optional(),
  lastContactAt: z.string().optional(),
});
export type CallbackListRow = z.infer<typeof CallbackListRowSchema>;

export const CallbackListPageSchema = z.strictObject({
  list: CallbackListSummarySchema,
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(CallbackListRowSchema),
});
export type CallbackListPage = z.infer<typeof CallbackListPageSchema>;

export const CreateCallbackListInputSchema = z.strictObject({
  name: CallbackListSchema.shape.name,
  source: CallbackListSourceSchema,
  scope: EntryScopeSchema.default('anyone'),
});
export type CreateCallbackListInput = z.input<typeof CreateCallbackListInputSchema>;
