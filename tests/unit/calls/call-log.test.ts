import { describe, expect, it } from 'vitest';
import { createCallLog } from '../../../src/core/calls/call-log';
import { matchesCallsQuery, toCallRow } from '../../../src/core/calls/call-row';
import { callsToCsv, callsToJson } from '../../../src/core/calls/calls-export';
import { sessionStats } from '../../../src/core/calls/session-stats';
import { callRecordId } from '../../../src/core/calls/record-id';
import { openOutcomeLog } from '../../../src/core/outcomes/outcome-log';
import { openStore } from '../../../src/core/store';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import type { CallRow } from '../../../src/shared/domain/dialer';
import { defaultDispositions } from '../../../src/shared/domain/disposition';
import Papa from 'papaparse';
import { tempDir } from '../leads/helpers';

const rec = (n: number, iso: string, extra: Partial<CallRecord> = {}): CallRecord => ({
  id: callRecordId(`c${n}`, Date.parse(iso)),
  v: 1,
  number: '+33612345678',
  direction: 'outbound',
  startedAt: iso,
  endedAt: new Date(Date.parse(iso) + 60_000).toISOString(),
  hangupSide: 'remote',
  ...extra,
});

describe('call rows and filters', () => {
  const answered = rec(1, '2026-03-10T09:00:00.000Z', {
    leadId: 'L1',
    answeredAt: '2026-03-10T09:00:10.000Z',
    sipStatus: 200,
    dialerSessionId: 'S1',
  });
  const busy = rec(2, '2026-03-10T10:00:00.000Z', { leadId: 'L2', sipStatus: 486, disposition: 'busy' });
  const inbound = rec(3, '2026-03-11T10:00:00.000Z', { direction: 'inbound', number: '+33198765432' });

  it('applies the seller’s outcome over the SIP one and computes talk time', () => {
    expect(toCallRow(answered)).toMatchObject({ talkSeconds: 50 });
    expect(toCallRow(answered)).not.toHaveProperty('dispositionBy');
    expect(toCallRow(busy)).toMatchObject({ disposition: 'busy', dispositionBy: 'sip' });
    const row = toCallRow(
      busy,
      { disposition: 'wrong-number', notes: 'Pas lui', at: '2026-03-10T10:05:00.000Z', by: 'J' },
      'Élodie Martin',
    );
    expect(row).toMatchObject({
      disposition: 'wrong-number',
      dispositionBy: 'seller',
      dispositionAt: '2026-03-10T10:05:00.000Z',
      notes: 'Pas lui',
      leadName: 'Élodie Martin',
    });
  });

  it.each([
    ['no filter', {}, [1, 2, 3]],
    ['from (inclusive)', { from: '2026-03-10T10:00:00.000Z' }, [2, 3]],
    ['to (exclusive)', { to: '2026-03-10T10:00:00.000Z' }, [1]],
    ['inbound', { direction: 'inbound' as const }, [3]],
    ['disposition busy', { dispositions: ['busy'] }, [2]],
    ['without disposition', { undisposed: true }, [1, 3]],
    ['one lead', { leadId: 'L1' }, [1]],
    ['one dialer session', { dialerSessionId: 'S1' }, [1]],
  ])('%s', (_name, filter, expected) => {
    const rows = [answered, busy, inbound].map((r) => toCallRow(r));
    const ids = rows
      .filter((r) => matchesCallsQuery(r, filter))
      .map((r) => [answered, busy, inbound].findIndex((x) => x.id === r.id) + 1);
    expect(ids).toEqual(expected);
  });

  it('lists the journal newest first, pages it, and finds one record with its outcome', async () => {
    const store = await openStore({ dataDir: tempDir() });
    const outcomes = openOutcomeLog(store);
    await store.journal.appendMany([answered, busy, inbound]);
    await outcomes.set(answered.id, { disposition: 'appointment-set', at: '2026-03-10T09:02:00.000Z', by: 'Julie' });
    const log = createCallLog({
      journal: store.journal,
      outcomes,
      leadName: (id) => (id === 'L1' ? 'Élodie Martin' : undefined),
    });
    const page = await log.list({ offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.id)).toEqual([inbound.id, busy.id]);
    const appointments = await log.list({ offset: 0, limit: 10, dispositions: ['appointment-set'] });
    expect(appointments.items).toMatchObject([{ id: answered.id, leadName: 'Élodie Martin', dispositionBy: 'seller' }]);
    expect(await log.find(busy.id)).toMatchObject({ disposition: 'busy' });
    expect(await log.find(callRecordId('nope', Date.parse('2026-03-10T09:00:00Z')))).toBeUndefined();
    await store.close();
  });
});

describe('session stats', () => {
  const appt = (id: string) =>
    defaultDispositions.find((d) => d.id === id) ? { appointment: id === 'appointment-set' } : undefined;
  it.each([
    [
      'no call yet',
      [],
      0,
      { dialed: 0, connected: 0, contactRate: 0, appointments: 0, talkSeconds: 0, callsPerHour: 0 },
    ],
    [
      'four dialed in 30 min, two answered (one appointment), inbound not counted',
      [
        {
          direction: 'outbound',
          answeredAt: '2026-03-10T09:00:00Z',
          endedAt: '2026-03-10T09:02:00Z',
          disposition: 'appointment-set',
        },
        {
          direction: 'outbound',
          answeredAt: '2026-03-10T09:05:00Z',
          endedAt: '2026-03-10T09:05:30Z',
          disposition: 'answered',
        },
        { direction: 'outbound', disposition: 'busy' },
        { direction: 'outbound' },
        { direction: 'inbound', answeredAt: '2026-03-10T09:10:00Z', endedAt: '2026-03-10T09:20:00Z' },
      ],
      30 * 60_000,
      { dialed: 4, connected: 2, contactRate: 0.5, appointments: 1, talkSeconds: 150, callsPerHour: 8 },
    ],
  ] as const)('%s', (_name, rows, activeMs, expected) => {
    expect(sessionStats(rows as unknown as CallRow[], appt, activeMs)).toEqual(expected);
  });
});

describe('calls export format', () => {
  const row: CallRow = {
    ...rec(1, '2026-03-10T09:00:00.000Z', {
      leadId: 'L1',
      answeredAt: '2026-03-10T09:00:10.000Z',
      sipStatus: 200,
      quality: { rttMs: 42.4, jitterMs: 3.25, lossPct: 0.5, mos: 4.21 },
    }),
    disposition: 'appointment-set',
    dispositionBy: 'seller',
    notes: 'RDV; samedi "10h"',
    leadName: 'Élodie Martin',
    talkSeconds: 50,
  };
  it('writes CSV for French Excel: BOM, semicolons, local dates, labels, decimal commas, quoting', () => {
    const csv = callsToCsv([row], {
      dispositionLabel: (id) => defaultDispositions.find((d) => d.id === id)?.labels.fr,
      zone: 'Europe/Paris',
    });
    expect(csv.startsWith('\uFEFFDébut;Sonnerie;Décroché;Fin;Sens;')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    const [header, line] = parsed as [string[], string[]];
    const cell = (name: string) => line[header.indexOf(name)];
    expect(cell('Début')).toBe('10/03/2026 10:00:00');
    expect(cell('Sens')).toBe('sortant');
    expect(cell('Issue')).toBe('Rendez-vous pris');
    expect(cell('Code issue')).toBe('appointment-set');
    expect(cell('Issue fixée par')).toBe('vendeur');
    expect(cell('Notes')).toBe('RDV; samedi "10h"');
    expect(cell('Conversation (s)')).toBe('50');
    expect(cell('Gigue (ms)')).toBe('3,3');
    expect(cell('MOS')).toBe('4,21');
    expect(cell('Raccroché par')).toBe('correspondant');
    expect(cell('Id appel')).toBe(row.id);
  });

  it('writes JSON as the rows themselves', () => {
    expect(JSON.parse(callsToJson([row]))).toEqual([row]);
  });
});
