import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';
import { callPermission } from '../../../src/core/dialer/permission';
import {
  listCovering,
  openNationalLists,
  parseNationalList,
  type NationalListProblem,
} from '../../../src/core/outcomes/national-do-not-call';
import type { Lead } from '../../../src/shared/domain/lead';
import { tempDir } from '../leads/helpers';

const NY = '+12125550123';
const NY_OTHER = '+12125550199';
const MOBILE_FR = '+33612345678';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('national list files', () => {
  it('US: the registry formats, duplicates, comments; rejects name the line', () => {
    const text = [
      '# area code 212',
      '2125550123',
      '212,5550124',
      '(212) 555-0125',
      '+1 212 555 0126',
      '12125550127',
      '2125550123',
      '',
      '555-0199',
      '0125550123',
    ].join('\r\n');
    const { set, rejected } = parseNationalList('\uFEFF' + text, 'US');
    expect(set.size).toBe(5);
    for (const n of ['+12125550123', '+12125550124', '+12125550125', '+12125550126', '+12125550127'])
      expect(set.has(n), n).toBe(true);
    expect(set.has('+12125550128')).toBe(false);
    expect(set.has('not a number')).toBe(false);
    expect(rejected.map((r) => [r.line, r.text])).toEqual([
      [9, '555-0199'],
      [10, '0125550123'],
    ]);
    expect(rejected[0]!.reason).toMatch(/10-digit US number/);
  });

  it('FR (Bloctel): national, international and 00 forms; a number of another country is refused', () => {
    const { set, rejected } = parseNationalList(
      '06 12 34 56 78\n+33 1 23 45 67 89\n0033 7 81 23 45 67\n+1 212 555 0123\n',
      'FR',
    );
    expect([...set.sorted].map((n) => `+${n}`)).toEqual(['+33123456789', '+33612345678', '+33781234567']);
    expect(rejected).toMatchObject([{ line: 4, reason: expect.stringMatching(/not a French number/) }]);
  });

  it('each list covers its calling codes', () => {
    expect(listCovering(NY)).toBe('US');
    expect(listCovering('+17875550123')).toBe('US'); // Puerto Rico: the NANP
    expect(listCovering(MOBILE_FR)).toBe('FR');
    expect(listCovering('+262692123456')).toBe('FR'); // La Réunion
    expect(listCovering('+4915112345678')).toBeUndefined();
  });
});

describe('national list copies in the data folder', () => {
  it('a copy written is found again by a new process, and a running one picks up a newer copy', async () => {
    const dir = tempDir();
    const app = await openNationalLists(dir);
    expect(app.forNumber(NY)).toBeUndefined();
    const cli = await openNationalLists(dir);
    await cli.replace('US', parseNationalList('2125550123\n', 'US').set, {
      asOf: '2026-11-02',
      source: 'ny.txt',
      at: new Date('2026-11-03T08:00:00Z'),
    });
    const reopened = await openNationalLists(dir);
    expect(reopened.forNumber(NY)).toMatchObject({ asOf: new Date('2026-11-02T00:00:00Z') });
    expect(reopened.forNumber(NY)!.numbers.has(NY)).toBe(true);
    expect(reopened.forNumber(MOBILE_FR)).toBeUndefined();
    expect(reopened.info()).toEqual([
      { list: 'US', asOf: '2026-11-02', count: 1, importedAt: '2026-11-03T08:00:00.000Z', source: 'ny.txt' },
    ]);
    await app.reloadIfChanged();
    expect(app.forNumber(NY)!.numbers.has(NY)).toBe(true);
  });

  it('a copy whose files disagree is kept aside, reported and never used', async () => {
    const dir = tempDir();
    const lists = await openNationalLists(dir);
    await lists.replace('US', parseNationalList('2125550123\n2125550124\n', 'US').set, {
      asOf: '2026-11-02',
      source: 'ny.txt',
      at: new Date(),
    });
    const manifest = path.join(dir, 'do-not-call', 'national-US.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"count": 2', '"count": 3'));
    const audit: NationalListProblem[] = [];
    await openNationalLists(dir, { readOnly: true, report: (p) => audit.push(p) });
    expect(audit).toMatchObject([{ detail: expect.stringMatching(/holds 2 numbers, its manifest says 3/) }]);
    expect(existsSync(manifest)).toBe(true); // an audit moves nothing
    const problems: NationalListProblem[] = [];
    const reopened = await openNationalLists(dir, { report: (p) => problems.push(p) });
    expect(reopened.forNumber(NY)).toBeUndefined();
    expect(problems[0]!.movedTo).toMatch(/quarantine/);
    expect(existsSync(manifest)).toBe(false);
    expect(readdirSync(path.join(dir, 'quarantine')).length).toBe(1);
  });
});

describe('the dialer asks the national copy', () => {
  const lead = { id: 'L1', consents: [], contact: { phones: [] } } as unknown as Lead;
  const TUESDAY_NOON_NY = new Date('2026-11-03T17:00:00Z');

  it('US preset: no copy, nobody; with one, only the numbers on it are refused', async () => {
    const dir = tempDir();
    const lists = await openNationalLists(dir);
    const decide = callPermission({
      settings: () => ({ rules: 'US', dealershipZone: 'America/New_York', locale: 'en' }),
      attempts: () => [],
      doNotCall: () => new Set(),
      nationalList: (n) => lists.forNumber(n),
    });
    expect(decide(lead, NY, TUESDAY_NOON_NY)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'national-dnc-missing' }],
    });
    await lists.replace('US', parseNationalList('2125550123\n', 'US').set, {
      asOf: '2026-11-02',
      source: 'ny.txt',
      at: TUESDAY_NOON_NY,
    });
    expect(decide(lead, NY, TUESDAY_NOON_NY)).toMatchObject({ allowed: false, reasons: [{ code: 'on-national-dnc' }] });
    expect(decide(lead, NY_OTHER, TUESDAY_NOON_NY)).toEqual({ allowed: true });
    // 31 days on, the copy is too old: nobody again until a fresh one.
    const later = new Date(TUESDAY_NOON_NY.getTime() + 32 * 86_400_000);
    expect(decide(lead, NY_OTHER, later)).toMatchObject({ allowed: false, reasons: [{ code: 'national-dnc-stale' }] });
  });
});

describe('relance dnc', () => {
  it('import: a bad line writes nothing (exit 1) unless --keep-valid; status lists the copy', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ny.txt');
    writeFileSync(file, '2125550123\n2125550124\nhello\n');
    const a = io();
    expect(await run(['dnc', 'import', file, '--list', 'US', '--as-of', '2026-11-02', '--data-dir', dir], a.io)).toBe(
      1,
    );
    expect(a.err.join('\n')).toMatch(/line 3: "hello": not a 10-digit US number/);
    expect(existsSync(path.join(dir, 'do-not-call'))).toBe(false);
    const b = io();
    const args = ['dnc', 'import', file, '--list', 'us', '--as-of', '2026-11-02', '--keep-valid', '--data-dir', dir];
    expect(await run(args, b.io)).toBe(0);
    expect(b.out.join('\n')).toMatch(
      /^2 numbers of the US national do-not-call list \(as of 2026-11-02\) saved\.\n1 line/,
    );
    const c = io();
    expect(await run(['dnc', 'status', '--json', '--data-dir', dir], c.io)).toBe(0);
    expect(JSON.parse(c.out.join('\n'))).toMatchObject([
      { list: 'US', count: 2, asOf: '2026-11-02', source: 'ny.txt' },
    ]);
  });

  it('import: refuses an unknown list, a bad or future day, an empty file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.txt');
    writeFileSync(file, '# nothing\n');
    const cases: [string[], RegExp][] = [
      [['--list', 'DE', '--as-of', '2026-11-02'], /--list must be US or FR/],
      [['--list', 'US', '--as-of', '02/11/2026'], /--as-of must be the day/],
      [['--list', 'US', '--as-of', '2999-01-01'], /is in the future/],
      [['--list', 'US', '--as-of', '2026-11-02'], /holds no number/],
    ];
    for (const [opts, message] of cases) {
      const a = io();
      expect(await run(['dnc', 'import', file, ...opts, '--data-dir', dir], a.io)).toBe(2);
      expect(a.err.join('\n')).toMatch(message);
    }
  });

  it('rules explain reads the copy from the data folder', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, overrides: { rules: 'US' } }));
    const file = path.join(dir, 'ny.txt');
    writeFileSync(file, '2125550123\n');
    expect(
      await run(['dnc', 'import', file, '--list', 'US', '--as-of', '2026-11-02', '--data-dir', dir], io().io),
    ).toBe(0);
    const explain = async (number: string) => {
      const a = io();
      const code = await run(
        ['rules', 'explain', '--number', number, '--at', '2026-11-03T12:00:00-05:00', '--data-dir', dir, '--json'],
        a.io,
      );
      return { code, json: JSON.parse(a.out.join('\n')) as { reasons: { code: string }[]; inputs: object } };
    };
    const listed = await explain(NY);
    expect(listed.code).toBe(3);
    expect(listed.json.reasons.map((r) => r.code)).toEqual(['on-national-dnc']);
    expect(listed.json.inputs).toMatchObject({ nationalDoNotCall: { list: 'US', asOf: '2026-11-02', numbers: 1 } });
    expect((await explain(NY_OTHER)).code).toBe(0);
  });
});
