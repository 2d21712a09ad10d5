// Phone numbers as the spreadsheet exports (leads and calls) write them, one rule for both files.
import { parsePhone } from './phone';

const FRENCH = /^\+33([1-9])(\d\d)(\d\d)(\d\d)(\d\d)$/;

/**
 * A number's cell for the CSV flavour: French Excel (`;`) gets metropolitan French numbers as the
 * French write them, `06 12 34 56 78` (no formula apostrophe, and they re-import with the French
 * default region); the rest, and every number in the `,` flavour, is international.
 */
export function csvPhone(e164: string, separator: ';' | ','): string {
  return separator === ';' ? frenchOrInternational(e164) : internationalPhone(e164);
}

/** `06 12 34 56 78` for a metropolitan French number (overseas ones have their own codes). */
function frenchOrInternational(e164: string): string {
  const m = FRENCH.exec(e164);
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}` : internationalPhone(e164);
}

/**
 * `+33 6 12 34 56 78`: readable, and unambiguous whatever the importer's default region. A value
 * that is not a phone number (a call from "anonymous", an extension) stays as it is.
 */
function internationalPhone(e164: string): string {
  // French numbers (most of them) without libphonenumber's ~45 µs: the same "+33 6 12 34 56 78".
  const m = FRENCH.exec(e164);
  if (m) return `+33 ${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}`;
  const p = parsePhone(e164);
  return p.ok ? p.international : e164;
}
