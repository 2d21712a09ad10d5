import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { callsToCsv as cliCallsToCsv } from '../../../src/core/calls/calls-export';
import { callsToCsv } from '../../../src/shared/calls-csv';
import type { CallRow } from '../../../src/shared/domain/dialer';

const row: CallRow = {
  id: '01JNW7Z8E8S0000000000000AB',
  v: 1,
  leadId: '@L1',
  leadName: '=HYPERLINK("http://x","clic")',
  number: '+447911123456', // abroad: international, so it starts with + in both flavours
  direction: 'outbound',
  startedAt: '2026-03-10T09:00:00.000Z',
  endedAt: '2026-03-10T09:02:38.000Z',
  hangupSide: 'local',
  disposition: 'custom',
  notes: '-5 € de remise\n=1+2',
  talkSeconds: 150,
};

function cells(csv: string, delimiter: string): Record<string, string> {
  const [header, line] = Papa.parse<string[]>(csv.slice(1), { delimiter, skipEmptyLines: true }).data;
  return Object.fromEntries(header!.map((h, i) => [h, line![i]!]));
}

describe('calls CSV against spreadsheet formula injection', () => {
  it('puts an apostrophe before the number, lead name, notes and labels a spreadsheet would run', () => {
    const fr = cells(callsToCsv([row], { locale: 'fr', dispositionLabel: () => '@label', zone: 'Europe/Paris' }), ';');
    expect(fr).toMatchObject({
      Numéro: "'+44 7911 123456",
      Prospect: `'=HYPERLINK("http://x","clic")`,
      'Id prospect': "'@L1",
      Notes: "'-5 € de remise\n=1+2",
      Issue: "'@label",
      // Ordinary cells are untouched.
      'Code issue': 'custom',
      Sens: 'sortant',
      Début: '10/03/2026 10:00:00',
      'Conversation (s)': '150',
      'Id appel': row.id,
    });
  });

  it('the same in English and from the CLI export', () => {
    const en = cells(
      callsToCsv([{ ...row, leadName: 'Élodie Martin' }], {
        locale: 'en',
        dispositionLabel: () => undefined,
        zone: 'Europe/Paris',
      }),
      ',',
    );
    expect(en).toMatchObject({ Number: "'+44 7911 123456", Lead: 'Élodie Martin', Disposition: 'custom' });
    const cli = cells(cliCallsToCsv([row], { dispositionLabel: () => 'Rappel', zone: 'Europe/Paris' }), ';');
    expect(cli).toMatchObject({
      Numéro: "'+44 7911 123456",
      Prospect: `'=HYPERLINK("http://x","clic")`,
      Issue: 'Rappel',
    });
  });
});
