import { z } from 'zod';

/**
 * Calling rules as data: a rule set says when a consumer may be called and what blocks a call.
 * The engine (src/core/calling-rules) reads these; presets for France and the United States and a
 * custom set are plain objects, so a manager or IT can read, export and adapt them.
 * Times of day are wall-clock times in the callee's time zone.
 */

export const RULE_SET_SCHEMA_VERSION = 1;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code (ISO 3166-1)');
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');

/** "HH:MM", 00:00 to 24:00 (24:00 only as an end). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM between 00:00 and 24:00');

export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** [start, end): a call may start at `start`, not at `end`. */
export const CallingWindowSchema = z
  .strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((w) => minutesOfDay(w.start) < minutesOfDay(w.end), { message: 'start must be before end', path: ['end'] });
export type CallingWindow = z.infer<typeof CallingWindowSchema>;

/** A day's windows, in order and not overlapping; [] closes the day. */
export const DayWindowsSchema = z
  .array(CallingWindowSchema)
  .max(8)
  .superRefine((windows, ctx) => {
    for (let i = 1; i < windows.length; i++) {
      if (minutesOfDay(windows[i]!.start) < minutesOfDay(windows[i - 1]!.end))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'start'],
          message: 'windows must be in order and must not overlap',
        });
    }
  });

export const WeeklyWindowsSchema = z.strictObject({
  mon: DayWindowsSchema,
  tue: DayWindowsSchema,
  wed: DayWindowsSchema,
  thu: DayWindowsSchema,
  fri: DayWindowsSchema,
  sat: DayWindowsSchema,
  sun: DayWindowsSchema,
});
export type WeeklyWindows = z.infer<typeof WeeklyWindowsSchema>;

export const holidayTypes = ['public', 'bank', 'optional', 'school', 'observance'] as const;

/**
 * Public holidays from the date-holidays calendar of `country` (movable feasts included). With
 * `regionFromCallee`, the callee's region adds its own days when the calendar knows the region:
 * Alsace-Moselle (postcodes 57, 67, 68: Good Friday, 26 December), the overseas departments
 * (abolition of slavery), a US state.
 */
export const HolidayCalendarSchema = z.strictObject({
  country: countryCode,
  regionFromCallee: z.boolean(),
  types: z.array(z.enum(holidayTypes)).min(1),
  /** Days closed on top of the calendar (a dealership's own closing days). */
  extraDates: z.array(z.strictObject({ date: isoDate, name: z.string().min(1).max(100) })).max(366),
  /** Calendar days on which calls are allowed all the same. */
  ignoredDates: z.array(isoDate).max(366),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendarSchema>;

/** At most `maxAttempts` calls or attempts per consumer in any `windowDays` calendar days. */
export const AttemptLimitSchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(1000),
  windowDays: z.number().int().min(1).max(366),
});
export type AttemptLimit = z.infer<typeof AttemptLimitSchema>;

export const ConsentRuleSchema = z.strictObject({
  required: z.boolean(),
  /** `number`: the consent record must name the dialled number; `lead`: any of the consumer's. */
  scope: z.enum(['number', 'lead']),
  /** A contract in progress with the consumer lifts the consent requirement (not a revocation). */
  exceptOngoingContract: z.boolean(),
});

export const RefusalRuleSchema = z.strictObject({
  /** A refusal during a call blocks further calls. */
  blocks: z.boolean(),
  /** For how long; null: for good. */
  forDays: z.number().int().min(1).max(3650).nullable(),
});

export const DoNotCallRuleSchema = z.strictObject({
  /** The dealership's own list (numbers of consumers who asked not to be called). */
  internal: z.boolean(),
  /**
   * A national opposition list (US National Do Not Call Registry, Bloctel) given as data.
   * `required`: a number of `nationalCountries` is never called without a fresh enough copy.
   */
  national: z.enum(['off', 'if-provided', 'required']),
  nationalCountries: z.array(countryCode).max(20),
  nationalMaxAgeDays: z.number().int().min(1).max(366),
});

export const VoicemailDropRuleSchema = z.strictObject({
  /** A recorded message left on an answering machine needs the consumer's consent (a contract is not enough). */
  requiresConsent: z.boolean(),
});

export const RuleSetSchema = z.strictObject({
  /** A pointer to the JSON Schema, for editors (docs/calling-rules.schema.json); ignored by the engine. */
  $schema: z.string().max(500).optional(),
  schemaVersion: z.literal(RULE_SET_SCHEMA_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _'),
  label: z.strictObject({ fr: z.string().min(1).max(100), en: z.string().min(1).max(100) }),
  windows: WeeklyWindowsSchema,
  holidays: HolidayCalendarSchema.nullable(),
  attemptLimits: z.array(AttemptLimitSchema).max(5),
  consent: ConsentRuleSchema,
  refusal: RefusalRuleSchema,
  doNotCall: DoNotCallRuleSchema,
  voicemailDrop: VoicemailDropRuleSchema,
  /** How far ahead the next legal time is searched. */
  nextLegalHorizonDays: z.number().int().min(1).max(366),
  /** Legal references, for whoever audits the set. */
  sources: z.array(z.string().min(1).max(300)).max(20),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;

/** A contract in progress with the consumer (an order, a lease, a service plan). */
export const ContractRecordSchema = z.strictObject({
  id: z.string().min(1),
  reference: z.string().min(1).max(200),
  startedAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).optional(),
});
export type ContractRecord = z.infer<typeof ContractRecordSchema>;

const weekdayHours = (windows: CallingWindow[]): WeeklyWindows => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
  sat: [],
  sun: [],
});

/**
 * France. Consent first (L.223-1 as changed by loi n° 2025-594), unless a contract is in progress.
 * D.223-9 (décret n° 2022-1313): Monday to Friday, 10:00-13:00 and 14:00-20:00, not on public
 * holidays; at most 4 calls or attempts per 30 calendar days. D.223-9 says 60 days without contact
 * after a refusal; the newer law and the product brief say never again, so a refusal blocks for good.
 * Pre-recorded messages need prior consent (CPCE L.34-5): so does a voicemail drop.
 */
export const FR_RULES: RuleSet = {
  schemaVersion: RULE_SET_SCHEMA_VERSION,
  id: 'FR',
  label: { fr: 'France', en: 'France' },
  windows: weekdayHours([
    { start: '10:00', end: '13:00' },
    { start: '14:00', end: '20:00' },
  ]),
  holidays: { country: 'FR', regionFromCallee: true, types: ['public'], extraDates: [], ignoredDates: [] },
  attemptLimits: [{ maxAttempts: 4, windowDays: 30 }],
  consent: { required: true, scope: 'number', exceptOngoingContract: true },
  refusal: { blocks: true, forDays: null },
  doNotCall: {
    internal: true,
    // Bloctel, when the dealership loads a copy (refreshed at least monthly).
    national: 'if-provided',
    nationalCountries: ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'BL', 'MF', 'PM'],
    nationalMaxAgeDays: 31,
  },
  voicemailDrop: { requiresConsent: true },
  nextLegalHorizonDays: 60,
  sources: [
    'Code de la consommation L.223-1 (loi n° 2025-594 du 30 juin 2025)',
    'Code de la consommation D.223-9 (décret n° 2022-1313 du 13 octobre 2022)',
    'Code des postes et des communications électroniques L.34-5',
  ],
};

/**
 * United States, 47 CFR 64.1200: no sales calls before 8:00 or after 21:00 at the callee's
 * location, any day; the company's and the national do-not-call lists (a registry copy at most
 * 31 days old); pre-recorded messages need prior express consent.
 */
export const US_RULES: RuleSet = {
  schemaVersion: RULE_SET_SCHEMA_VERSION,
  id: 'US',
  label: { fr: 'États-Unis', en: 'United States' },
  windows: {
    ...weekdayHours([{ start: '08:00', end: '21:00' }]),
    sat: [{ start: '08:00', end: '21:00' }],
    sun: [{ start: '08:00', end: '21:00' }],
  },
  holidays: null,
  attemptLimits: [],
  consent: { required: false, scope: 'number', exceptOngoingContract: true },
  refusal: { blocks: true, forDays: null },
  doNotCall: {
    internal: true,
    national: 'required',
    nationalCountries: ['US', 'PR', 'VI', 'GU', 'MP', 'AS'],
    nationalMaxAgeDays: 31,
  },
  voicemailDrop: { requiresConsent: true },
  nextLegalHorizonDays: 60,
  sources: ['47 CFR 64.1200(c)(1), (c)(2), (d)', '47 CFR 64.1200(a)(3)'],
};

/** The starting point of a dealership's own set: the French rules, to be edited. */
export const CUSTOM_RULES: RuleSet = {
  ...FR_RULES,
  id: 'custom',
  label: { fr: 'Personnalisé', en: 'Custom' },
  sources: [],
};

export const ruleSetPresets = { FR: FR_RULES, US: US_RULES, custom: CUSTOM_RULES } as const;

// ---- Why a call is not allowed: machine codes + params; the UI translates `code` and fills params.

const zoneParam = z.string().min(1);
const isoInstant = z.iso.datetime({ offset: true });

export const CallReasonSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('invalid-number'), number: z.string() }),
  z.strictObject({ code: z.literal('no-consent'), number: z.string(), scope: z.enum(['number', 'lead']) }),
  z.strictObject({ code: z.literal('consent-revoked'), number: z.string(), revokedAt: isoInstant }),
  z.strictObject({ code: z.literal('refused'), refusedAt: isoInstant, until: isoInstant.optional() }),
  z.strictObject({ code: z.literal('on-internal-dnc'), number: z.string() }),
  z.strictObject({ code: z.literal('on-national-dnc'), number: z.string(), listAsOf: isoInstant }),
  z.strictObject({ code: z.literal('national-dnc-missing'), number: z.string() }),
  z.strictObject({
    code: z.literal('national-dnc-stale'),
    number: z.string(),
    listAsOf: isoInstant,
    maxAgeDays: z.number(),
  }),
  z.strictObject({ code: z.literal('weekend'), zone: zoneParam, localDate: isoDate, weekday: z.enum(weekdays) }),
  z.strictObject({ code: z.literal('day-closed'), zone: zoneParam, localDate: isoDate, weekday: z.enum(weekdays) }),
  z.strictObject({
    code: z.literal('holiday'),
    zone: zoneParam,
    localDate: isoDate,
    name: z.strictObject({ fr: z.string(), en: z.string() }),
  }),
  z.strictObject({
    code: z.literal('outside-window'),
    zone: zoneParam,
    localTime: TimeOfDaySchema,
    weekday: z.enum(weekdays),
    windows: z.array(CallingWindowSchema),
  }),
  z.strictObject({
    code: z.literal('attempt-limit'),
    count: z.number().int(),
    maxAttempts: z.number().int(),
    windowDays: z.number().int(),
    freesAt: isoInstant,
  }),
  z.strictObject({ code: z.literal('voicemail-needs-consent'), number: z.string() }),
  /** The dealership's own rule file cannot be read or checked: no call until it is fixed. */
  z.strictObject({ code: z.literal('rules-file-invalid'), file: z.string(), problem: z.string() }),
]);
export type CallReason = z.infer<typeof CallReasonSchema>;
export type CallReasonCode = CallReason['code'];

/** Reasons that waiting can lift; any other reason means no next legal time. */
export const timeReasonCodes: ReadonlySet<CallReasonCode> = new Set<CallReasonCode>([
  'weekend',
  'day-closed',
  'holiday',
  'outside-window',
  'attempt-limit',
]);

/** Where the callee's time zone came from (logged with every decision). */
export const zoneSources = ['number', 'address', 'number+address', 'dealership-fallback'] as const;
export type ZoneSource = (typeof zoneSources)[number];
