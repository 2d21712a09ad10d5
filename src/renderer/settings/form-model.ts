import {
  DialerSettingsSchema,
  IceSettingsSchema,
  isPhoneRegion,
  type Settings,
  type SettingsField,
  type SettingsPatch,
} from '../../shared/domain/settings';
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
  'dealershipZone',
  'phone.maxLines',
  'phone.declineCode',
  'dialer.previewSeconds',
  'dialer.ringTimeoutSeconds',
  'dialer.wrapUpSeconds',
] as const satisfies readonly SettingsField[];
export type FormField = (typeof formFields)[number];

/** The id of a form field's control (what labels, error notes and focus point at). */
export const formFieldId = (field: FormField): string => `settings-${field.replace('.', '-')}`;

/** What the user typed, only for fields they touched: untouched fields keep following the live settings. */
export type Edits = Partial<Record<FormField, string>>;

/** A problem found before sending, with what its message names. */
export type LocalProblemDetail =
  | { problem: 'not-a-whole-number' | 'out-of-range'; limits: WholeNumberLimits }
  | { problem: IceTextProblem; line: number }
  | { problem: 'bad-region' | 'unknown-region' };
export type LocalProblem = LocalProblemDetail['problem'];
export type LocalFieldProblem = LocalProblemDetail & { field: FormField };

export type WholeNumberUnit = 'ms' | 's';
export interface WholeNumberLimits {
  unit: WholeNumberUnit;
  min: number;
  max: number;
}

/** A whole-number field's unit, with the bounds read from the settings schema so the two never drift. */
const limits = (schema: { minValue: number | null; maxValue: number | null }, unit: WholeNumberUnit) => ({
  unit,
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
});

/** Whole-number fields: the unit the form shows them in and their allowed range. */
export const wholeNumberRanges = {
  'ice.gatheringTimeoutMs': limits(IceSettingsSchema.shape.gatheringTimeoutMs, 'ms'),
  'dialer.previewSeconds': limits(DialerSettingsSchema.shape.previewSeconds, 's'),
  'dialer.ringTimeoutSeconds': limits(DialerSettingsSchema.shape.ringTimeoutSeconds, 's'),
  'dialer.wrapUpSeconds': limits(DialerSettingsSchema.shape.wrapUpSeconds, 's'),
} as const satisfies Partial<Record<FormField, WholeNumberLimits>>;
type WholeNumberField = keyof typeof wholeNumberRanges;

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
    case 'dealershipZone':
      return values.dealershipZone;
    case 'phone.maxLines':
      return String(values.phone.maxLines);
    case 'phone.declineCode':
      return String(values.phone.declineCode);
    case 'dialer.previewSeconds':
      return String(values.dialer.previewSeconds);
    case 'dialer.ringTimeoutSeconds':
      return String(values.dialer.ringTimeoutSeconds);
    case 'dialer.wrapUpSeconds':
      return String(values.dialer.wrapUpSeconds);
  }
}

function readWholeNumber(field: WholeNumberField, text: string): number | 'not-a-whole-number' | 'out-of-range' {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'not-a-whole-number';
  const n = Number(trimmed);
  const range = wholeNumberRanges[field];
  return n < range.min || n > range.max ? 'out-of-range' : n;
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
  const phone = (): NonNullable<SettingsPatch['phone']> => (patch.phone ??= {});
  const dialer = (): NonNullable<SettingsPatch['dialer']> => (patch.dialer ??= {});
  const whole = (field: WholeNumberField, text: string, apply: (n: number) => void) => {
    const n = readWholeNumber(field, text);
    if (typeof n === 'number') apply(n);
    else problems.push({ field, problem: n, limits: wholeNumberRanges[field] });
  };

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
      case 'ice.gatheringTimeoutMs':
        whole(field, text, (ms) => (ice().gatheringTimeoutMs = ms));
        break;
      case 'dialer.previewSeconds':
        whole(field, text, (n) => (dialer().previewSeconds = n));
        break;
      case 'dialer.ringTimeoutSeconds':
        whole(field, text, (n) => (dialer().ringTimeoutSeconds = n));
        break;
      case 'dialer.wrapUpSeconds':
        whole(field, text, (n) => (dialer().wrapUpSeconds = n));
        break;
      case 'dealershipZone':
        patch.dealershipZone = text.trim();
        break;
      case 'phone.maxLines': {
        const n = Number(text);
        if ([1, 2, 3, 4].includes(n)) phone().maxLines = n;
        break;
      }
      case 'phone.declineCode':
        if (text === '486' || text === '603') phone().declineCode = Number(text) as 486 | 603;
        break;
      case 'rules':
        if (text === 'FR' || text === 'US' || text === 'custom') patch.rules = text;
        break;
      case 'defaultRegion': {
        const region = text.trim().toUpperCase();
        if (!/^[A-Z]{2}$/.test(region)) problems.push({ field, problem: 'bad-region' });
        else if (!isPhoneRegion(region)) problems.push({ field, problem: 'unknown-region' });
        else patch.defaultRegion = region;
        break;
      }
    }
  }
  return { patch, problems };
}

export const isEmptyPatch = (patch: SettingsPatch): boolean => Object.keys(patch).length === 0;
