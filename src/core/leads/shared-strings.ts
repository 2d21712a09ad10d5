import type { Lead } from '../../shared/domain/lead';
import type { CollectionOptions } from '../store';

/**
 * One copy of each string many leads repeat. JSON.parse gives every lead its own copy of any
 * value over 10 characters: the consent wording, the seller's name, the source, the import
 * time… (~35 MB at 100k sample leads). Bounded, so a file of unique values cannot grow it.
 */
export class StringPool {
  readonly #strings = new Map<string, string>();

  constructor(private readonly max = 50_000) {}

  get size(): number {
    return this.#strings.size;
  }

  share(s: string): string {
    const known = this.#strings.get(s);
    if (known !== undefined) return known;
    if (this.#strings.size < this.max) this.#strings.set(s, s);
    return s;
  }
}

/**
 * Replaces, in place, the lead's strings by equal ones shared with other leads (values that
 * repeat across leads) or with the lead itself (a consent's number is one of its phones, most
 * timeline times are its creation or last update). Nothing a reader can see changes: only
 * which copy of an equal string the lead points to. For leads fresh from disk or the importer,
 * not yet shared with anything that compares them by reference.
 */
export function shareLeadStrings(lead: Lead, pool: StringPool): void {
  const l = lead as Mutable<Lead>;
  l.updatedAt = pool.share(l.updatedAt);
  const createdAt = l.createdAt;
  const updatedAt = l.updatedAt;
  const sameTime = (t: string) => (t === createdAt ? createdAt : t === updatedAt ? updatedAt : pool.share(t));
  const contact = l.contact as Mutable<Lead['contact']>;
  if (contact.preferredContactTime) contact.preferredContactTime = pool.share(contact.preferredContactTime);
  const address = contact.address as Mutable<NonNullable<Lead['contact']['address']>> | undefined;
  if (address) {
    if (address.city) address.city = pool.share(address.city);
    if (address.street) address.street = pool.share(address.street);
  }
  for (const v of l.vehicles as Mutable<Lead['vehicles'][number]>[]) {
    v.make = pool.share(v.make);
    v.model = pool.share(v.model);
    if (v.trim) v.trim = pool.share(v.trim);
  }
  const tradeIn = l.tradeIn as Mutable<NonNullable<Lead['tradeIn']>> | undefined;
  if (tradeIn) {
    if (tradeIn.make) tradeIn.make = pool.share(tradeIn.make);
    if (tradeIn.model) tradeIn.model = pool.share(tradeIn.model);
  }
  const source = l.source as Mutable<NonNullable<Lead['source']>> | undefined;
  if (source) {
    source.name = pool.share(source.name);
    if (source.provider) source.provider = pool.share(source.provider);
  }
  if (l.owner) l.owner = pool.share(l.owner);
  const tags = l.tags as string[];
  for (let i = 0; i < tags.length; i++) tags[i] = pool.share(tags[i]!);
  if (l.comments) l.comments = pool.share(l.comments);
  const phones = contact.phones;
  for (const c of l.consents as Mutable<Lead['consents'][number]>[]) {
    c.wording = pool.share(c.wording);
    c.givenAt = sameTime(c.givenAt);
    const phone = phones.find((p) => p.e164 === c.number);
    if (phone) c.number = phone.e164;
  }
  for (const cb of l.callbacks as Mutable<Lead['callbacks'][number]>[]) {
    cb.owner = pool.share(cb.owner);
    cb.createdAt = sameTime(cb.createdAt);
  }
  for (const e of l.timeline as Mutable<Lead['timeline'][number]>[]) {
    e.at = sameTime(e.at);
    if (e.author) e.author = pool.share(e.author);
    if (e.kind === 'note') e.text = pool.share(e.text);
    else if (e.kind === 'imported') e.file = pool.share(e.file);
  }
}

/** The one pool leads share strings through, from every load and import of this process. */
export const leadStrings = new StringPool();

/**
 * Options for opening the leads collection (`store.collection('leads', leadCollectionOptions)`):
 * strings are shared as each shard is parsed, while the copies are still young garbage.
 */
export const leadCollectionOptions: CollectionOptions<Lead> = {
  onLoad: (lead) => shareLeadStrings(lead, leadStrings),
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
