/**
 * Where to put the list's scroll position when the seller comes back from a lead: where it was,
 * moved just enough to show the row that was opened (the window may have been resized since, or
 * the row picked with the keyboard while half out of view). Within the list's real height.
 */
export function restoredScrollTop(input: {
  offset: number;
  selected: number;
  total: number;
  rowHeight: number;
  viewportHeight: number;
}): number {
  const { selected, total, rowHeight, viewportHeight } = input;
  const maxTop = Math.max(0, total * rowHeight - viewportHeight);
  let top = Math.min(Math.max(0, input.offset), maxTop);
  if (selected >= 0 && selected < total && viewportHeight > 0) {
    const rowTop = selected * rowHeight;
    if (rowTop < top) top = rowTop;
    else if (rowTop + rowHeight > top + viewportHeight) top = Math.min(maxTop, rowTop + rowHeight - viewportHeight);
  }
  return top;
}

/**
 * Whether the list is the one a lead was opened from (same search), and so comes back with that
 * lead selected, at its scroll position, the list focused. A row of an unscrolled list (offset 0)
 * counts: Enter must open the same lead again, not the first one.
 */
export function restorePointFor(
  memory: { search: string; offset: number; selected: number },
  search: string,
): { offset: number; selected: number } | null {
  return memory.search === search && memory.selected >= 0
    ? { offset: Math.max(0, memory.offset), selected: memory.selected }
    : null;
}
