// Spreadsheet formula injection (OWASP "CSV injection"): lead data comes from outside, and a cell
// starting with = + - @, a tab or a carriage return may run as a formula when Excel or LibreOffice
// opens the file. A leading apostrophe makes such a cell text; the lead importer takes it off again.

/**
 * papaparse's `escapeFormulae` option prefixes the apostrophe (and quotes the cell) for every cell
 * this matches, header cells included. Not its own `escapeFormulae: true`: that pattern
 * (`/^[=+\-@\t\r].*$/` in 5.7) fails on a multi-line cell, since `.` stops at the line break, so
 * a note "=HYPERLINK(…)\n…" would go out as it is. Apostrophes already in front of such a
 * character count as part of the cell (`'=x` -> `''=x`), so taking one off on import is exact.
 */
export const formulaCell = /^'*[=+\-@\t\r]/;

/** The option to spread into every `Papa.unparse` call that writes a file a person will open. */
export const csvFormulaEscape = { escapeFormulae: formulaCell } as const;

/** `= + - @ \t \r`: the first characters that make a spreadsheet read a cell as a formula. */
function isFormulaStart(charCode: number): boolean {
  return (
    charCode === 61 /* = */ ||
    charCode === 43 /* + */ ||
    charCode === 45 /* - */ ||
    charCode === 64 /* @ */ ||
    charCode === 9 /* \t */ ||
    charCode === 13 /* \r */
  );
}

/**
 * Whether the cell `text[start, end)` carries the export's apostrophe: apostrophes then a formula
 * character. Character codes only (the importer reads 100k rows): one comparison for most cells.
 */
export function isEscapedFormula(text: string, start = 0, end = text.length): boolean {
  if (text.charCodeAt(start) !== 39 /* ' */) return false;
  let k = start + 1;
  while (k < end && text.charCodeAt(k) === 39) k++;
  return k < end && isFormulaStart(text.charCodeAt(k));
}

/** Undoes the export's escape: `'=1+2` -> `=1+2`, `''=x` -> `'=x`; `'Tis` and the rest stay as they are. */
export function unescapeFormulaCell(cell: string): string {
  return isEscapedFormula(cell) ? cell.slice(1) : cell;
}
