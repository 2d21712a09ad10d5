import { SettingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings';
import type { ConnectionTestResult } from '../phone/engine/types';
import { buildPatch, formFields, type Edits, type FormField } from './form-model';

/** The settings as typed on screen: saved values with the valid, unlocked edits applied. */
export function typedSettings(values: Settings, edits: Edits, locked: readonly string[]): Settings {
  return withPatch(values, buildPatch(values, edits, locked).patch);
}

function withPatch(values: Settings, patch: SettingsPatch): Settings {
  return {
    ...values,
    ...(patch.defaultRegion ? { defaultRegion: patch.defaultRegion } : {}),
    sip: { ...values.sip, ...patch.sip },
    ice: { ...values.ice, ...patch.ice },
    phone: { ...values.phone, ...patch.phone },
  };
}

/**
 * What a connection test depends on: the account as typed and whether a password is stored. Saving
 * what was typed keeps it; changing the account (or the password) makes an older result stale.
 */
export function testedAccountKey(
  values: Settings,
  edits: Edits,
  locked: readonly string[],
  passwordSet: boolean,
): string {
  const { sip, ice, phone, defaultRegion } = typedSettings(values, edits, locked);
  return JSON.stringify({ sip, ice, phone, defaultRegion, passwordSet });
}

/** A connection test: each run remembers the account it was for. */
export type TestState =
  | { kind: 'idle' }
  | { kind: 'testing'; account: string }
  | { kind: 'done'; account: string; result: ConnectionTestResult };

/**
 * The state to show for the account now on screen: a test of another account (the server saved
 * since « Réglages incomplets : Indiquez le serveur… ») says nothing about this one.
 */
export function shownTestState(state: TestState, account: string): TestState {
  return state.kind !== 'idle' && state.account !== account ? { kind: 'idle' } : state;
}

/**
 * The account fields typed on screen that the settings' own checks refuse (a server that is not
 * a ws:// URL, a URI without "sip:"). A test would try them anyway and report on something else
 * (the password): these are named to the seller first.
 */
export function untestedFields(values: Settings, edits: Edits, locked: readonly string[]): FormField[] {
  const typed = typedSettings(values, edits, locked);
  const checked = SettingsSchema.pick({ sip: true, ice: true }).safeParse(typed);
  if (checked.success) return [];
  const fields = checked.error.issues.map((issue) => issue.path.slice(0, 2).join('.'));
  return formFields.filter((field) => fields.includes(field));
}
