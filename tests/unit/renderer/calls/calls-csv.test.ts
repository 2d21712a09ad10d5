import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { callsCsvFileName, callsToCsv, collectRows } from '../../../../src/renderer/calls/calls-csv';
import { leadsToCsv } from '../../../../src/core/leads/export/csv-export';
import type { CallRow } from '../../../../src/shared/domain/dialer';
import { phone } from '../../leads/helpers';

const row: CallRow = {
  id: '01JNW7Z8E8S0000000000000AB',
  v: 1,
  leadId: 'L1',
  leadName: 'Élodie Martin',
  number: '+33612345678',
  direction: 'outbound',
  startedAt: '2026-03-10T09:00:00.000Z',
  answeredAt: '2026-03-10T09:00:08.000Z',
  endedAt: '2026-03-10T09:02:38.000Z',
  sipStatus: 200,
  hangupSide: 'local',
  disposition: 'appointment-set',
  dispositionBy: 'seller',
  notes: 'Essai samedi; "Clio" rouge',
  quality: { rttMs: 42.4, jitterMs: 3.25, lossPct: 0.5, mos: 4.31 },
  talkSeconds: 150,
};
const labels: Record<string, string> = { 'appointment-set': 'Rendez-vous pris' };

describe('calls CSV export', () => {
  it('writes French Excel CSV: BOM, semicolons, local times, decimal commas, labels', () => {
    const csv = callsToCsv([row], { locale: 'fr', dispositionLabel: (id) => labels[id], zone: 'Europe/Paris' });
    expect(csv.startsWith('\uFEFFDébut;Sonnerie;Décroché;Fin;Sens;')).toBe(true);
    const [header, line] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell('Début')).toBe('10/03/2026 10:00:00');
    expect(cell('Sens')).toBe('sortant');
    expect(cell('Issue')).toBe('Rendez-vous pris');
    expect(cell('Code issue')).toBe('appointment-set');
    expect(cell('Notes')).toBe('Essai samedi; "Clio" rouge');
    expect(cell('Gigue (ms)')).toBe('3,3');
    expect(cell('MOS')).toBe('4,31');
    expect(cell('Conversation (s)')).toBe('150');
    expect(cell('Prospect')).toBe('Élodie Martin');
    expect(cell('Id prospect')).toBe('L1');
  });

  it('writes numbers as the leads export does: French ones nationally for French Excel', () => {
    const numbers = ['+33612345678', '+33145678901', '+262692123456', '+447911123456', 'anonymous'];
    const column = (locale: 'fr' | 'en') => {
      const csv = callsToCsv(
        numbers.map((number) => ({ ...row, number })),
        { locale, dispositionLabel: () => undefined, zone: 'Europe/Paris' },
      );
      const [header, ...lines] = Papa.parse<string[]>(csv.slice(1), {
        delimiter: locale === 'fr' ? ';' : ',',
        skipEmptyLines: true,
      }).data;
      const at = header!.indexOf(locale === 'fr' ? 'Numéro' : 'Number');
      return lines.map((line) => line[at]);
    };
    expect(column('fr')).toEqual([
      '06 12 34 56 78',
      '01 45 67 89 01',
      "'+262 692 12 34 56",
      "'+44 7911 123456",
      'anonymous',
    ]);
    expect(column('en')).toEqual([
      "'+33 6 12 34 56 78",
      "'+33 1 45 67 89 01",
      "'+262 692 12 34 56",
      "'+44 7911 123456",
      'anonymous',
    ]);
    // The same cells as the leads export, whose numbers re-import.
    const lead = leadsToCsv(
      [
        {
          contact: { kind: 'individual', phones: [phone('+33145678901')] },
          vehicles: [],
          stage: 'new',
          tags: [],
          consents: [],
        },
      ],
      { separator: ';' },
    );
    expect(lead).toContain(';01 45 67 89 01;');
  });

  it('writes English CSV with commas and decimal points, the id when a label is unknown', () => {
    const csv = callsToCsv([{ ...row, disposition: 'custom-one' }], {
      locale: 'en',
      dispositionLabel: () => undefined,
      zone: 'America/New_York',
    });
    expect(csv.startsWith('\uFEFFStart,Ringing,Answered,End,Direction,')).toBe(true);
    const [header, line] = Papa.parse<string[]>(csv.slice(1)).data;
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell('Start')).toBe('2026-03-10 05:00:00');
    expect(cell('Disposition')).toBe('custom-one');
    expect(cell('Jitter (ms)')).toBe('3.3');
    expect(cell('Hung up by')).toBe('seller');
  });

  it('names the file in the UI language', () => {
    expect(callsCsvFileName('fr', new Date(2026, 2, 10, 12))).toBe('appels-2026-03-10.csv');
    expect(callsCsvFileName('en', new Date(2026, 2, 10, 12))).toBe('calls-2026-03-10.csv');
  });

  it('takes every page the filters select, not just the one on screen', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => ({ ...row, id: String(i) }));
    const asked: number[] = [];
    const rows = await collectRows(async (offset, limit) => {
      asked.push(offset);
      return { total: all.length, items: all.slice(offset, offset + limit) };
    });
    expect(rows.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(asked).toEqual([0, 1000, 2000]);
  });
});
