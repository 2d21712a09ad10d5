import type { Address, Contact, Lead, LeadDraft, TimelineEntry } from '../../shared/domain/lead';
import { mergeOutcome } from '../../shared/domain/lead-merge';
import { newRecordId } from '../store';
import {
  compact,
  consentKey,
  earliest,
  isBlank,
  latest,
  normalisePhones,
  sameValue,
  uniqueStrings,
  vehicleKey,
  type IdFactory,
} from './lead-parts';

const CONTACT_TEXT = ['firstName', 'lastName', 'fullName', 'email', 'preferredContactTime'] as const;
const ADDRESS_FIELDS = ['street', 'apartment', 'city', 'regionCode', 'postalCode', 'country'] as const;

/** `base` with its empty text fields filled from `extra`; the names of the fields filled. */
function fillContact(base: Contact, extra: Contact): { contact: Contact; filled: string[] } {
  const contact: Contact = { ...base };
  const filled: string[] = [];
  for (const f of CONTACT_TEXT) {
    if (isBlank(contact[f]) && !isBlank(extra[f])) {
      contact[f] = extra[f];
      filled.push(`contact.${f}`);
    }
  }
  if (extra.address) {
    const address: Address = { ...base.address };
    for (const f of ADDRESS_FIELDS) {
      if (isBlank(address[f]) && !isBlank(extra.address[f])) {
        address[f] = extra.address[f];
        filled.push(`contact.address.${f}`);
      }
    }
    if (!base.address && Object.keys(address).length > 0) contact.address = address;
    else if (base.address) contact.address = address;
    if (Object.keys(address).length === 0) delete contact.address;
  }
  return { contact, filled };
}

/** Timeline entries of both, in time order (stable: `a` before `b` at the same instant), each id once. */
function mergeTimelines(a: readonly TimelineEntry[], b: readonly TimelineEntry[]): TimelineEntry[] {
  const seen = new Set<string>();
  const all = [...a, ...b].filter((e) => !seen.has(e.id) && seen.add(e.id));
  return all
    .map((entry, i) => ({ entry, i, t: Date.parse(entry.at) }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.entry);
}

/**
 * Two leads of the same person become `keep` (its id stays): every phone (by E.164, keep's
 * preferred stays preferred), vehicle, consent, callback and timeline entry of both, tags
 * united, keep's values first with its empty fields filled from `other`, the earliest creation
 * and the latest contact. The stage, owner and name follow mergeOutcome (the most advanced
 * stage, a named owner, the better-written name), whichever lead holds them; a stage that
 * changes for `keep` is written on the timeline. Pure: `other` is deleted by the caller.
 */
export function mergeLeads(
  keep: Lead,
  other: Lead,
  at: string,
  newId: IdFactory = () => newRecordId(),
  author?: string,
): Lead {
  const { contact } = fillContact(keep.contact, other.contact);
  const outcome = mergeOutcome(keep, other);
  for (const f of ['firstName', 'lastName', 'fullName'] as const) delete contact[f];
  Object.assign(contact, outcome.name);
  contact.phones = normalisePhones([
    ...keep.contact.phones,
    ...other.contact.phones.map((p) => ({ ...p, preferred: keep.contact.phones.length === 0 && p.preferred })),
  ]);
  const vehicleKeys = new Set(keep.vehicles.map(vehicleKey));
  const consentKeys = new Set(keep.consents.map(consentKey));
  const consentIds = new Set(keep.consents.map((c) => c.id));
  const callbackIds = new Set(keep.callbacks.map((c) => c.id));
  const comments =
    keep.comments && other.comments && keep.comments !== other.comments
      ? `${keep.comments}\n\n${other.comments}`.slice(0, 10_000)
      : keep.comments || other.comments;
  const by = author ? { author } : {};
  const stageEntry: TimelineEntry[] =
    outcome.stage === keep.stage
      ? []
      : [{ id: newId(), at, kind: 'stage', from: keep.stage, to: outcome.stage, ...by }];
  return compact({
    ...keep,
    contact: compact(contact),
    vehicles: [...keep.vehicles, ...other.vehicles.filter((v) => !vehicleKeys.has(vehicleKey(v)))],
    tradeIn: keep.tradeIn ?? other.tradeIn,
    source: keep.source ?? other.source,
    stage: outcome.stage,
    owner: outcome.owner,
    tags: uniqueStrings(keep.tags, other.tags),
    consents: [
      ...keep.consents,
      ...other.consents
        .filter((c) => !consentKeys.has(consentKey(c)))
        .map((c) => (consentIds.has(c.id) ? { ...c, id: newId() } : c)),
    ],
    callbacks: [...keep.callbacks, ...other.callbacks.filter((c) => !callbackIds.has(c.id))],
    timeline: [
      ...mergeTimelines(keep.timeline, other.timeline),
      { id: newId(), at, kind: 'merged', mergedLeadId: other.id, ...by } satisfies TimelineEntry,
      ...stageEntry,
    ],
    comments,
    createdAt: earliest(keep.createdAt, other.createdAt),
    lastContactAt: latest(keep.lastContactAt, other.lastContactAt),
    updatedAt: at,
  });
}

export interface MergeDraftOptions {
  /** The import file named on the timeline entry. */
  file?: string;
  newId?: IdFactory;
}

/**
 * What a re-imported or duplicate row adds to an existing lead: new phones, vehicles,
 * consents, tags and notes, and empty fields filled. Never deletes or overwrites (the stage
 * and a differing email stay the lead's). No change -> the same lead object and no entry,
 * so importing a file twice changes nothing the second time.
 */
export function mergeDraft(
  lead: Lead,
  draft: LeadDraft,
  at: string,
  options: MergeDraftOptions = {},
): { lead: Lead; changes: string[] } {
  const newId = options.newId ?? (() => newRecordId());
  const { contact, filled } = fillContact(lead.contact, draft.contact);
  const changes = [...filled];
  const next: Lead = { ...lead, contact };

  const known = new Set(lead.contact.phones.map((p) => p.e164));
  const newPhones = draft.contact.phones.filter((p) => !known.has(p.e164));
  if (newPhones.length > 0) {
    const hasPreferred = lead.contact.phones.length > 0;
    contact.phones = normalisePhones([
      ...lead.contact.phones,
      ...newPhones.map((p) => ({ ...p, preferred: !hasPreferred && p.preferred })),
    ]);
    changes.push('contact.phones');
  }

  const vehicleKeys = new Set(lead.vehicles.map(vehicleKey));
  const newVehicles = draft.vehicles.filter((v) => !vehicleKeys.has(vehicleKey(v)) && vehicleKeys.add(vehicleKey(v)));
  if (newVehicles.length > 0) {
    next.vehicles = [...lead.vehicles, ...newVehicles];
    changes.push('vehicles');
  }

  const consents = mergeDraftConsents(lead, draft, newId);
  if (consents) {
    next.consents = consents;
    changes.push('consents');
  }

  for (const f of ['tradeIn', 'source', 'owner', 'comments'] as const) {
    if (isEmpty(lead[f]) && !isEmpty(draft[f])) {
      Object.assign(next, { [f]: draft[f] });
      changes.push(f);
    }
  }

  const tags = uniqueStrings(lead.tags, draft.tags);
  if (tags.length !== lead.tags.length) {
    next.tags = tags;
    changes.push('tags');
  }

  const notes = newNotes(lead, draft);
  if (notes.length > 0) changes.push('notes');

  const createdAt = earliest(lead.createdAt, draft.createdAt);
  if (createdAt !== lead.createdAt) {
    next.createdAt = createdAt;
    changes.push('createdAt');
  }
  const lastContactAt = latest(lead.lastContactAt, draft.lastContactAt);
  if (lastContactAt !== lead.lastContactAt) {
    next.lastContactAt = lastContactAt;
    changes.push('lastContactAt');
  }

  if (changes.length === 0) return { lead, changes };
  next.timeline = [
    ...lead.timeline,
    ...notes.map((text): TimelineEntry => ({ id: newId(), at, kind: 'note', text })),
    { id: newId(), at, kind: 'imported', file: options.file ?? '', changes },
  ];
  next.updatedAt = at;
  return { lead: compact(next), changes };
}

const isEmpty = (v: unknown) => v === undefined || v === '' || (typeof v === 'object' && sameValue(v, {}));

/** Draft consents not yet on the lead, and revocations the lead does not know yet; null if none. */
function mergeDraftConsents(lead: Lead, draft: LeadDraft, newId: IdFactory): Lead['consents'] | null {
  let changed = false;
  const consents = lead.consents.map((c) => ({ ...c }));
  const byKey = new Map(consents.map((c) => [consentKey(c), c]));
  const ids = new Set(consents.map((c) => c.id));
  for (const c of draft.consents) {
    const existing = byKey.get(consentKey(c));
    if (existing) {
      if (c.revokedAt && !existing.revokedAt) {
        existing.revokedAt = c.revokedAt;
        changed = true;
      }
      continue;
    }
    const added = { ...c, id: ids.has(c.id) ? newId() : c.id };
    ids.add(added.id);
    byKey.set(consentKey(added), added);
    consents.push(added);
    changed = true;
  }
  return changed ? consents : null;
}

/** Draft notes (and a differing source comment) not already on the timeline as notes. */
function newNotes(lead: Lead, draft: LeadDraft): string[] {
  const existing = new Set(lead.timeline.flatMap((e) => (e.kind === 'note' ? [e.text] : [])));
  const candidates = [...(draft.notes ?? [])];
  if (draft.comments && lead.comments && draft.comments !== lead.comments) candidates.push(draft.comments);
  return [...new Set(candidates)].filter((t) => !existing.has(t));
}
