import {
  defaultSettings,
  settingValueText,
  settingsFields,
  type IgnoredSetting,
  type SettingsField,
} from '../../shared/domain/settings';
import { redact } from '../log';
import { composeSettings, fieldSchemas, readPath, type FieldValues } from './fields';
import type { Provisioning } from './provisioning';

export interface StoredOverrides {
  /** The saved choices that apply: known, not locked, and passing their field's check today. */
  applied: FieldValues;
  /** The saved choices refused by their field's current check, in the order of the settings fields. */
  ignored: IgnoredSetting[];
}

/**
 * Sorts the user's saved choices into those that apply and those refused by a check tightened
 * since they were saved. A refused one is reported, not served: every later edit is checked
 * against the whole settings and would be refused because of it. Pure.
 */
export function readStoredOverrides(overrides: Record<string, unknown>, provisioning: Provisioning): StoredOverrides {
  const applied: FieldValues = {};
  const ignored: IgnoredSetting[] = [];
  for (const field of settingsFields) {
    if (!Object.hasOwn(overrides, field) || provisioning.locked.has(field)) continue;
    const value = overrides[field];
    const checked = fieldSchemas[field].safeParse(value);
    if (checked.success) {
      applied[field] = value;
      continue;
    }
    ignored.push({
      field,
      // A TURN server's credential is never repeated: the report reaches the CLI and diagnostics.
      stored: settingValueText(redact({ value })!.value),
      reason: reasonOf(checked.error.issues[0]),
      instead: Object.hasOwn(provisioning.values, field) ? 'provisioned' : 'default',
      applied: settingValueText(valueBeneathOverrides(provisioning, field)),
    });
  }
  return { applied, ignored };
}

/** The check's words; an issue inside the value (one ICE server's urls) names where: "0.urls: …". */
function reasonOf(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid value';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/** The value a field takes when the user has no choice saved for it: the default, or IT's. */
export function valueBeneathOverrides(provisioning: Provisioning, field: SettingsField): unknown {
  return readPath(composeSettings(defaultSettings, provisioning.values), field);
}

/**
 * The report in the command line's words (English, like the other notes it prints), e.g.
 * `defaultRegion: the saved value "XX" is ignored (not a country code …); the default (FR) applies`.
 */
export function ignoredSettingNote(ignored: IgnoredSetting): string {
  const stored = ignored.stored === '' ? 'the saved empty value' : `the saved value ${JSON.stringify(ignored.stored)}`;
  const applied = ignored.applied === '' ? 'none' : ignored.applied;
  const instead = ignored.instead === 'default' ? `the default (${applied})` : `the value set by IT (${applied})`;
  return `${ignored.field}: ${stored} is ignored (${ignored.reason}); ${instead} applies until the setting is saved again`;
}
