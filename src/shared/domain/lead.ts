import { z } from 'zod';

/**
 * The lead, aligned with ADF 1.0 (see docs and the leads issue) so that imports and exports
 * round-trip: contact ~ customer/contact, vehicles ~ vehicle[interest=buy|lease|test-drive],
 * tradeIn ~ vehicle[interest=trade-in], source ~ provider.
 */
export const stages = ['new', 'contacted', 'appointment', 'visited', 'sold', 'lost'] as const;
export const StageSchema = z.enum(stages);
export type Stage = z.infer<typeof StageSchema>;

export const phoneTypes = ['mobile', 'home', 'work', 'fax', 'other'] as const;
export const PhoneSchema = z.object({
  /** E.164 (+33612345678): the identity of the number for search, dedupe and dialing. */
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number'),
  /** As typed or imported, kept for display and audit. */
  raw: z.string().max(64),
  type: z.enum(phoneTypes),
  preferred: z.boolean(),
});
export type Phone = z.infer<typeof PhoneSchema>;

export const AddressSchema = z.object({
  street: z.string().max(200).optional(),
  apartment: z.string().max(100).optional(),
  city: z.string().max(100).optional(),
  regionCode: z.string().max(50).optional(),
  postalCode: z.string().max(20).optional(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type Address = z.infer<typeof AddressSchema>;

export const ContactSchema = z.object({
  kind: z.enum(['individual', 'business']),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  /** ADF name part="full" when the parts are unknown; company name for a business. */
  fullName: z.string().max(200).optional(),
  phones: z.array(PhoneSchema).max(20),
  email: z.string().email().max(254).optional(),
  address: AddressSchema.optional(),
  /** Free text from the lead ("après 18h", ADF phone@time / timeframe). */
  preferredContactTime: z.string().max(200).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

const yearSchema = z.number().int().min(1900).max(2100);
export const PriceSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  type: z.enum(['quote', 'offer', 'msrp', 'invoice', 'call', 'appraisal', 'asking']).optional(),
});

export const VehicleSchema = z.object({
  interest: z.enum(['buy', 'lease', 'test-drive']),
  condition: z.enum(['new', 'used']).optional(),
  year: yearSchema.optional(),
  make: z.string().min(1).max(60),
  model: z.string().min(1).max(80),
  trim: z.string().max(80).optional(),
  vin: z.string().max(17).optional(),
  stockNumber: z.string().max(40).optional(),
  /** French "immatriculation" (AA-123-AA). */
  registration: z.string().max(20).optional(),
  price: PriceSchema.optional(),
});
export type Vehicle = z.infer<typeof VehicleSchema>;

export const TradeInSchema = z.object({
  year: yearSchema.optional(),
  make: z.string().max(60).optional(),
  model: z.string().max(80).optional(),
  vin: z.string().max(17).optional(),
  registration: z.string().max(20).optional(),
  mileage: z.object({ value: z.number().int().nonnegative(), unit: z.enum(['km', 'mi']) }).optional(),
});
export type TradeIn = z.infer<typeof TradeInSchema>;

export const SourceSchema = z.object({
  /** Where the lead came from: "Site web", "La Centrale", "Salon", "CSV import" … */
  name: z.string().max(100),
  /** ADF provider name, when the lead came from a feed. */
  provider: z.string().max(100).optional(),
  /** The provider's id for this lead (ADF prospect/id), used to match re-sent leads. */
  externalId: z.string().max(100).optional(),
});

export const consentChannels = ['phone', 'web-form', 'email', 'in-person', 'paper', 'other'] as const;
/** How far ahead of a clock a consent's date may be (a seller's machine may run a little fast); later is refused. */
export const CONSENT_CLOCK_SKEW_MS = 5 * 60_000;

export const ConsentRecordSchema = z.object({
  id: z.string(),
  /** E.164 of the number the consent covers. */
  number: z.string().regex(/^\+[1-9]\d{6,14}$/),
  givenAt: z.string().datetime(),
  channel: z.enum(consentChannels),
  /** The exact wording shown or read to the consumer. */
  wording: z.string().min(1).max(2000),
  /** Reference to the proof (form id, recording id, signed paper scan). */
  proof: z.string().max(500).optional(),
  revokedAt: z.string().datetime().optional(),
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const CallbackSchema = z.object({
  id: z.string(),
  dueAt: z.string().datetime(),
  /** Who must call back; `anyone` lets any seller of the dealership take it. */
  owner: z.string().max(100),
  scope: z.enum(['owner', 'anyone']),
  status: z.enum(['pending', 'done']),
  note: z.string().max(2000).optional(),
  createdAt: z.string().datetime(),
  doneAt: z.string().datetime().optional(),
});
export type Callback = z.infer<typeof CallbackSchema>;

const timelineBase = { id: z.string(), at: z.string().datetime(), author: z.string().max(100).optional() };
/** What happened to a lead, newest last. Calls join from the call journal at read time. */
export const TimelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...timelineBase, kind: z.literal('created'), via: z.enum(['manual', 'import', 'sample']) }),
  z.object({ ...timelineBase, kind: z.literal('note'), text: z.string().min(1).max(10_000) }),
  z.object({ ...timelineBase, kind: z.literal('stage'), from: StageSchema, to: StageSchema }),
  z.object({ ...timelineBase, kind: z.literal('callback-set'), callbackId: z.string(), dueAt: z.string().datetime() }),
  z.object({ ...timelineBase, kind: z.literal('callback-done'), callbackId: z.string() }),
  z.object({
    ...timelineBase,
    kind: z.literal('callback-snoozed'),
    callbackId: z.string(),
    dueAt: z.string().datetime(),
  }),
  z.object({ ...timelineBase, kind: z.literal('consent-given'), consentId: z.string(), number: z.string() }),
  z.object({ ...timelineBase, kind: z.literal('consent-revoked'), consentId: z.string(), number: z.string() }),
  z.object({ ...timelineBase, kind: z.literal('merged'), mergedLeadId: z.string() }),
  z.object({ ...timelineBase, kind: z.literal('imported'), file: z.string().max(260), changes: z.array(z.string()) }),
  z.object({ ...timelineBase, kind: z.literal('edited'), fields: z.array(z.string()) }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const LeadSchema = z.object({
  id: z.string().min(1).max(64),
  contact: ContactSchema,
  vehicles: z.array(VehicleSchema).max(20),
  tradeIn: TradeInSchema.optional(),
  source: SourceSchema.optional(),
  stage: StageSchema,
  owner: z.string().max(100).optional(),
  tags: z.array(z.string().min(1).max(50)).max(50),
  consents: z.array(ConsentRecordSchema).max(50),
  callbacks: z.array(CallbackSchema).max(200),
  timeline: z.array(TimelineEntrySchema).max(5000),
  /** Free text comment from the source (ADF customer/comments). */
  comments: z.string().max(10_000).optional(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  lastContactAt: z.string().datetime().optional(),
});
export type Lead = z.infer<typeof LeadSchema>;

/**
 * What an import or a "new lead" form produces: a lead without identity, history or
 * bookkeeping. The lead service turns it into a Lead, or merges it into an existing one.
 */
export const LeadDraftSchema = LeadSchema.pick({
  contact: true,
  vehicles: true,
  tradeIn: true,
  source: true,
  stage: true,
  owner: true,
  tags: true,
  consents: true,
  comments: true,
  lastContactAt: true,
}).extend({
  /** Notes from the file (a "Commentaire" column), added to the timeline. */
  notes: z.array(z.string().min(1).max(10_000)).max(50).optional(),
  createdAt: z.string().datetime().optional(),
});
export type LeadDraft = z.infer<typeof LeadDraftSchema>;

/**
 * The contact's name as a seller says it: "Élodie Martin", the company ("Garage André SARL
 * (Bérénice André)" when a person is named too), or the full name.
 */
export function leadDisplayName(
  contact: Pick<Contact, 'firstName' | 'lastName' | 'fullName'> & { kind?: Contact['kind'] },
): string {
  const parts = [contact.firstName, contact.lastName].filter(Boolean).join(' ').trim();
  const full = contact.fullName?.trim() || '';
  // A business is its company name first; the person named is whom the seller asks for.
  if (contact.kind === 'business' && full) return parts ? `${full} (${parts})` : full;
  return parts || full;
}
