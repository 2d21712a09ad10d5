import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { leadDisplayName, type Lead } from '../../shared/domain/lead';
import type { LeadSummary } from '../../shared/domain/lead-query';
import { phoneSearchDigits } from '../../shared/phone';
import { fold } from './text';

/** Facts derived from a lead for the list and the index; pure, computed once per write. */

export type ConsentState = 'given' | 'revoked' | 'none';

export function consentState(lead: Pick<Lead, 'consents'>): ConsentState {
  if (lead.consents.length === 0) return 'none';
  return lead.consents.some((c) => !c.revokedAt) ? 'given' : 'revoked';
}

/** Due times (ms) of pending callbacks, earliest first. */
export function pendingCallbackTimes(lead: Pick<Lead, 'callbacks'>): number[] {
  const times: number[] = [];
  for (const c of lead.callbacks) if (c.status === 'pending') times.push(Date.parse(c.dueAt));
  return times.sort((a, b) => a - b);
}

export function nextCallbackAt(lead: Pick<Lead, 'callbacks'>): string | undefined {
  let next: string | undefined;
  let nextMs = Infinity;
  for (const c of lead.callbacks) {
    if (c.status !== 'pending') continue;
    const ms = Date.parse(c.dueAt);
    if (ms < nextMs) [next, nextMs] = [c.dueAt, ms];
  }
  return next;
}

export function preferredPhone(lead: Pick<Lead, 'contact'>): string | undefined {
  const phones = lead.contact.phones;
  return (phones.find((p) => p.preferred) ?? phones[0])?.e164;
}

export function leadSummary(lead: Lead): LeadSummary {
  const vehicle = lead.vehicles[0];
  const summary: LeadSummary = {
    id: lead.id,
    name: leadDisplayName(lead.contact),
    stage: lead.stage,
    tags: [...lead.tags],
    createdAt: lead.createdAt,
  };
  const optional: Partial<LeadSummary> = {
    phone: preferredPhone(lead),
    email: lead.contact.email,
    city: lead.contact.address?.city,
    owner: lead.owner,
    vehicle: vehicle ? `${vehicle.make} ${vehicle.model}` : undefined,
    source: lead.source?.name,
    nextCallbackAt: nextCallbackAt(lead),
    lastContactAt: lead.lastContactAt,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(summary, { [k]: v });
  return summary;
}

/** "Nom Prénom" folded, as a French list sorts people; '' when the lead has no name. */
export function nameSortKey(lead: Pick<Lead, 'contact'>): string {
  const { firstName, lastName, fullName } = lead.contact;
  const parts = lastName || firstName ? [lastName, firstName] : [fullName];
  return fold(parts.filter(Boolean).join(' ').trim());
}

// Parsing a number with libphonenumber costs ~25 µs (2.5 s for 100k leads), so numbers of the
// default region take a shortcut: national digits = trunk prefix + the rest. The trunk prefix
// ("0" for FR, "" for IT) is read once per region from the first such number fully parsed.
const trunkRules = new Map<string, { code: string; trunk: string | undefined }>();

/** National and international digit strings of a number, for partial-digit search. */
export function phoneDigits(e164: string, region = 'FR'): string[] {
  let rule = trunkRules.get(region);
  if (!rule) {
    let code = '';
    try {
      code = getCountryCallingCode(region as CountryCode);
    } catch {
      // unknown region: every number takes the slow path
    }
    rule = { code, trunk: undefined };
    trunkRules.set(region, rule);
  }
  const international = e164.slice(1);
  if (rule.code === '' || !international.startsWith(rule.code)) return phoneSearchDigits(e164, region);
  const rest = international.slice(rule.code.length);
  if (rule.trunk === undefined) {
    const digits = phoneSearchDigits(e164, region);
    const national = digits.find((d) => d !== international) ?? '';
    if (national.endsWith(rest)) rule.trunk = national.slice(0, national.length - rest.length);
    return digits;
  }
  return [rule.trunk + rest, international];
}

/**
 * The one string a query word is matched against (substring): name parts, email, city,
 * VINs, stock numbers, registrations (also without dashes), and phone digit strings.
 * Fields are space-separated so no query word (which has no space) spans two fields.
 */
export function searchKey(lead: Lead, region = 'FR'): string {
  const { contact } = lead;
  const parts: (string | undefined)[] = [
    contact.firstName,
    contact.lastName,
    contact.fullName,
    contact.email,
    contact.address?.city,
  ];
  const plates: (string | undefined)[] = [lead.tradeIn?.registration];
  for (const v of lead.vehicles) {
    parts.push(v.vin, v.stockNumber);
    plates.push(v.registration);
  }
  parts.push(lead.tradeIn?.vin);
  for (const plate of plates) if (plate) parts.push(plate, plate.replace(/[\s-]/g, ''));
  const text = fold(parts.filter(Boolean).join(' '));
  const digits: string[] = [];
  for (const p of contact.phones) digits.push(...phoneDigits(p.e164, region));
  return digits.length > 0 ? `${text} ${digits.join(' ')}` : text;
}
