import type { Lead, LeadDraft, TimelineEntry } from '../../shared/domain/lead';
import { newRecordId } from '../store';
import { normalisePhones, uniqueStrings, type IdFactory } from './lead-parts';

export interface NewLeadOptions {
  id: string;
  /** ISO time of the creation (the draft's own createdAt, if any, wins for the lead's date). */
  at: string;
  via: 'manual' | 'import' | 'sample';
  author?: string;
  newId?: IdFactory;
}

/** A new lead from a draft: identity, a 'created' entry, then the draft's notes on the timeline. */
export function leadFromDraft(draft: LeadDraft, options: NewLeadOptions): Lead {
  const newId = options.newId ?? (() => newRecordId());
  const createdAt = draft.createdAt ?? options.at;
  // Built key by key in the order leads have always had (an import builds 100k of them: no
  // spread-then-compact copies, no Set for a lead without notes).
  const created = { id: newId(), at: createdAt, kind: 'created', via: options.via } as TimelineEntry;
  if (options.author) created.author = options.author;
  const timeline: TimelineEntry[] = [created];
  if (draft.notes && draft.notes.length > 0)
    for (const text of new Set(draft.notes)) {
      const note = { id: newId(), at: options.at, kind: 'note', text } as TimelineEntry;
      if (options.author) note.author = options.author;
      timeline.push(note);
    }
  let consents: Lead['consents'];
  if (draft.consents.length <= 1) consents = draft.consents.map((c) => ({ ...c }));
  else {
    const ids = new Set<string>();
    consents = draft.consents.map((c) => {
      const id = ids.has(c.id) ? newId() : c.id;
      ids.add(id);
      return { ...c, id };
    });
  }
  const contact = {} as Lead['contact'];
  const source = draft.contact as Record<string, unknown>;
  for (const k in source) {
    if (k === 'phones') contact.phones = normalisePhones(draft.contact.phones);
    else if (source[k] !== undefined) (contact as Record<string, unknown>)[k] = source[k];
  }
  if (!('phones' in source)) contact.phones = normalisePhones(draft.contact.phones);
  const lead = { id: options.id, contact, vehicles: [...draft.vehicles] } as Lead;
  if (draft.tradeIn !== undefined) lead.tradeIn = draft.tradeIn;
  if (draft.source !== undefined) lead.source = draft.source;
  if (draft.stage !== undefined) lead.stage = draft.stage;
  if (draft.owner) lead.owner = draft.owner;
  lead.tags = uniqueStrings(draft.tags);
  lead.consents = consents;
  lead.callbacks = [];
  lead.timeline = timeline;
  if (draft.comments) lead.comments = draft.comments;
  lead.createdAt = createdAt;
  lead.updatedAt = options.at;
  if (draft.lastContactAt !== undefined) lead.lastContactAt = draft.lastContactAt;
  return lead;
}
