const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', '’': "'" };

/**
 * Accent- and case-insensitive form used for every search key and query word:
 * "Élodie LEFÈVRE" -> "elodie lefevre". Ligatures are spelled out so "Œuvray" finds "oeuvray".
 */
export function fold(text: string): string {
  // Fast path: most keys are plain ASCII, where folding is lowercasing.
  // eslint-disable-next-line no-control-regex -- ASCII range check
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const lower = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return lower.replace(/[œæßøłđ’]/g, (c) => LIGATURES[c] ?? c);
}

const foldedValues = new Map<string, string>();

/**
 * fold, remembered: for values many leads share (first and last names, cities), so a 100k-lead
 * index folds each distinct one once. Bounded: unique values just pass through.
 */
export function foldShared(text: string): string {
  let out = foldedValues.get(text);
  if (out === undefined) {
    out = fold(text);
    if (foldedValues.size >= 50_000) foldedValues.clear();
    foldedValues.set(text, out);
  }
  return out;
}
