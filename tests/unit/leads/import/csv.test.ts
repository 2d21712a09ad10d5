import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../../../src/core/leads/import/csv/decode';
import { parseFrenchDate, parseFrenchNumber } from '../../../../src/core/leads/import/csv/french-values';
import { detectSeparator, parseCsv } from '../../../../src/core/leads/import/csv/parse-csv';
import { decodeWindows1252, encodeWindows1252 } from '../../../../src/core/leads/import/csv/windows-1252';
import { fixture } from './helpers';

describe('encoding detection', () => {
  it('reads Windows-1252 (French Excel), including € and œ that Node 20 decodes wrong on its own', async () => {
    const { text, encoding } = decodeText(await fixture('fr-1252-semicolon.csv'));
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Élodie;Lefèvre');
    expect(text).toContain('38 990,00 €');
    expect(text).toContain('Bœuf');
    expect(decodeWindows1252(new Uint8Array([0x80, 0x9c, 0xe9]))).toBe('€œé');
  });

  it('reads UTF-8 with a BOM (stripped) and without', async () => {
    const bom = decodeText(await fixture('en-utf8-bom-comma.csv'));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text.startsWith('First name')).toBe(true);
    const plain = decodeText(Buffer.from('Nom;Prénom\nÉlodie;Zoé\n'));
    expect(plain).toEqual({ encoding: 'utf-8', text: 'Nom;Prénom\nÉlodie;Zoé\n' });
  });

  it('reads Excel "Unicode text" (UTF-16LE with BOM) and refuses binary files', async () => {
    const bytes = await fixture('excel-unicode-utf16.txt');
    expect(looksBinary(bytes)).toBe(false);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-16le');
    expect(text).toContain('Martin\tLéa');
    expect(looksBinary(Buffer.from('PK\u0003\u0004\u0000\u0000xlsx'))).toBe(true);
  });

  it('encodes 1252 the way Excel writes it (round trip)', () => {
    const s = 'Œuvre € “devis” – Zoé';
    expect(decodeWindows1252(encodeWindows1252(s))).toBe(s);
  });
});

describe('separator detection', () => {
  it('picks ; in a French file where values hold decimal commas', () => {
    const text = 'Nom;Prix;Ville\nMartin;12 990,00 €;Lyon\nPetit;8 500,50 €;Paris\n';
    expect(detectSeparator(text)).toBe(';');
  });

  it('is not fooled where papaparse guesses wrong: one decimal comma per row, no other separator', () => {
    const text = 'Prix\n12,5\n13,5\n14,5\n';
    expect(Papa.parse(text).meta.delimiter).toBe(',');
    expect(detectSeparator(text)).toBe(';'); // a one-column file: the comma is data, not a separator
  });

  it('picks , and tab', async () => {
    expect(detectSeparator('First name,Last name\r\nA,B')).toBe(',');
    expect(parseCsv((await fixture('tab-separated.tsv')).toString('utf8')).separator).toBe('\t');
  });

  it('ignores separators inside quoted header cells', () => {
    expect(detectSeparator('"Nom, prénom";"Tél; fixe";Ville\n')).toBe(';');
  });
});

describe('CSV records and line numbers', () => {
  it('counts physical lines: a quoted comment over three lines pushes the next row to line 5', async () => {
    const csv = parseCsv(decodeText(await fixture('fr-1252-semicolon.csv')).text);
    expect(csv.headers[1]).toBe('Prénom');
    expect(csv.records.map((r) => r.line)).toEqual([2, 5, 7]); // line 6 is an empty row (only separators)
    expect(csv.records[0]!.cells[17]).toBe(
      'Rappeler après 18h.\nIntéressée par la reprise ; veut un devis\navec « financement »',
    );
  });

  it('handles doubled quotes, CR-only line ends, blank lines and a missing final newline', () => {
    const csv = parseCsv('a;b\r\r"x ""y"" z";2\r\n\n3;"4\r\n5"');
    expect(csv.records).toEqual([
      { line: 3, cells: ['x "y" z', '2'] },
      { line: 5, cells: ['3', '4\n5'] },
    ]);
  });

  it('reports a quoted field that never closes (truncated file) with the line it opened on', async () => {
    const csv = parseCsv((await fixture('truncated.csv')).toString('utf8'));
    expect(csv.unterminatedAt).toBe(3);
  });

  it('names repeated headers apart so a mapping can tell them apart', () => {
    expect(parseCsv('Téléphone;Téléphone;\n1;2;3').headers).toEqual(['Téléphone', 'Téléphone (2)', 'Colonne 3']);
  });
});

describe('French values', () => {
  it('reads French dates in Paris time, and ISO', () => {
    expect(parseFrenchDate('31/12/2025')).toEqual({ ok: true, value: '2025-12-30T23:00:00.000Z' });
    expect(parseFrenchDate('31/12/2025 14:30')).toEqual({ ok: true, value: '2025-12-31T13:30:00.000Z' });
    expect(parseFrenchDate('15/07/2025 09h05')).toEqual({ ok: true, value: '2025-07-15T07:05:00.000Z' });
    expect(parseFrenchDate('2025-12-31T10:00:00Z')).toEqual({ ok: true, value: '2025-12-31T10:00:00.000Z' });
    expect(parseFrenchDate('2025-12-31')).toEqual({ ok: true, value: '2025-12-30T23:00:00.000Z' });
  });

  it('says which dates do not exist or are not dates', () => {
    expect(parseFrenchDate('31/02/2025')).toEqual({
      ok: false,
      problem: { code: 'date-not-exist', value: '31/02/2025' },
    });
    expect(parseFrenchDate('2025-02-31')).toEqual({
      ok: false,
      problem: { code: 'date-not-exist', value: '2025-02-31' },
    });
    expect(parseFrenchDate('demain')).toEqual({ ok: false, problem: { code: 'date-invalid', value: 'demain' } });
    expect(parseFrenchNumber('douze')).toEqual({ ok: false, problem: { code: 'number-invalid', value: 'douze' } });
  });

  it('reads French and plain numbers with currency', () => {
    expect(parseFrenchNumber('12 990,00 €')).toEqual({ ok: true, value: { value: 12990, currency: 'EUR' } });
    expect(parseFrenchNumber('12\u202f990,50')).toEqual({ ok: true, value: { value: 12990.5 } });
    expect(parseFrenchNumber('12990')).toEqual({ ok: true, value: { value: 12990 } });
    expect(parseFrenchNumber('12.990,50 EUR')).toEqual({ ok: true, value: { value: 12990.5, currency: 'EUR' } });
    expect(parseFrenchNumber('$12,990.50')).toEqual({ ok: true, value: { value: 12990.5, currency: 'USD' } });
    expect(parseFrenchNumber('douze')).toMatchObject({ ok: false });
  });
});

describe('zone arithmetic around DST changes (Paris)', () => {
  it('agrees with luxon on the days the clocks change, both ways', async () => {
    const { DateTime } = await import('luxon');
    const { utcToZoned } = await import('../../../../src/core/leads/import/zone-time');
    for (const day of ['30/03/2025', '26/10/2025', '29/03/2026'])
      for (let h = 0; h < 24; h++) {
        const raw = `${day} ${String(h).padStart(2, '0')}:30`;
        const [d, m, y] = day.split('/').map(Number);
        const expected = DateTime.fromObject(
          { year: y, month: m, day: d, hour: h, minute: 30 },
          { zone: 'Europe/Paris' },
        );
        expect(parseFrenchDate(raw), raw).toEqual({ ok: true, value: expected.toUTC().toISO() });
      }
    for (let ms = Date.UTC(2025, 9, 25, 20); ms < Date.UTC(2025, 9, 26, 6); ms += 15 * 60_000) {
      const l = DateTime.fromMillis(ms, { zone: 'Europe/Paris' });
      expect(utcToZoned('Europe/Paris', ms)).toEqual({
        y: l.year,
        mo: l.month,
        d: l.day,
        h: l.hour,
        mi: l.minute,
        s: l.second,
      });
    }
  });
});
