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
