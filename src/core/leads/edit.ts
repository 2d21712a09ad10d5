import type { z } from 'zod';
import type { LeadEditSchema } from '../../shared/contract';
import type { Contact, Lead } from '../../shared/domain/lead';
import { compact, normalisePhones, sameValue, uniqueStrings } from './lead-parts';

export type LeadEdit = z.output<typeof LeadEditSchema>;

/**
 * A lead with the edited fields replaced, and the names of the fields that really changed
 * (contact fields by name, e.g. `contact.email`). An empty owner or comment clears it.
 */
export function applyEdit(lead: Lead, edit: LeadEdit): { lead: Lead; fields: string[] } {
  const next: Lead = { ...lead };
  const fields: string[] = [];
  if (edit.contact) {
    const contact: Contact = compact({ ...edit.contact, phones: normalisePhones(edit.contact.phones) });
    const keys = new Set([...Object.keys(lead.contact), ...Object.keys(contact)] as (keyof Contact)[]);
    for (const k of keys) if (!sameValue(lead.contact[k], contact[k])) fields.push(`contact.${k}`);
    next.contact = contact;
  }
  const rest = {
    vehicles: edit.vehicles,
    tradeIn: edit.tradeIn,
    source: edit.source,
    owner: edit.owner === undefined ? undefined : edit.owner.trim() || null,
    tags: edit.tags && uniqueStrings(edit.tags),
    comments: edit.comments === undefined ? undefined : edit.comments || null,
  };
  for (const [k, v] of Object.entries(rest) as [keyof typeof rest, unknown][]) {
    if (v === undefined) continue;
    const value = v === null ? undefined : v;
    if (sameValue(lead[k], value)) continue;
    Object.assign(next, { [k]: value });
    fields.push(k);
  }
  return { lead: fields.length > 0 ? compact(next) : lead, fields: fields.sort() };
}
