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

/** What splits a folded name into parts: spaces, apostrophes (’ is folded to '), hyphens. */
const NAME_SEPARATOR = /[\s'\-\u2010\u2011]/;
const NAME_SEPARATORS = /[\s'\-\u2010\u2011]+/g;

/**
 * A name as the search key holds it: folded, then, only when it has parts, once more with the
 * parts joined: "Le Goff" -> "le goff legoff", "N'Diaye" -> "n'diaye ndiaye". Sellers type
 * "legoff", "ndiaye", "jeanpierre"; the joined form is in the key (built once per write), so
 * a query never has to try its words with separators put back.
 */
export function foldName(text: string): string {
  const folded = fold(text);
  const name = folded.trim();
  if (!NAME_SEPARATOR.test(name)) return folded;
  const joined = name.replace(NAME_SEPARATORS, '');
  return joined === '' ? folded : `${folded} ${joined}`;
}

/**
 * A function remembered per argument: for values many leads share (first and last names,
 * cities), so a 100k-lead index works each distinct one out once. Bounded: unique values just
 * pass through.
 */
function remembered(fn: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = fn(text);
      if (seen.size >= 50_000) seen.clear();
      seen.set(text, out);
    }
    return out;
  };
}

/** fold, remembered (see remembered). */
export const foldShared = remembered(fold);

/** foldName, remembered (see remembered). */
export const foldNameShared = remembered(foldName);
