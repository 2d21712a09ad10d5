import type { CallContext } from '../../../src/core/calling-rules';
import type { ContractRecord, RuleSet } from '../../../src/shared/domain/calling-rules';
import { CUSTOM_RULES } from '../../../src/shared/domain/calling-rules';
import type { Address, ConsentRecord } from '../../../src/shared/domain/lead';

export const MOBILE = '+33612345678';

export function consent(number = MOBILE, extra: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: `c-${number}-${extra.givenAt ?? ''}`,
    number,
    givenAt: '2025-01-01T00:00:00.000Z',
    channel: 'web-form',
    wording: "J'accepte d'être appelé par la concession au sujet de mon projet automobile.",
    ...extra,
  };
}

export function contract(extra: Partial<ContractRecord> = {}): ContractRecord {
  return { id: 'k1', reference: 'BC-2025-0042', startedAt: '2025-01-01T00:00:00.000Z', ...extra };
}

export interface CtxOptions {
  number?: string;
  consents?: ConsentRecord[];
  address?: Address;
  attempts?: (string | Date)[];
  refusals?: string[];
  contracts?: ContractRecord[];
  internalDnc?: string[];
  national?: { numbers: string[]; asOf: string };
  dealershipZone?: string;
}

/** A context for `now` (ISO); by default a consenting French mobile, no attempts, no lists. */
export function ctx(now: string, o: CtxOptions = {}): CallContext {
  const number = o.number ?? MOBILE;
  return {
    lead: { consents: o.consents ?? [consent(number)], contact: o.address ? { address: o.address } : {} },
    number,
    now: new Date(now),
    attempts: (o.attempts ?? []).map((a) => new Date(a)),
    ...(o.refusals ? { refusals: o.refusals.map((r) => new Date(r)) } : {}),
    ...(o.contracts ? { contracts: o.contracts } : {}),
    doNotCall: {
      internal: new Set(o.internalDnc ?? []),
      ...(o.national ? { national: { numbers: new Set(o.national.numbers), asOf: new Date(o.national.asOf) } } : {}),
    },
    dealershipZone: o.dealershipZone ?? 'Europe/Paris',
  };
}

/** A custom set open every day, all day, with nothing else: isolates the rule under test. */
export function openRules(patch: Partial<RuleSet> = {}): RuleSet {
  const allDay = [{ start: '00:00', end: '24:00' }];
  return {
    ...CUSTOM_RULES,
    windows: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    holidays: null,
    attemptLimits: [],
    consent: { required: false, scope: 'number', exceptOngoingContract: true },
    refusal: { blocks: false, forDays: null },
    doNotCall: { internal: false, national: 'off', nationalCountries: [], nationalMaxAgeDays: 31 },
    ...patch,
  };
}

export function codes(v: { allowed: boolean; reasons?: { code: string }[] }): string[] {
  return v.allowed ? [] : (v.reasons ?? []).map((r) => r.code);
}
