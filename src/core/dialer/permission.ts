import { type CallReason, type RuleSet } from '../../shared/domain/calling-rules';
import type { Settings } from '../../shared/domain/settings';
import { describeReason } from '../../shared/i18n/rules-text';
import { checkCall } from '../calling-rules';
import { activeRuleSet, type CustomRules } from '../calling-rules/custom-rules';
import type { Logger } from '../log';
import type { CallPermission } from './ports';

export interface PermissionDeps {
  settings: () => Pick<Settings, 'rules' | 'dealershipZone' | 'locale'>;
  /** This lead's previous call starts (journal projection), for the rolling attempt limit. */
  attempts: (leadId: string) => readonly Date[];
  /** The internal do-not-call list, live. */
  doNotCall: () => ReadonlySet<string>;
  /** The copy of the national list (US registry, Bloctel) that covers this number, if one was imported. */
  nationalList?: (e164: string) => { numbers: { has(e164: string): boolean }; asOf: Date } | undefined;
  /**
   * The custom set as read from the data folder's calling-rules.json (custom-rules.ts); a bare
   * rule set is taken as valid. Absent: the built-in custom preset.
   */
  customRules?: () => CustomRules | RuleSet | undefined;
  log?: Logger;
}

/**
 * The dialer's question "may I call this lead on this number now?", answered by the calling
 * rules engine with the settings of the moment. Refusals carry the rule's own reason (for the
 * screens) and its words in the seller's language (for the lead's timeline).
 */
export function callPermission(deps: PermissionDeps): CallPermission {
  // Wording a reason (dates, hours, numbers through Intl) cost ~0.4 ms, 80 times the check itself;
  // a list checked at night gives thousands of leads the same few reasons (same zone, same
  // minute, same windows), so each is worded once. Kept small: cleared when full.
  const described = new Map<string, string>();
  const describe = (rule: CallReason, locale: Settings['locale'], zone: string): string => {
    const key = `${locale}|${zone}|${JSON.stringify(rule)}`;
    let text = described.get(key);
    if (text === undefined) {
      if (described.size >= 2000) described.clear();
      text = describeReason(rule, locale, { zone });
      described.set(key, text);
    }
    return text;
  };
  return (lead, number, at) => {
    const settings = deps.settings();
    const custom = settings.rules === 'custom' ? customState(deps.customRules?.()) : undefined;
    const rules = activeRuleSet(settings.rules, custom);
    if (!rules) {
      // An unreadable or invalid custom file: nobody is called until someone fixes it (the loader logged it).
      const invalid = custom as CustomRules & { status: 'invalid' };
      const rule: CallReason = { code: 'rules-file-invalid', file: invalid.file, problem: invalid.errors[0] ?? '' };
      return {
        allowed: false,
        reasons: [{ code: rule.code, text: describe(rule, settings.locale, settings.dealershipZone), rule }],
      };
    }
    const verdict = checkCall(rules, {
      lead,
      number,
      now: at,
      attempts: deps.attempts(lead.id),
      doNotCall: { internal: deps.doNotCall(), ...nationalOf(deps, number) },
      dealershipZone: settings.dealershipZone,
    });
    if (verdict.zoneSource === 'dealership-fallback') {
      deps.log?.info('callee zone unknown: dealership zone used', { leadId: lead.id, zone: verdict.zone });
    }
    if (verdict.allowed) return { allowed: true };
    return {
      allowed: false,
      reasons: verdict.reasons.map((rule) => ({
        code: rule.code,
        text: describe(rule, settings.locale, settings.dealershipZone),
        rule,
      })),
      ...(verdict.nextLegalAt ? { nextLegalAt: verdict.nextLegalAt } : {}),
    };
  };
}

function nationalOf(deps: PermissionDeps, number: string) {
  const national = deps.nationalList?.(number);
  return national ? { national } : {};
}

function customState(value: CustomRules | RuleSet | undefined): CustomRules | undefined {
  if (value === undefined || 'status' in value) return value;
  return { status: 'valid', file: '', rules: value };
}
