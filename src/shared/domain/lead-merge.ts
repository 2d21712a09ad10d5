import { leadDisplayName, type Contact, type Lead, type Stage } from './lead';

/**
 * What a merge of two leads of the same person keeps when they disagree: the stage, the owner
 * and the name. Shared so the lead service (which merges) and the merge dialog (which says what
 * will be kept before the seller confirms) apply one rule.
 */

/**
 * The app's words for "the seller at this workstation" when no SIP display name is set
 * (core/settings/seller-name.ts): an owner that names nobody.
 */
export const DEFAULT_SELLER_NAMES: readonly string[] = ['Vendeur', 'Seller'];

/** What a merge reads of each lead. */
export type MergeSide = Pick<Lead, 'stage' | 'owner' | 'createdAt'> & {
  contact: Pick<Contact, 'kind' | 'firstName' | 'lastName' | 'fullName'>;
};

export type MergedName = Pick<Contact, 'kind' | 'firstName' | 'lastName' | 'fullName'>;

export interface MergeOutcome {
  stage: Stage;
  owner: string | undefined;
  name: MergedName;
}

/**
 * Lost ranks below every active stage: it ends one attempt, it is not progress. A duplicate
 * still active means the person is in play again (a new enquiry after a lost deal), so the
 * merged lead stays callable instead of vanishing from callback lists. Sold is the furthest a
 * lead goes and a fact about the person, so it wins; a seller who sees a new enquiry from a
 * buyer changes the stage back by hand.
 */
const STAGE_RANK: Record<Stage, number> = { lost: 0, new: 1, contacted: 2, appointment: 3, visited: 4, sold: 5 };

export const mergedStage = (a: Stage, b: Stage): Stage => (STAGE_RANK[b] > STAGE_RANK[a] ? b : a);

/** An owner who is a person: not blank and not the default seller word. */
export function isNamedOwner(owner: string | undefined): owner is string {
  const folded = fold(owner ?? '').trim();
  return folded !== '' && !DEFAULT_SELLER_NAMES.some((word) => fold(word) === folded);
}

/** The two leads, the one created first first (`keep` first when created at the same instant). */
function olderFirst<T extends MergeSide>(keep: T, other: T): [T, T] {
  return Date.parse(other.createdAt) < Date.parse(keep.createdAt) ? [other, keep] : [keep, other];
}

/**
 * A person named as owner wins over the default seller word (a duplicate typed at a workstation
 * without a display name is owned by "Vendeur"); between two people, the older lead's owner,
 * who has worked the person longest.
 */
export function mergedOwner(keep: MergeSide, other: MergeSide): string | undefined {
  const [older, newer] = olderFirst(keep, other);
  if (isNamedOwner(older.owner)) return older.owner;
  if (isNamedOwner(newer.owner)) return newer.owner;
  return keep.owner || other.owner || undefined;
}

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}
const words = (text: string): string[] =>
  fold(text)
    .split(/[\s'’\-\u2010\u2011.,]+/u)
    .filter(Boolean);
const isBlank = (v: string | undefined) => v === undefined || v.trim() === '';
const NAME_FIELDS = ['firstName', 'lastName', 'fullName'] as const;

/** Letters carrying an accent or a cedilla ("Barbé" 1, "Barbe" 0). */
function accents(text: string): number {
  const decomposed = text.normalize('NFD');
  return decomposed.length - decomposed.replace(/\p{M}/gu, '').length;
}
/** Written in mixed case ("Cédric Barbé"), not all capitals nor all lower case. */
const mixedCase = (text: string) => (text !== text.toUpperCase() && text !== text.toLowerCase() ? 1 : 0);

const WORD = /[\p{L}\p{M}]+/gu;
const betterWritten = (a: string, b: string) =>
  accents(a) > accents(b) || (accents(a) === accents(b) && mixedCase(a) > mixedCase(b));

/** `text` with the accents of the other name's words ("Elodie Martin-Roy" beside "Élodie Martin": "Élodie Martin-Roy"). */
function respell(text: string, other: string): string {
  const forms = new Map<string, string>();
  for (const word of other.match(WORD) ?? []) forms.set(fold(word), word);
  return text.replace(WORD, (word) => {
    const form = forms.get(fold(word));
    return form && accents(form) > accents(word) ? form : word;
  });
}

/**
 * Which lead's name the merge keeps: the same name written better (accents, then mixed case:
 * "Cédric Barbé" over "Cedric Barbe" or "CEDRIC BARBE"), else the more complete one when it
 * holds every word of the other ("Cédric Barbé" over "Barbé"), else the older lead's.
 */
function nameWinner<T extends MergeSide>(keep: T, other: T): T {
  const [older, newer] = olderFirst(keep, other);
  const nameOf = (side: T) => leadDisplayName(side.contact);
  const [a, b] = [nameOf(older), nameOf(newer)];
  const [wa, wb] = [words(a), words(b)];
  if (wb.length === 0) return older;
  if (wa.length === 0) return newer;
  if (wa.join(' ') === wb.join(' ')) {
    return betterWritten(b, a) ? newer : older;
  }
  const holds = (big: string[], small: string[]) => big.length > small.length && small.every((w) => big.includes(w));
  if (holds(wb, wa)) return newer;
  return older;
}

/**
 * The name fields as merged: the winning lead's (its kind too: a company's full name is its
 * name) with the accents the other lead's name has, and its blank fields filled from the other
 * lead unless the other's name adds no word ("Cedric Barbe" is not added beside a full name
 * "Cédric Barbé").
 */
export function mergedName(keep: MergeSide, other: MergeSide): MergedName {
  const winner = nameWinner(keep, other);
  const loser = winner === keep ? other : keep;
  const loserName = leadDisplayName(loser.contact);
  const said = new Set(words(leadDisplayName(winner.contact)));
  const addsNothing = words(loserName).every((w) => said.has(w));
  const name: MergedName = { kind: winner.contact.kind };
  for (const field of NAME_FIELDS) {
    const mine = winner.contact[field];
    const theirs = loser.contact[field];
    if (!isBlank(mine)) name[field] = respell(mine!, loserName);
    else if (!isBlank(theirs) && !addsNothing) name[field] = theirs;
  }
  return name;
}

/** The stage, owner and name a merge of `other` into `keep` keeps (see each rule). */
export function mergeOutcome(keep: MergeSide, other: MergeSide): MergeOutcome {
  return {
    stage: mergedStage(keep.stage, other.stage),
    owner: mergedOwner(keep, other),
    name: mergedName(keep, other),
  };
}
