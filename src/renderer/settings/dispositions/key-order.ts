import type { Disposition } from '../../../shared/domain/disposition';
import { keyForIndex, wrapUpOrder } from '../../dialer/disposition-keys';
import type { Translate } from '../../dialer/translate';
import { isSipDisposition, labelIn, type DispositionForm } from './disposition-form';

/**
 * Settings > Call outcomes and the wrap-up form's keys 1–9. The wrap-up form puts the line's own
 * outcomes (busy, no answer…) after the others whatever the saved order (`wrapUpOrder`), so the
 * editor lists the set in that order too: each row's key is then its place in the list, moves
 * stay on their side of that line, and a save that changes a key a seller knows says so first.
 */

/** The set as the editor lists it, which is the wrap-up form's order (a saved set may mix the two kinds). */
export const inKeyOrder = (set: readonly Disposition[]): Disposition[] => wrapUpOrder(set);

/** The wrap-up form's key of each disposition of `set`, by id (undefined past the ninth). */
export function wrapUpKeys(set: readonly Disposition[]): Map<string, string | undefined> {
  return new Map(wrapUpOrder(set).map((d, i) => [d.id, keyForIndex(i)] as const));
}

/**
 * Whether the row at `index` may move by `delta`: within the list, and not past the line's
 * outcomes, which the wrap-up form would put back last (the key would not follow the row).
 */
export function canMove(forms: readonly Pick<DispositionForm, 'id'>[], index: number, delta: -1 | 1): boolean {
  const target = index + delta;
  if (index < 0 || index >= forms.length || target < 0 || target >= forms.length) return false;
  return isSipDisposition(forms[index]!.id) === isSipDisposition(forms[target]!.id);
}

/** Where an added disposition goes: after the seller's outcomes, before the line's. */
export function addIndex(forms: readonly Pick<DispositionForm, 'id'>[]): number {
  const firstFromLine = forms.findIndex((form) => isSipDisposition(form.id));
  return firstFromLine < 0 ? forms.length : firstFromLine;
}

/** A saved disposition whose key the new set changes: `from`/`to` undefined for "no key". */
export interface KeyChange {
  id: string;
  label: string;
  from: string | undefined;
  to: string | undefined;
}

/**
 * The saved dispositions whose key `next` changes (moved, removed above them, past the ninth),
 * in `next`'s key order, named by their label in `next`. New and removed ones are not listed:
 * no seller has a habit with them here (a removal asks first).
 */
export function keyChanges(saved: readonly Disposition[], next: readonly Disposition[], language: string): KeyChange[] {
  const before = wrapUpKeys(saved);
  const after = wrapUpKeys(next);
  const changes: KeyChange[] = [];
  for (const d of wrapUpOrder(next)) {
    if (!before.has(d.id)) continue;
    const from = before.get(d.id);
    const to = after.get(d.id);
    if (from !== to) changes.push({ id: d.id, label: labelIn(d, language), from, to });
  }
  return changes;
}

/** « Les touches … changent à l'enregistrement : « Refus – ne plus appeler » passe de 7 à 6… », or null. */
export function keyChangesText(changes: readonly KeyChange[], t: Translate, language: string): string | null {
  if (changes.length === 0) return null;
  const parts = changes.map(({ label, from, to }) =>
    from && to
      ? t('settings.dispositions.keyChange.moves', { label, from, to })
      : to
        ? t('settings.dispositions.keyChange.gains', { label, to })
        : t('settings.dispositions.keyChange.loses', { label, from: from ?? '' }),
  );
  return t('settings.dispositions.keyChanges', {
    changes: new Intl.ListFormat(language, { type: 'conjunction' }).format(parts),
  });
}
