import { z } from 'zod';
import { StageSchema } from './lead';

/**
 * Dispositions: what came of a call, picked by the seller or read from SIP where that is
 * certain. The set is the dealership's (labels, retry spacing, stage change), stored as data.
 */
export const DispositionIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, starting with a letter');

/** Dispositions the app sets by itself from SIP final statuses: a set must keep them. */
export const sipDispositionIds = ['no-answer', 'busy', 'invalid-number', 'declined'] as const;
export type SipDispositionId = (typeof sipDispositionIds)[number];

export const RetryRuleSchema = z.strictObject({
  /** Minutes before the lead may be called again from the list. */
  afterMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 60),
  /** Calls from the list after which the entry is done, whatever the outcome. */
  maxAttempts: z.number().int().min(1).max(20),
});
export type RetryRule = z.infer<typeof RetryRuleSchema>;

export const DispositionSchema = z.strictObject({
  id: DispositionIdSchema,
  labels: z.strictObject({ fr: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) }),
  /** null: the list entry is done after this outcome. */
  retry: RetryRuleSchema.nullable(),
  /** Moves the lead to `to`, only from the listed stages when `onlyFrom` is given. */
  stage: z.strictObject({ to: StageSchema, onlyFrom: z.array(StageSchema).max(6).optional() }).nullable(),
  /** The seller spoke with the lead: due callbacks are done. */
  contact: z.boolean(),
  /** Counts as an appointment in the session stats. */
  appointment: z.boolean(),
  /** Revokes the consent for the number and puts it on the internal do-not-call list at once. */
  doNotCall: z.boolean(),
  /** The seller must give a callback time with it ("callback requested"). */
  requiresCallback: z.boolean(),
});
export type Disposition = z.infer<typeof DispositionSchema>;

/** Labels that read the same (case, accents and spacing aside) are the same label. */
export const sameLabelKey = (label: string): string =>
  label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
export const duplicateLabelMessage = 'another disposition has this label';

/**
 * The first label that repeats one before it, per language: two outcomes a seller cannot tell
 * apart in the wrap-up form or the Calls filter. Checked when a set is saved, not when one is
 * read (a file written before this check still loads).
 */
export function repeatedLabel(
  set: readonly Pick<Disposition, 'labels'>[],
): { index: number; lang: 'fr' | 'en' } | null {
  for (const lang of ['fr', 'en'] as const) {
    const seen = new Set<string>();
    for (const [index, d] of set.entries()) {
      const label = sameLabelKey(d.labels[lang]);
      if (seen.has(label)) return { index, lang };
      seen.add(label);
    }
  }
  return null;
}

export const DispositionSetSchema = z
  .array(DispositionSchema)
  .min(1)
  .max(50)
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate disposition "${d.id}"` });
      seen.add(d.id);
    });
    for (const id of sipDispositionIds)
      if (!seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `disposition "${id}" is set from SIP and cannot be removed`,
        });
  });

const d = (
  id: string,
  fr: string,
  en: string,
  extra: Partial<Omit<Disposition, 'id' | 'labels'>> = {},
): Disposition => ({
  id,
  labels: { fr, en },
  retry: null,
  stage: null,
  contact: false,
  appointment: false,
  doNotCall: false,
  requiresCallback: false,
  ...extra,
});

/** The built-in set (VICIdial/Close-like), used until a manager changes it. */
export const defaultDispositions: readonly Disposition[] = [
  d('answered', 'Répondu', 'Answered', { contact: true, stage: { to: 'contacted', onlyFrom: ['new'] } }),
  d('appointment-set', 'Rendez-vous pris', 'Appointment set', {
    contact: true,
    appointment: true,
    stage: { to: 'appointment', onlyFrom: ['new', 'contacted'] },
  }),
  d('callback-requested', 'Rappel demandé', 'Callback requested', {
    contact: true,
    requiresCallback: true,
    stage: { to: 'contacted', onlyFrom: ['new'] },
  }),
  d('no-answer', 'Pas de réponse', 'No answer', { retry: { afterMinutes: 120, maxAttempts: 3 } }),
  d('busy', 'Occupé', 'Busy', { retry: { afterMinutes: 10, maxAttempts: 3 } }),
  d('voicemail-left', 'Message laissé', 'Voicemail left', { retry: { afterMinutes: 24 * 60, maxAttempts: 3 } }),
  d('declined', 'Appel rejeté', 'Declined', { retry: { afterMinutes: 240, maxAttempts: 2 } }),
  d('wrong-number', 'Faux numéro', 'Wrong number'),
  d('invalid-number', 'Numéro invalide', 'Invalid number'),
  d('refused', 'Refus – ne plus appeler', 'Refused – do not call again', { contact: true, doNotCall: true }),
  d('sold', 'Vendu', 'Sold', { contact: true, stage: { to: 'sold' } }),
];

/** What the seller gives in the wrap-up step: the disposition, and optionally a note and a callback. */
/** A callback asked for with a disposition. */
export const OutcomeCallbackSchema = z.strictObject({
  dueAt: z.iso.datetime({ offset: true }),
  scope: z.enum(['owner', 'anyone']),
});

export const OutcomeInputSchema = z.strictObject({
  disposition: DispositionIdSchema,
  note: z.string().trim().min(1).max(10_000).optional(),
  callback: OutcomeCallbackSchema.optional(),
});
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

/**
 * The seller's disposition of a saved call record. The journal is write-once (a second record
 * with the same id is dropped as a duplicate), so this lives beside it and wins on read.
 */
export const CallOutcomeSchema = z.strictObject({
  disposition: DispositionIdSchema,
  notes: z.string().max(10_000).optional(),
  /** Kept with the disposition so that a restart can finish applying it to the lead. */
  callback: OutcomeCallbackSchema.optional(),
  at: z.iso.datetime({ offset: true }),
  by: z.string().max(100),
});
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

export const DoNotCallEntrySchema = z.strictObject({
  number: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number'),
  addedAt: z.iso.datetime({ offset: true }),
  /** `refused`: set by a "do not call again" disposition; `manual`: added by hand. */
  reason: z.enum(['refused', 'manual']),
  leadId: z.string().optional(),
  by: z.string().max(100),
});
export type DoNotCallEntry = z.infer<typeof DoNotCallEntrySchema>;
