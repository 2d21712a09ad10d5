import { isEscapedFormula, unescapeFormulaCell } from '../../../../shared/csv-cell';

export type Separator = ';' | ',' | '\t';
export const separators: readonly Separator[] = [';', ',', '\t'];

/** One record of the file, with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  separator: Separator;
  headers: string[];
  records: CsvRecord[];
  /** A quoted field still open at the end of the file (truncated file): the line it started on. */
  unterminatedAt?: number;
}

/**
 * The separator is the candidate found most often, outside quotes, in the header line: a header
 * row holds no values, so `12 990,00 €` in the data cannot fool it (papaparse's guess compares
 * field counts across rows and can pick `,` when every row has one decimal comma).
 */
export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(separators.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (i > 0) break;
    } else if (!quoted && counts.has(c as Separator)) counts.set(c as Separator, counts.get(c as Separator)! + 1);
  }
  let best: Separator = ';';
  for (const s of separators) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/**
 * RFC 4180 with Excel's habits: quotes double to escape, fields may hold newlines, lines end in
 * CRLF, LF or CR. Written by hand (not papaparse) because every record must carry the physical
 * line it starts on, so "line 57" is where the user looks in a text editor. Blank lines are skipped.
 * The apostrophe our exports put before a formula-like cell (`'=…`, `'+33…`: src/shared/csv-cell.ts)
 * comes off here, so headers, the mapping preview, drafts and the rejects file all see the value.
 */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): ParsedCsv {
  const reader = new CsvReader(text, separator);
  const records: CsvRecord[] = [];
  for (let r = reader.next(); r; r = reader.next()) records.push(r);
  return {
    separator,
    headers: reader.headers,
    records,
    ...(reader.unterminatedAt === undefined ? {} : { unterminatedAt: reader.unterminatedAt }),
  };
}

/**
 * parseCsv one record at a time (the importer converts rows while the rest of the file is still
 * unread): the header row is read by the constructor, then next() gives each record with a
 * value, and undefined at the end. `unterminatedAt` is known once the last record is read.
 */
export class CsvReader {
  readonly separator: Separator;
  readonly headers: string[];
  unterminatedAt: number | undefined;
  readonly #text: string;
  readonly #sep: number;
  #i = 0;
  #line = 1;

  constructor(text: string, separator: Separator = detectSeparator(text)) {
    this.#text = text;
    this.separator = separator;
    this.#sep = separator.charCodeAt(0);
    this.headers = uniqueHeaders(this.#row()?.cells ?? []);
  }

  /** The share of the text read so far, 0 to 1 (a progress figure, not a position). */
  get read(): number {
    return this.#text.length === 0 ? 1 : Math.min(1, this.#i / this.#text.length);
  }

  /** The next record with at least one non-blank cell. */
  next(): CsvRecord | undefined {
    for (let r = this.#row(); r; r = this.#row()) if (r.cells.some((c) => c.trim() !== '')) return r;
    return undefined;
  }

  /** The next row that is not a blank line. */
  #row(): CsvRecord | undefined {
    while (this.#i < this.#text.length) {
      const row = this.#record();
      if (!(row.cells.length === 1 && row.cells[0]!.trim() === '')) return row;
    }
    return undefined;
  }

  #record(): CsvRecord {
    const text = this.#text;
    const sep = this.#sep;
    const n = text.length;
    let i = this.#i;
    let line = this.#line;
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(i) === 34 /* " */) {
        const fieldLine = line;
        let value = '';
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) {
            value += text.slice(from);
            line += countNewlines(text, from, n);
            i = n;
            this.unterminatedAt = fieldLine;
            break;
          }
          line += countNewlines(text, from, q);
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Before \r\n becomes \n: `'\r` is an escape, `'\n` is not.
        value = unescapeFormulaCell(value);
        // Excel tolerates text after the closing quote ("a"b): keep it rather than lose it.
        let j = i;
        while (j < n && !isEnd(text.charCodeAt(j), sep)) j++;
        // Values are stored with \n line breaks whatever the file's line endings.
        cells.push((value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value) + text.slice(i, j));
        i = j;
      } else {
        let j = i;
        while (j < n && !isEnd(text.charCodeAt(j), sep)) j++;
        cells.push(text.slice(isEscapedFormula(text, i, j) ? i + 1 : i, j));
        i = j;
      }
      if (i >= n) endOfRecord = true;
      else {
        const c = text.charCodeAt(i);
        if (c === sep) i++;
        else {
          i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    this.#i = i;
    this.#line = line;
    return { line: startLine, cells };
  }
}

const isEnd = (c: number, sep: number) => c === sep || c === 10 || c === 13;

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}

/** Mappings are keyed by header: a repeated "Téléphone" becomes "Téléphone (2)". */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, index) => {
    const name = h.trim() || `Colonne ${index + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
