/** A multi-value filter (stage, owner, source, tag) as the seller ticks it. */

/**
 * The selection with `value` ticked or unticked, kept in the options' order so the same
 * choice always makes the same query (and the same cached pages), whatever the click order.
 * Values the options no longer list (from a bookmarked address) stay, after the others.
 */
export function toggleChoice<T extends string>(
  selected: readonly T[],
  value: T,
  on: boolean,
  order: readonly T[],
): T[] {
  const chosen = new Set(selected);
  if (on) chosen.add(value);
  else chosen.delete(value);
  const listed = order.filter((v) => chosen.has(v));
  const rest = selected.filter((v) => chosen.has(v) && !order.includes(v));
  return [...listed, ...rest];
}

export type ChoiceSummary = { kind: 'any' } | { kind: 'one'; label: string } | { kind: 'many'; count: number };

/** What the closed filter shows: "Tous", the one value, or "3 sélectionnés". */
export function summariseChoice(
  selected: readonly string[],
  options: readonly (readonly [string, string])[],
): ChoiceSummary {
  if (selected.length === 0) return { kind: 'any' };
  if (selected.length > 1) return { kind: 'many', count: selected.length };
  const value = selected[0]!;
  return { kind: 'one', label: options.find(([v]) => v === value)?.[1] ?? value };
}

/** The filter's options plus any selected value the store no longer has, so it can be unticked. */
export const withSelected = (options: readonly string[] | undefined, selected: readonly string[]): string[] => [
  ...new Set([...(options ?? []), ...selected]),
];
