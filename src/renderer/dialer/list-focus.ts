/**
 * Where focus goes once "Créer la liste" closed the form (the form held it; without this it falls
 * to the page's body). The new list's row if it is on screen already; else the lists' heading
 * until the row arrives (the lists reload a moment after core's change event), then the row,
 * unless the seller has moved focus elsewhere meanwhile.
 */
export type FocusNow = 'body' | 'heading' | 'elsewhere';

export function focusAfterCreate(
  createdId: string,
  listIds: readonly string[],
  now: FocusNow,
): { focus: 'row' | 'heading' | null; done: boolean } {
  if (now === 'elsewhere') return { focus: null, done: true };
  if (listIds.includes(createdId)) return { focus: 'row', done: true };
  return { focus: now === 'body' ? 'heading' : null, done: false };
}
