import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { leadDisplayName, type Lead } from '../../shared/domain/lead';
import type { LeadSummary } from '../../shared/domain/lead-query';
import { phoneSearchDigits } from '../../shared/phone';
import { fold, foldName, foldNameShared, foldShared } from './text';

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
  // Key by key (a page is 100 summaries per keystroke: no Object.entries of a temporary object),
  // in the order summaries have always had, and only the keys with a value.
  const phone = preferredPhone(lead);
  if (phone !== undefined) summary.phone = phone;
  if (lead.contact.email !== undefined) summary.email = lead.contact.email;
  if (lead.contact.address?.city !== undefined) summary.city = lead.contact.address.city;
  if (lead.owner !== undefined) summary.owner = lead.owner;
  if (vehicle) summary.vehicle = `${vehicle.make} ${vehicle.model}`;
  if (lead.source?.name !== undefined) summary.source = lead.source.name;
  const next = nextCallbackAt(lead);
  if (next !== undefined) summary.nextCallbackAt = next;
  if (lead.lastContactAt !== undefined) summary.lastContactAt = lead.lastContactAt;
  return summary;
}

/** "Nom Prénom" folded, as a French list sorts people; '' when the lead has no name. */
export function nameSortKey(lead: Pick<Lead, 'contact'>): string {
  const { firstName, lastName, fullName } = lead.contact;
  // fold works character by character and keeps spaces, so folding each name (most names
  // repeat across leads) and joining is the fold of the joined names, when trim has nothing to do.
  if (lastName && firstName && !untrimmed(lastName) && !untrimmed(firstName))
    return [foldShared(lastName), foldShared(firstName)].join(' '); // join: one flat string, quick to compare
  const parts = lastName || firstName ? [lastName, firstName] : [fullName];
  return fold(parts.filter(Boolean).join(' ').trim());
}

const untrimmed = (s: string) => s.trim().length !== s.length;

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
 * The one string a query word is matched against (substring): name parts (multi-part names
 * also joined: "le goff legoff", see foldName), email, city, the
 * make and model of each vehicle of interest (a seller types "peugeot 208"), VINs, stock
 * numbers, registrations (also without dashes), and phone digit strings. The trade-in's make
 * and model are left out: "peugeot" finds the Peugeot buyers, not those trading one in.
 * Fields are space-separated so no query word (which has no space) spans two fields.
 */
export function searchKey(lead: Lead, region = 'FR'): string {
  const { contact } = lead;
  // fold(a + ' ' + b) is fold(a) + ' ' + fold(b) (see nameSortKey): names and cities, which
  // repeat across leads, are folded once each.
  const parts: string[] = [];
  if (contact.firstName) parts.push(foldNameShared(contact.firstName));
  if (contact.lastName) parts.push(foldNameShared(contact.lastName));
  if (contact.fullName) parts.push(foldName(contact.fullName));
  if (contact.email) parts.push(fold(contact.email));
  if (contact.address?.city) parts.push(foldShared(contact.address.city));
  const plates: (string | undefined)[] = [lead.tradeIn?.registration];
  for (const v of lead.vehicles) {
    // Makes and models repeat across leads: folded once each, like names.
    if (v.make) parts.push(foldShared(v.make));
    if (v.model) parts.push(foldShared(v.model));
    if (v.vin) parts.push(fold(v.vin));
    if (v.stockNumber) parts.push(fold(v.stockNumber));
    plates.push(v.registration);
  }
  if (lead.tradeIn?.vin) parts.push(fold(lead.tradeIn.vin));
  for (const plate of plates) {
    if (!plate) continue;
    parts.push(fold(plate));
    const bare = plate.replace(/[\s-]/g, '');
    if (bare) parts.push(fold(bare));
  }
  // One join, so the key is one flat string (it is kept for every lead).
  if (contact.phones.length > 0 && parts.length === 0) parts.push('');
  for (const p of contact.phones) parts.push(...phoneDigits(p.e164, region));
  return parts.join(' ');
}
