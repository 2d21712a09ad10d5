import type { Settings, SettingsField, SettingsPatch } from '../../shared/domain/settings';
import { iceServersToText, parseIceText, type IceTextProblem } from './ice-text';

/** The fields of the settings form (the language has its own control and saves at once). */
export const formFields = [
  'sip.server',
  'sip.uri',
  'sip.authorizationUsername',
  'sip.displayName',
  'sip.outboundProxy',
  'sip.dtmfMethod',
  'ice.servers',
  'ice.gatheringTimeoutMs',
  'rules',
  'defaultRegion',
] as const satisfies readonly SettingsField[];
export type FormField = (typeof formFields)[number];

/** What the user typed, only for fields they touched: untouched fields keep following the live settings. */
export type Edits = Partial<Record<FormField, string>>;

export type LocalProblem = IceTextProblem | 'not-a-whole-number' | 'out-of-range' | 'bad-region';
export interface LocalFieldProblem {
  field: FormField;
  problem: LocalProblem;
  /** 1-based line of the ICE textarea, for ICE problems. */
  line?: number;
}

export const gatheringTimeoutRange = { min: 50, max: 10_000 } as const;

/** The form's text for one field. */
export function formText(values: Settings, field: FormField): string {
  switch (field) {
    case 'sip.server':
      return values.sip.server;
    case 'sip.uri':
      return values.sip.uri;
    case 'sip.authorizationUsername':
      return values.sip.authorizationUsername;
    case 'sip.displayName':
      return values.sip.displayName;
    case 'sip.outboundProxy':
      return values.sip.outboundProxy;
    case 'sip.dtmfMethod':
      return values.sip.dtmfMethod;
    case 'ice.servers':
      return iceServersToText(values.ice.servers);
    case 'ice.gatheringTimeoutMs':
      return String(values.ice.gatheringTimeoutMs);
    case 'rules':
      return values.rules;
    case 'defaultRegion':
      return values.defaultRegion;
  }
}

/**
 * The patch for the fields the user actually changed. Unchanged and locked fields are left out:
 * sending them would turn a provisioned value into a user override (or be refused as locked).
 */
export function buildPatch(
  values: Settings,
  edits: Edits,
  locked: readonly string[],
): { patch: SettingsPatch; problems: LocalFieldProblem[] } {
  const patch: SettingsPatch = {};
  const problems: LocalFieldProblem[] = [];
  const sip = (): NonNullable<SettingsPatch['sip']> => (patch.sip ??= {});
  const ice = (): NonNullable<SettingsPatch['ice']> => (patch.ice ??= {});

  for (const field of formFields) {
    const text = edits[field];
    if (text === undefined || locked.includes(field) || text === formText(values, field)) continue;
    switch (field) {
      case 'sip.server':
        sip().server = text.trim();
        break;
      case 'sip.uri':
        sip().uri = text.trim();
        break;
      case 'sip.authorizationUsername':
        sip().authorizationUsername = text.trim();
        break;
      case 'sip.displayName':
        sip().displayName = text.trim();
        break;
      case 'sip.outboundProxy':
        sip().outboundProxy = text.trim();
        break;
      case 'sip.dtmfMethod':
        if (text === 'rfc4733' || text === 'info') sip().dtmfMethod = text;
        break;
      case 'ice.servers': {
        const parsed = parseIceText(text);
        if (parsed.ok) ice().servers = parsed.servers;
        else problems.push({ field, problem: parsed.problem, line: parsed.line });
        break;
      }
      case 'ice.gatheringTimeoutMs': {
        const trimmed = text.trim();
        const ms = Number(trimmed);
        if (!/^\d+$/.test(trimmed)) problems.push({ field, problem: 'not-a-whole-number' });
        else if (ms < gatheringTimeoutRange.min || ms > gatheringTimeoutRange.max) {
          problems.push({ field, problem: 'out-of-range' });
        } else ice().gatheringTimeoutMs = ms;
        break;
      }
      case 'rules':
        if (text === 'FR' || text === 'US' || text === 'custom') patch.rules = text;
        break;
      case 'defaultRegion': {
        const region = text.trim().toUpperCase();
        if (/^[A-Z]{2}$/.test(region)) patch.defaultRegion = region;
        else problems.push({ field, problem: 'bad-region' });
        break;
      }
    }
  }
  return { patch, problems };
}

export const isEmptyPatch = (patch: SettingsPatch): boolean => Object.keys(patch).length === 0;
