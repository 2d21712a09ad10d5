import type { Lead } from '../../shared/domain/lead';
import { leadDisplayName } from '../../shared/domain/lead';
import { parsePhone } from '../../shared/phone';
import type { LeadService } from '../leads/lead-service';

export interface CallerMatch {
  id: string;
  name: string;
  /** Other leads with the same number (a couple sharing a landline): the UI says "and N others". */
  others: number;
}

/**
 * The lead behind a caller ID, on an exact number match in any format the PBX sends
 * ("0612345678", "+33612345678", "33612345678"). When several leads share it, the one
 * contacted most recently wins: that is who the seller is most likely expecting.
 */
export async function matchCaller(leads: LeadService, raw: string, region: string): Promise<CallerMatch | null> {
  const e164 = callerE164(raw, region);
  if (!e164) return null;
  await leads.ready();
  const candidates = leads
    .query({ text: e164.slice(1), sort: 'lastContact', direction: 'desc' })
    .filter((lead) => lead.contact.phones.some((p) => p.e164 === e164));
  const best = candidates[0];
  return best ? { id: best.id, name: displayName(best), others: candidates.length - 1 } : null;
}

/** The caller ID as E.164, trying it as national, then as international without the "+". */
export function callerE164(raw: string, region: string): string | undefined {
  const user = raw
    .replace(/^sips?:/, '')
    .replace(/@.*$/, '')
    .trim();
  const asTyped = parsePhone(user, region);
  if (asTyped.ok) return asTyped.e164;
  if (/^\d{8,15}$/.test(user)) {
    const international = parsePhone(`+${user}`, region);
    if (international.ok) return international.e164;
  }
  return undefined;
}

const displayName = (lead: Lead): string => leadDisplayName(lead.contact) || lead.contact.phones[0]?.e164 || lead.id;
