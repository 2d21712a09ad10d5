/** A disposition the seller just saved from Appels › Qualifier, until the list shows it. */
export interface SavedOutcome {
  recordId: string;
  disposition: string;
  /** The page's row ids when the editor opened, in order: where the call was. */
  rowsBefore: readonly string[];
}

export type FocusAfterSave =
  /** The list has not been read again since the save: wait. */
  | { settled: false }
  /** The row's Qualifier button, a neighbour's when the row left the list, or null: the message. */
  | { settled: true; recordId: string | null };

/**
 * Where the keyboard goes once the list shows the save. The call stays listed: its own Qualifier
 * button. It left the list (a filter on « À qualifier », another disposition): the next call's
 * button, the previous one's at the end of the page, the status message when none is left.
 */
export function focusAfterSave(
  saved: SavedOutcome,
  rows: readonly { id: string; disposition?: string | undefined }[],
): FocusAfterSave {
  const row = rows.find((r) => r.id === saved.recordId);
  if (row) return row.disposition === saved.disposition ? { settled: true, recordId: row.id } : { settled: false };
  const listed = new Set(rows.map((r) => r.id));
  const at = saved.rowsBefore.indexOf(saved.recordId);
  const after = at < 0 ? [] : saved.rowsBefore.slice(at + 1);
  const before = at < 0 ? [] : saved.rowsBefore.slice(0, at).reverse();
  const neighbour = [...after, ...before].find((id) => listed.has(id));
  return { settled: true, recordId: neighbour ?? null };
}
