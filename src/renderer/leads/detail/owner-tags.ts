/**
 * Owner and tags as the seller edits them on a lead, checked here against the same bounds as
 * the lead schema (src/shared/domain/lead.ts) so a typo never costs a round trip.
 */

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;
export const MAX_OWNER_LENGTH = 100;

/** Case-insensitive but accent-sensitive: "VIP" and "vip" are one tag, "Réservé" and "Reserve" two. */
const fold = (value: string) => value.toLocaleLowerCase('fr');

/** Trimmed, inner runs of spaces made one, composed accents (a pasted "é" may come decomposed). */
export const cleanLabel = (raw: string): string => raw.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The store's spelling of a value typed in another case, so filters (exact match) find it. */
function spelledAsKnown(value: string, known: readonly string[]): string {
  const key = fold(value);
  return known.find((k) => fold(k) === key) ?? value;
}

export type TagProblem = 'empty' | 'too-long' | 'duplicate' | 'too-many';

export type TagAddition =
  { ok: true; tags: string[]; added: string[] } | { ok: false; problem: TagProblem; tag?: string };

/**
 * What the seller typed in the tag box, added to the lead's tags. Commas separate several tags
 * (exports join a lead's tags with ", ", so a comma cannot live inside a tag). Tags the lead
 * already has are skipped; nothing is added if one part is too long or the lead would exceed
 * its bound.
 */
export function addTags(current: readonly string[], typed: string, known: readonly string[] = []): TagAddition {
  const parts = typed
    .split(',')
    .map(cleanLabel)
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, problem: 'empty' };
  const tooLong = parts.find((part) => part.length > MAX_TAG_LENGTH);
  if (tooLong) return { ok: false, problem: 'too-long', tag: tooLong };
  const have = new Set(current.map(fold));
  const added: string[] = [];
  for (const part of parts) {
    if (have.has(fold(part))) continue;
    have.add(fold(part));
    added.push(spelledAsKnown(part, known));
  }
  if (added.length === 0) return { ok: false, problem: 'duplicate', tag: spelledAsKnown(parts[0]!, current) };
  if (current.length + added.length > MAX_TAGS) return { ok: false, problem: 'too-many' };
  return { ok: true, tags: [...current, ...added], added };
}

export const removeTag = (current: readonly string[], tag: string): string[] => current.filter((t) => t !== tag);

/** Existing tags the lead does not carry yet, for the tag box's suggestions. */
export function tagSuggestions(known: readonly string[], current: readonly string[]): string[] {
  const have = new Set(current.map(fold));
  return known.filter((tag) => !have.has(fold(tag)));
}

/** Which tags an edit adds and removes (order changes are no change). */
export function diffTags(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return { added: after.filter((t) => !was.has(t)), removed: before.filter((t) => !now.has(t)) };
}

export type OwnerEdit = { ok: true; change: { owner: string } | null } | { ok: false; problem: 'too-long' };

/**
 * The `leads.update` change for the owner typed: null when it is the same owner, `''` to leave
 * the lead unassigned (core clears an empty owner), else the name, spelled as an existing owner
 * when it only differs in case.
 */
export function ownerEdit(current: string | undefined, typed: string, known: readonly string[] = []): OwnerEdit {
  const cleaned = cleanLabel(typed);
  if (cleaned.length > MAX_OWNER_LENGTH) return { ok: false, problem: 'too-long' };
  const owner = cleaned === '' ? '' : spelledAsKnown(cleaned, known);
  return { ok: true, change: owner === (current ?? '') ? null : { owner } };
}
