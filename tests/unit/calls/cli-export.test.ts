import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBound } from '../../../src/cli/commands/calls-export';
import { run, usage } from '../../../src/cli/run';
import { callRecordId } from '../../../src/core/calls/record-id';
import { openOutcomeLog } from '../../../src/core/outcomes/outcome-log';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import type { CallRow } from '../../../src/shared/domain/dialer';
import { draft, harness, tempDir } from '../leads/helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const rec = (n: number, iso: string, extra: Partial<CallRecord> = {}): CallRecord => ({
  id: callRecordId(`c${n}`, Date.parse(iso)),
  v: 1,
  number: '+33612345678',
  direction: 'outbound',
  startedAt: iso,
  endedAt: new Date(Date.parse(iso) + 30_000).toISOString(),
  hangupSide: 'remote',
  ...extra,
});

async function dataDirWithCalls() {
  const h = await harness();
  const lead = await h.service.create(draft({ first: 'Élodie', last: 'Martin', tel: ['06 12 34 56 78'] }));
  const calls = [
    rec(1, '2026-03-09T22:30:00.000Z', { leadId: lead.id, sipStatus: 486, disposition: 'busy' }), // 23:30 in Paris, March 9
    rec(2, '2026-03-10T09:00:00.000Z', { leadId: lead.id, answeredAt: '2026-03-10T09:00:05.000Z', sipStatus: 200 }),
    rec(3, '2026-03-31T22:30:00.000Z', { direction: 'inbound' }), // April 1st in Paris
  ];
  await h.store.journal.appendMany(calls);
  await openOutcomeLog(h.store).set(calls[1]!.id, {
    disposition: 'appointment-set',
    notes: 'Essai samedi',
    at: '2026-03-10T09:02:00.000Z',
    by: 'Julie Vendeuse',
  });
  await h.store.close();
  return { dir: h.dir, calls };
}

describe('relance calls export', () => {
  it('writes the call log as CSV for Excel with names and dispositions, bounded by local days', async () => {
    const { dir, calls } = await dataDirWithCalls();
    const file = path.join(tempDir(), 'appels.csv');
    const a = io();
    expect(
      await run(['calls', 'export', file, '--from', '2026-03-10', '--to', '2026-03-31', '--data-dir', dir], a.io),
    ).toBe(0);
    expect(a.out).toEqual([`1 call written to ${file} (CSV)`]);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('10/03/2026 10:00:00;');
    expect(text).toContain(
      ';Élodie Martin;200;correspondant;Rendez-vous pris;appointment-set;vendeur;Essai samedi;25;',
    );
    expect(text).toContain(calls[1]!.id);

    const b = io();
    const json = path.join(tempDir(), 'appels.json');
    expect(await run(['calls', 'export', json, '--data-dir', dir], b.io)).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as CallRow[];
    expect(rows.map((r) => r.id)).toEqual(calls.map((c) => c.id)); // oldest first
    expect(rows[0]).toMatchObject({ disposition: 'busy', dispositionBy: 'sip', leadName: 'Élodie Martin' });
    expect(rows[2]).toMatchObject({ direction: 'inbound' });
    expect(rows[2]).not.toHaveProperty('leadName');

    const c = io();
    expect(
      await run(['calls', 'export', json, '--format', 'json', '--to', '2026-03-09', '--data-dir', dir], c.io),
    ).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as CallRow[]).map((r) => r.id)).toEqual([calls[0]!.id]);
  });

  it('refuses bad arguments with exit 2 and a specific message, and is in the usage', async () => {
    expect(usage).toContain('calls export FILE [--from DATE] [--to DATE] [--format csv|json] [--data-dir DIR]');
    const dir = tempDir();
    const cases: [string[], string][] = [
      [['x.csv', '--format', 'xlsx'], '--format must be csv or json, got "xlsx"'],
      [['x.csv', '--from', '31/03/2026'], '--from must be a day (2026-05-31) or an ISO-8601 time, got "31/03/2026"'],
      [['x.csv', '--to', '2026-02-30'], '--to must be a day'],
      [['x.csv', '--from', '2026-03-10', '--to', '2026-03-01'], '--from must be before --to'],
      [['x.csv', '--data-dir', path.join(dir, 'missing')], 'no data folder at'],
    ];
    for (const [args, message] of cases) {
      const a = io();
      expect(await run(['calls', 'export', ...args], a.io)).toBe(2);
      expect(a.err.join('\n')).toContain(message);
    }
    const b = io();
    expect(await run(['calls', 'export', '--data-dir', dir], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('calls export takes exactly one FILE');
  });

  it('reads bounds as local days (to includes the day) or ISO times', () => {
    expect(readBound('2026-03-10', 'from')).toBe('2026-03-09T23:00:00.000Z');
    expect(readBound('2026-03-10', 'to')).toBe('2026-03-10T23:00:00.000Z');
    expect(readBound('2026-07-01', 'from')).toBe('2026-06-30T22:00:00.000Z'); // summer time
    expect(readBound('2026-03-10T12:00:00Z', 'from')).toBe('2026-03-10T12:00:00.000Z');
    expect(readBound('2026-03-10T12:00', 'to')).toBe('2026-03-10T11:00:00.000Z');
    expect(readBound('yesterday', 'from')).toBeUndefined();
  });
});
