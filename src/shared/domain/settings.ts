import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';

export const locales = ['fr', 'en'] as const;
export const LocaleSchema = z.enum(locales);
export type Locale = z.infer<typeof LocaleSchema>;

const wsUrl = z
  .string()
  .trim()
  .regex(/^wss?:\/\/[^\s/]+/, 'must be a ws:// or wss:// URL');
const sipUri = z
  .string()
  .trim()
  .regex(/^sips?:[^@\s]+@[^@\s]+$/, 'must be a SIP URI like sip:user@host');

export const IceServerSchema = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const SipAccountSchema = z.object({
  server: z.union([wsUrl, z.literal('')]),
  uri: z.union([sipUri, z.literal('')]),
  authorizationUsername: z.string().trim().max(128),
  displayName: z.string().trim().max(128),
  outboundProxy: z.union([
    z
      .string()
      .trim()
      .regex(/^sips?:\S+$/, 'must be a SIP URI'),
    z.literal(''),
  ]),
  dtmfMethod: z.enum(['rfc4733', 'info']),
});

export const IceSettingsSchema = z.object({
  servers: z.array(IceServerSchema).max(10),
  gatheringTimeoutMs: z.number().int().min(50).max(10_000),
});

export const CallingRulesPresetSchema = z.enum(['FR', 'US', 'custom']);

/** Lines and call-waiting policy: beyond `maxLines` calls in progress, an incoming call gets 486. */
export const PhoneSettingsSchema = z.object({
  maxLines: z.number().int().min(1).max(4),
  /** Final response when the seller declines a ringing call: 486 Busy Here or 603 Decline. */
  declineCode: z.union([z.literal(486), z.literal(603)]),
});

/** Chosen audio devices by browser device id; '' follows the system default. */
export const AudioSettingsSchema = z.object({
  microphoneId: z.string().max(256),
  speakerId: z.string().max(256),
  ringerId: z.string().max(256),
});

export const DialerSettingsSchema = z.object({
  /** Preview mode: seconds the lead card shows before the call starts by itself (0: waits for the seller). */
  previewSeconds: z.number().int().min(0).max(300),
  ringTimeoutSeconds: z.number().int().min(5).max(120),
  /** Power mode: seconds after the disposition before the next call. */
  wrapUpSeconds: z.number().int().min(0).max(600),
});

export const UpdateSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Generic update feed (electron-updater "generic" provider); '' disables updates. */
  url: z.union([
    z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
    z.literal(''),
  ]),
});

/** An IANA time zone the runtime knows ("Europe/Paris"). */
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris');

export const LogLevelSchema = z.enum(['error', 'warn', 'info', 'debug']);

/** A country whose national numbers libphonenumber can read ("XX" is two letters but no country). */
export const isPhoneRegion = (code: string): boolean => isSupportedCountry(code);
export const unknownRegionMessage = 'not a country code Relance can read phone numbers for';

/** Region used to read national phone numbers (ISO 3166 alpha-2). */
export const RegionSchema = z
  .string()
  // Aborts so a malformed code gets one message, not also "not a country".
  .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code', abort: true })
  .refine(isPhoneRegion, unknownRegionMessage);

export const SettingsSchema = z.object({
  locale: LocaleSchema,
  defaultRegion: RegionSchema,
  sip: SipAccountSchema,
  ice: IceSettingsSchema,
  rules: CallingRulesPresetSchema,
  /** The dealership's own zone: callback days and the calling rules' fallback when a callee's zone is unknown. */
  dealershipZone: TimeZoneSchema,
  phone: PhoneSettingsSchema,
  audio: AudioSettingsSchema,
  dialer: DialerSettingsSchema,
  updates: UpdateSettingsSchema,
  logLevel: LogLevelSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  locale: 'fr',
  defaultRegion: 'FR',
  sip: { server: '', uri: '', authorizationUsername: '', displayName: '', outboundProxy: '', dtmfMethod: 'rfc4733' },
  ice: { servers: [], gatheringTimeoutMs: 300 },
  rules: 'FR',
  dealershipZone: 'Europe/Paris',
  phone: { maxLines: 2, declineCode: 486 },
  audio: { microphoneId: '', speakerId: '', ringerId: '' },
  dialer: { previewSeconds: 10, ringTimeoutSeconds: 30, wrapUpSeconds: 15 },
  updates: { enabled: true, url: '' },
  logLevel: 'info',
};

/** Every settable leaf, as a dotted path: the unit of provisioning, locking and error reporting. */
export const settingsFields = [
  'locale',
  'defaultRegion',
  'sip.server',
  'sip.uri',
  'sip.authorizationUsername',
  'sip.displayName',
  'sip.outboundProxy',
  'sip.dtmfMethod',
  'ice.servers',
  'ice.gatheringTimeoutMs',
  'rules',
  'dealershipZone',
  'phone.maxLines',
  'phone.declineCode',
  'audio.microphoneId',
  'audio.speakerId',
  'audio.ringerId',
  'dialer.previewSeconds',
  'dialer.ringTimeoutSeconds',
  'dialer.wrapUpSeconds',
  'updates.enabled',
  'updates.url',
  'logLevel',
] as const;
export type SettingsField = (typeof settingsFields)[number];

/**
 * A setting as text, for the reports that name a value: a text as it is, anything else as JSON,
 * '' for an empty text or list, cut at 120 characters (a saved value can be any size).
 */
export function settingValueText(value: unknown): string {
  if (Array.isArray(value) && value.length === 0) return '';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * A saved choice that its field's current check refuses (a region "XX" saved before regions were
 * checked). Core keeps it in the file but does not apply it, and says so until the field is saved again.
 */
export const IgnoredSettingSchema = z.object({
  field: z.enum(settingsFields),
  /** The saved value, as `settingValueText` writes it. */
  stored: z.string(),
  /** Why the check refuses it, in the schema's English words (the UI reads them into its language). */
  reason: z.string(),
  /** What applies instead: the default, or the value dealership IT provisioned. */
  instead: z.enum(['default', 'provisioned']),
  applied: z.string(),
});
export type IgnoredSetting = z.infer<typeof IgnoredSettingSchema>;

/** A user edit: any subset of leaves. */
export const SettingsPatchSchema = z
  .object({
    locale: LocaleSchema,
    defaultRegion: SettingsSchema.shape.defaultRegion,
    sip: SipAccountSchema.partial().strict(),
    ice: IceSettingsSchema.partial().strict(),
    rules: CallingRulesPresetSchema,
    dealershipZone: TimeZoneSchema,
    phone: PhoneSettingsSchema.partial().strict(),
    audio: AudioSettingsSchema.partial().strict(),
    dialer: DialerSettingsSchema.partial().strict(),
    updates: UpdateSettingsSchema.partial().strict(),
    logLevel: LogLevelSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const secretStorageKinds = ['os-keychain', 'session-only'] as const;
export const SecretStorageSchema = z.enum(secretStorageKinds);
export type SecretStorage = z.infer<typeof SecretStorageSchema>;

export const ProvisioningIssueSchema = z.object({ source: z.string(), field: z.string(), message: z.string() });
export type ProvisioningIssue = z.infer<typeof ProvisioningIssueSchema>;

/** What the UI needs to show settings honestly: values, who set them, where the password lives. */
export const SettingsViewSchema = z.object({
  values: SettingsSchema,
  locked: z.array(z.string()),
  provisioned: z.array(z.string()),
  sipPassword: z.object({ isSet: z.boolean(), storage: SecretStorageSchema }),
  provisioning: z.object({ sources: z.array(z.string()), issues: z.array(ProvisioningIssueSchema) }),
  /** Saved choices left out because they fail their field's current check. */
  ignored: z.array(IgnoredSettingSchema),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
