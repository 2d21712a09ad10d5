import {
  AudioSettingsSchema,
  DialerSettingsSchema,
  IceSettingsSchema,
  PhoneSettingsSchema,
  UpdateSettingsSchema,
  SettingsSchema,
  SipAccountSchema,
  settingsFields,
  type Settings,
  type SettingsField,
} from '../../shared/domain/settings';
import type { z } from 'zod';

/** The schema of one settings leaf, so each field is validated (and reported) on its own. */
export const fieldSchemas: Record<SettingsField, z.ZodType> = {
  locale: SettingsSchema.shape.locale,
  defaultRegion: SettingsSchema.shape.defaultRegion,
  'sip.server': SipAccountSchema.shape.server,
  'sip.uri': SipAccountSchema.shape.uri,
  'sip.authorizationUsername': SipAccountSchema.shape.authorizationUsername,
  'sip.displayName': SipAccountSchema.shape.displayName,
  'sip.outboundProxy': SipAccountSchema.shape.outboundProxy,
  'sip.dtmfMethod': SipAccountSchema.shape.dtmfMethod,
  'ice.servers': IceSettingsSchema.shape.servers,
  'ice.gatheringTimeoutMs': IceSettingsSchema.shape.gatheringTimeoutMs,
  rules: SettingsSchema.shape.rules,
  dealershipZone: SettingsSchema.shape.dealershipZone,
  'phone.maxLines': PhoneSettingsSchema.shape.maxLines,
  'phone.declineCode': PhoneSettingsSchema.shape.declineCode,
  'audio.microphoneId': AudioSettingsSchema.shape.microphoneId,
  'audio.speakerId': AudioSettingsSchema.shape.speakerId,
  'audio.ringerId': AudioSettingsSchema.shape.ringerId,
  'dialer.previewSeconds': DialerSettingsSchema.shape.previewSeconds,
  'dialer.ringTimeoutSeconds': DialerSettingsSchema.shape.ringTimeoutSeconds,
  'dialer.wrapUpSeconds': DialerSettingsSchema.shape.wrapUpSeconds,
  'updates.enabled': UpdateSettingsSchema.shape.enabled,
  'updates.url': UpdateSettingsSchema.shape.url,
  logLevel: SettingsSchema.shape.logLevel,
};

export type FieldValues = Partial<Record<SettingsField, unknown>>;

export const isSettingsField = (path: string): path is SettingsField =>
  (settingsFields as readonly string[]).includes(path);

/** Reads a dotted path out of a nested object; `undefined` when any step is missing. */
export function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Flattens a nested settings-shaped object into leaf values keyed by dotted path. */
export function flattenSettings(source: unknown): FieldValues {
  const values: FieldValues = {};
  for (const field of settingsFields) {
    const value = readPath(source, field);
    if (value !== undefined) values[field] = value;
  }
  return values;
}

/** Builds full settings from defaults plus leaf values applied in order (later wins). */
export function composeSettings(base: Settings, ...layers: FieldValues[]): Settings {
  const result = structuredClone(base) as unknown as Record<string, Record<string, unknown> | unknown>;
  for (const layer of layers) {
    for (const [path, value] of Object.entries(layer)) {
      const [head, leaf] = path.split('.') as [string, string | undefined];
      if (leaf === undefined) result[head] = structuredClone(value);
      else (result[head] as Record<string, unknown>)[leaf] = structuredClone(value);
    }
  }
  return result as unknown as Settings;
}
