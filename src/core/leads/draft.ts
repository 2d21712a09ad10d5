import type { Lead, LeadDraft, TimelineEntry } from '../../shared/domain/lead';
import { newRecordId } from '../store';
import { compact, normalisePhones, uniqueStrings, type IdFactory } from './lead-parts';

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
  const author = options.author ? { author: options.author } : {};
  const timeline: TimelineEntry[] = [{ id: newId(), at: createdAt, kind: 'created', via: options.via, ...author }];
  for (const text of new Set(draft.notes ?? []))
    timeline.push({ id: newId(), at: options.at, kind: 'note', text, ...author });
  const ids = new Set<string>();
  const consents = draft.consents.map((c) => {
    const id = ids.has(c.id) ? newId() : c.id;
    ids.add(id);
    return { ...c, id };
  });
  // A plain spread then an assignment: spreading and overriding a key in one literal is V8's slow path.
  const contact = { ...draft.contact };
  contact.phones = normalisePhones(draft.contact.phones);
  return compact({
    id: options.id,
    contact: compact(contact),
    vehicles: [...draft.vehicles],
    tradeIn: draft.tradeIn,
    source: draft.source,
    stage: draft.stage,
    owner: draft.owner || undefined,
    tags: uniqueStrings(draft.tags),
    consents,
    callbacks: [],
    timeline,
    comments: draft.comments || undefined,
    createdAt,
    updatedAt: options.at,
    lastContactAt: draft.lastContactAt,
  });
}
