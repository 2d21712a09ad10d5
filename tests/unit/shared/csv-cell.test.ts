import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFormulaEscape, isEscapedFormula, unescapeFormulaCell } from '../../../src/shared/csv-cell';

const values = [
  '=1+2',
  '+33 6 87 84 65 31',
  '-5',
  '@SUM(A1)',
  '\tx',
  '\r=x',
  '=HYPERLINK("http://x","clic")\nsecond line',
  "'=already",
  "''+two",
  "'Tis",
  "'",
  "''",
  'Élodie',
  '3 - 2 = 1',
  '',
];
/** The cell as a CSV reader gives it back (a second cell keeps an empty one from being a blank line). */
const written = (v: string) => Papa.parse<string[]>(Papa.unparse([[v, 'end']], csvFormulaEscape)).data[0]![0]!;

describe('CSV cell escape (formula injection)', () => {
  it('escapes what papaparse’s own escapeFormulae: true misses: a multi-line cell', () => {
    const note = '=1+2\nsecond line';
    expect(Papa.unparse([[note]], { escapeFormulae: true })).toBe(`"${note}"`);
    expect(Papa.unparse([[note]], csvFormulaEscape)).toBe(`"'${note}"`);
  });

  it('writes an apostrophe before formula starts only', () => {
    expect(values.map(written)).toEqual([
      "'=1+2",
      "'+33 6 87 84 65 31",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\r=x",
      `'=HYPERLINK("http://x","clic")\nsecond line`,
      "''=already",
      "'''+two",
      "'Tis",
      "'",
      "''",
      'Élodie',
      '3 - 2 = 1',
      '',
    ]);
  });

  it('undoing it gives every value back exactly', () => {
    expect(unescapeFormulaCell("'=1+2")).toBe('=1+2');
    expect(values.map((v) => unescapeFormulaCell(written(v)))).toEqual(values);
  });

  it('reads a cell inside a longer text by its bounds', () => {
    expect(isEscapedFormula("a;'=b;c", 2, 5)).toBe(true);
    expect(isEscapedFormula("a;';=c", 2, 3)).toBe(false);
    expect(isEscapedFormula("a;'';c", 2, 4)).toBe(false);
  });
});
