import type { SkipReason } from '../../shared/domain/callback-list';
import type { Lead } from '../../shared/domain/lead';
import type { CallPermission } from './ports';

export type NumberChoice = { ok: true; number: string } | { ok: false; skip: Omit<SkipReason, 'at'> };

/** The lead's numbers a dialer may try, preferred first; never a fax. */
export function dialableNumbers(lead: Pick<Lead, 'contact'>): string[] {
  const phones = lead.contact.phones.filter((p) => p.type !== 'fax');
  const ordered = [...phones.filter((p) => p.preferred), ...phones.filter((p) => !p.preferred)];
  return [...new Set(ordered.map((p) => p.e164))];
}

/**
 * The number to call now, or why none: numbers on the do-not-call list are never tried, then
 * each remaining number goes to the calling rules, preferred first. When all are refused, the
 * reasons are the preferred number's and the next legal time is the earliest any rule gave.
 */
export function chooseNumber(
  lead: Lead,
  onDoNotCall: (e164: string) => boolean,
  permission: CallPermission,
  at: Date,
): NumberChoice {
  const numbers = dialableNumbers(lead);
  if (numbers.length === 0) return { ok: false, skip: { kind: 'no-number', reasons: [] } };
  const allowed = numbers.filter((n) => !onDoNotCall(n));
  if (allowed.length === 0)
    return { ok: false, skip: { kind: 'do-not-call', reasons: [{ code: 'internal-do-not-call' }] } };
  let first: Omit<SkipReason, 'at'> | undefined;
  let nextLegal: number | undefined;
  for (const number of allowed) {
    const decision = permission(lead, number, at);
    if (decision.allowed) return { ok: true, number };
    first ??= { kind: 'forbidden', reasons: decision.reasons.map((r) => ({ ...r })) };
    const t = decision.nextLegalAt?.getTime();
    if (t !== undefined && !Number.isNaN(t) && (nextLegal === undefined || t < nextLegal)) nextLegal = t;
  }
  return {
    ok: false,
    skip: { ...first!, ...(nextLegal !== undefined ? { nextLegalAt: new Date(nextLegal).toISOString() } : {}) },
  };
}

/** The last check of a chosen number, just before it is dialled. */
export function checkNumber(
  lead: Lead,
  number: string,
  onDoNotCall: (e164: string) => boolean,
  permission: CallPermission,
  at: Date,
): { ok: true } | { ok: false; skip: Omit<SkipReason, 'at'> } {
  if (onDoNotCall(number))
    return { ok: false, skip: { kind: 'do-not-call', reasons: [{ code: 'internal-do-not-call' }] } };
  const decision = permission(lead, number, at);
  if (decision.allowed) return { ok: true };
  const next = decision.nextLegalAt?.getTime();
  return {
    ok: false,
    skip: {
      kind: 'forbidden',
      reasons: decision.reasons.map((r) => ({ ...r })),
      ...(next !== undefined && !Number.isNaN(next) ? { nextLegalAt: new Date(next).toISOString() } : {}),
    },
  };
}
