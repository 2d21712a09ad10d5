import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../src/cli/commands/rules';
import { run, usage } from '../../../src/cli/run';
import { parseRuleSetFile, ruleSetFileText } from '../../../src/core/calling-rules/rule-set-file';
import { callRecordId } from '../../../src/core/calls/record-id';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import { CUSTOM_RULES, FR_RULES, US_RULES, type RuleSet } from '../../../src/shared/domain/calling-rules';
import { draft, harness, tempDir } from '../leads/helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function explain(...args: string[]) {
  const a = io();
  const code = await run(['rules', 'explain', ...args], a.io);
  return { code, out: a.out.join('\n'), err: a.err.join('\n') };
}

async function explainJson(...args: string[]) {
  const r = await explain(...args, '--json');
  return { code: r.code, json: JSON.parse(r.out) as Explanation, err: r.err };
}

/** An empty data folder (defaults: FR rules, French, Europe/Paris) unless settings are given. */
function dataDir(overrides: Record<string, unknown> = {}): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, overrides }));
  return dir;
}

const MOBILE = '+33612345678';
const MONDAY_10H30 = '2026-06-08T10:30:00+02:00';
const SATURDAY_10H30 = '2026-06-06T10:30:00+02:00';

const saturdays: RuleSet = {
  ...CUSTOM_RULES,
  id: 'samedi',
  windows: { ...CUSTOM_RULES.windows, sat: [{ start: '09:00', end: '12:00' }] },
};

describe('relance rules explain', () => {
  it('exit 0 when allowed, with the callee zone and its source', async () => {
    const dir = dataDir();
    const r = await explain(
      '--number',
      '06 12 34 56 78',
      '--at',
      MONDAY_10H30,
      '--consent',
      'given',
      '--data-dir',
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Appel +33612345678 le 2026-06-08 10:30 (Europe/Paris) — AUTORISÉ');
    expect(r.out).toContain('Règles: France (FR, réglages)');
    expect(r.out).toContain("Fuseau de l'appelé: Europe/Paris, d'après le numéro; heure locale 2026-06-08 10:30");
    expect(r.out).toContain('Prochain créneau légal: maintenant');
    expect(r.out).not.toContain('Raisons');
  });

  it('exit 3 when forbidden, with every reason: rule, value seen, when it lifts, and the next legal time', async () => {
    const dir = dataDir({ locale: 'en' });
    const r = await explain('--number', MOBILE, '--at', SATURDAY_10H30, '--consent', 'given', '--data-dir', dir);
    expect(r.code).toBe(3);
    expect(r.out).toContain('— FORBIDDEN');
    expect(r.out).toContain('✗ [weekend] Weekend where the callee is (2026-06-06, Europe/Paris).');
    expect(r.out).toContain('rule: calling days: Monday, Tuesday, Wednesday, Thursday, Friday');
    expect(r.out).toContain('seen: Saturday 2026-06-06 (Europe/Paris)');
    expect(r.out).toContain('lifted: 2026-06-08 10:00 (Europe/Paris)');
    expect(r.out).toContain('Next legal time: 2026-06-08 10:00 (Europe/Paris)');

    const j = await explainJson('--number', MOBILE, '--at', '2026-06-08T13:30:00+02:00', '--data-dir', dir);
    expect(j.code).toBe(3);
    expect(j.json.reasons.map((x) => x.code)).toEqual(['no-consent', 'outside-window']);
    expect(j.json.reasons[0]).toMatchObject({ liftedByWaiting: false, liftedAt: null, seen: { number: MOBILE } });
    expect(j.json.reasons[1]).toMatchObject({
      rule: "calls on Monday: 10:00–13:00, 14:00–20:00, callee's time",
      seen: { localTime: '13:30', weekday: 'mon', zone: 'Europe/Paris' },
      liftedByWaiting: true,
      liftedAt: '2026-06-08T12:00:00.000Z',
    });
    expect(j.json.nextLegal).toEqual({ status: 'not-by-waiting', at: null, horizonDays: null });
    expect(j.json.inputs.consent).toBe('default');
  });

  it('--json: the documented shape', async () => {
    const dir = dataDir();
    const { code, json } = await explainJson(
      '--number',
      MOBILE,
      '--at',
      SATURDAY_10H30,
      '--consent',
      'contract',
      '--attempts-30d',
      '4',
      '--lang',
      'en',
      '--data-dir',
      dir,
    );
    expect(code).toBe(3);
    expect(json).toEqual({
      allowed: false,
      number: MOBILE,
      at: '2026-06-06T08:30:00.000Z',
      rules: { id: 'FR', label: 'France', from: 'settings', file: null },
      dealershipZone: 'Europe/Paris',
      callee: {
        zone: 'Europe/Paris',
        source: 'number',
        fallback: false,
        zonesChecked: ['Europe/Paris'],
        localTime: '2026-06-06T10:30:00.000+02:00',
      },
      inputs: {
        lead: null,
        consent: 'contract',
        consentRecords: 0,
        attempts30d: 4,
        attemptsFrom: 'option',
        internalDoNotCall: { from: 'none', numbers: 0 },
        nationalDoNotCall: null,
      },
      reasons: [
        {
          code: 'attempt-limit',
          text: '4 calls or attempts in 30 days (at most 4): possible again from 2026-07-06 10:26 (Europe/Paris).',
          rule: 'at most 4 calls or attempts per 30 days',
          seen: { count: 4, maxAttempts: 4, windowDays: 30, freesAt: '2026-07-06T08:26:00.000Z' },
          seenText: '4 in 30 days',
          liftedByWaiting: true,
          liftedAt: '2026-07-06T08:26:00.000Z',
        },
        {
          code: 'weekend',
          text: 'Weekend where the callee is (2026-06-06, Europe/Paris).',
          rule: 'calling days: Monday, Tuesday, Wednesday, Thursday, Friday',
          seen: { zone: 'Europe/Paris', localDate: '2026-06-06', weekday: 'sat' },
          seenText: 'Saturday 2026-06-06 (Europe/Paris)',
          liftedByWaiting: true,
          liftedAt: '2026-06-08T08:00:00.000Z',
        },
      ],
      // The attempt limit frees on Monday 6 July at 10:26, inside the morning window.
      nextLegal: { status: 'at', at: '2026-07-06T08:26:00.000Z', horizonDays: null },
      notes: [],
    });
  });

  it('--rules US and FR presets; --at without offset is read in the dealership zone', async () => {
    const dir = dataDir();
    const us = await explainJson(
      '--number',
      '+1 212 555 0100',
      '--at',
      '2026-06-05T22:30:00-04:00',
      '--rules',
      'US',
      '--data-dir',
      dir,
    );
    expect(us.code).toBe(3);
    expect(us.json.rules).toMatchObject({ id: 'US', from: 'preset' });
    expect(us.json.callee).toMatchObject({ zone: 'America/New_York', source: 'number' });
    expect(us.json.reasons.map((r) => r.code)).toEqual(['national-dnc-missing', 'outside-window']);

    const fr = await explainJson(
      '--number',
      MOBILE,
      '--at',
      '2026-06-08T10:30',
      '--rules',
      'FR',
      '--consent',
      'given',
      '--data-dir',
      dir,
    );
    expect(fr.code).toBe(0);
    expect(fr.json.at).toBe('2026-06-08T08:30:00.000Z');
    expect(fr.json.rules).toEqual({ id: 'FR', label: 'France', from: 'preset', file: null });
  });

  it('says when the dealership zone is used as a fallback', async () => {
    const dir = dataDir({ locale: 'en' });
    const r = await explain('--number', '+81312345678', '--at', MONDAY_10H30, '--consent', 'given', '--data-dir', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Callee's time zone: Europe/Paris, dealership's time zone (callee's zone unknown)");
    expect(r.out).toContain("Warning: neither the number nor the address tells the callee's zone");
    const j = await explainJson(
      '--number',
      '+81312345678',
      '--at',
      MONDAY_10H30,
      '--consent',
      'given',
      '--data-dir',
      dir,
    );
    expect(j.json.callee).toMatchObject({ source: 'dealership-fallback', fallback: true });
  });

  it('an invalid number is a reason (exit 3), not a usage error', async () => {
    const { code, json } = await explainJson(
      '--number',
      '12',
      '--at',
      MONDAY_10H30,
      '--consent',
      'given',
      '--data-dir',
      dataDir(),
    );
    expect(code).toBe(3);
    expect(json.reasons.map((r) => r.code)).toEqual(['invalid-number']);
  });

  it('--rules FILE: a rule set file; a bad file is exit 2 with every problem by path and the file name', async () => {
    const dir = dataDir();
    const file = path.join(tempDir(), 'samedi.json');
    writeFileSync(file, ruleSetFileText(saturdays));
    const ok = await explainJson(
      '--number',
      MOBILE,
      '--at',
      SATURDAY_10H30,
      '--consent',
      'given',
      '--rules',
      file,
      '--data-dir',
      dir,
    );
    expect(ok.code).toBe(0);
    expect(ok.json.rules).toEqual({ id: 'samedi', label: 'Personnalisé', from: 'file', file });

    const notJson = path.join(tempDir(), 'broken.json');
    writeFileSync(notJson, '{ "id": ');
    const a = await explain('--number', MOBILE, '--at', MONDAY_10H30, '--rules', notJson, '--data-dir', dir);
    expect(a.code).toBe(2);
    expect(a.err).toContain(`${notJson}: not a valid rule set (1 problem)`);
    expect(a.err).toMatch(new RegExp(`  ${notJson}: not JSON: `));

    const wrong = path.join(tempDir(), 'wrong.json');
    writeFileSync(
      wrong,
      JSON.stringify({
        ...saturdays,
        consent: { ...saturdays.consent, scope: 'household' },
        windows: { ...saturdays.windows, mon: [{ start: '14:00', end: '13:00' }] },
      }),
    );
    const b = await explain('--number', MOBILE, '--at', MONDAY_10H30, '--rules', wrong, '--data-dir', dir);
    expect(b.code).toBe(2);
    expect(b.err.split('\n')).toEqual([
      `relance rules explain: ${wrong}: not a valid rule set (2 problems)`,
      `  ${wrong}: windows.mon.0.end: start must be before end`,
      expect.stringMatching(new RegExp(`^  ${wrong}: consent\\.scope: `)),
    ]);

    const missing = await explain(
      '--number',
      MOBILE,
      '--at',
      MONDAY_10H30,
      '--rules',
      '/nonexistent/r.json',
      '--data-dir',
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/nonexistent/r.json: cannot read the file: ENOENT');
  });

  it('usage errors: exit 2 with a clear message', async () => {
    const dir = dataDir();
    const cases: [string[], RegExp][] = [
      [['--at', MONDAY_10H30], /--number NUMBER is required/],
      [['--number', MOBILE], /--at ISO-8601-TIME is required/],
      [['--number', MOBILE, '--at', 'lundi 10h'], /--at must be an ISO-8601 time/],
      [['--number', MOBILE, '--at', '2026-06-08'], /--at must be an ISO-8601 time/],
      [['--number', MOBILE, '--at', MONDAY_10H30, '--consent', 'maybe'], /--consent must be given, contract or none/],
      [
        ['--number', MOBILE, '--at', MONDAY_10H30, '--lead', 'x', '--consent', 'none'],
        /--lead ID or --consent, not both/,
      ],
      [['--number', MOBILE, '--at', MONDAY_10H30, '--attempts-30d=-1'], /--attempts-30d must be a whole number/],
      [['--number', MOBILE, '--at', MONDAY_10H30, '--attempts-30d', '2.5'], /--attempts-30d must be a whole number/],
      [['--number', MOBILE, '--at', MONDAY_10H30, '--lang', 'de'], /--lang must be fr or en/],
      [['--number', MOBILE, '--at', MONDAY_10H30, '--lead', 'nobody'], /no leads in /],
    ];
    for (const [args, message] of cases) {
      const r = await explain(...args, '--data-dir', dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    const noDir = await explain('--number', MOBILE, '--at', MONDAY_10H30, '--data-dir', path.join(dir, 'absent'));
    expect(noDir).toMatchObject({ code: 2, err: expect.stringMatching(/no data folder at .*absent/) });
    const a = io();
    expect(await run(['rules', 'explain', '--number', MOBILE, '--colour', 'red'], a.io)).toBe(2);
    expect(a.err[0]).toMatch(/--colour/);
    const b = io();
    expect(await run(['rules', 'frobnicate'], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/rules takes explain, export or check/);
  });

  it('--lead: consent, address, attempts from the call journal and the do-not-call list of a real data folder', async () => {
    const h = await harness();
    const withConsent = await h.service.create(
      draft({
        first: 'Élodie',
        last: 'Martin',
        tel: ['06 12 34 56 78'],
        consents: [
          {
            id: 'c1',
            number: MOBILE,
            givenAt: '2026-01-05T10:00:00.000Z',
            channel: 'web-form',
            wording: "J'accepte d'être rappelée.",
          },
        ],
      }),
    );
    const withoutConsent = await h.service.create(draft({ first: 'Paul', last: 'Roy', tel: ['06 98 76 54 32'] }));
    // A lead in Martinique whose number (+81) names no zone we know: the address decides.
    const abroad = await h.service.create(
      draft({
        first: 'Ana',
        last: 'Lopes',
        tel: [],
        contact: {
          kind: 'individual',
          firstName: 'Ana',
          phones: [],
          address: { street: '1 rue des Lilas', city: 'Fort-de-France', postalCode: '97200', country: 'MQ' },
        },
      }),
    );
    const starts = [
      '2026-05-20T08:00:00.000Z',
      '2026-05-25T08:00:00.000Z',
      '2026-06-01T08:00:00.000Z',
      '2026-06-03T08:00:00.000Z',
      '2026-06-20T08:00:00.000Z',
    ];
    const calls: CallRecord[] = starts.map((iso, n) => ({
      id: callRecordId(`c${n}`, Date.parse(iso)),
      v: 1,
      leadId: withConsent.id,
      number: MOBILE,
      direction: 'outbound',
      startedAt: iso,
      endedAt: new Date(Date.parse(iso) + 30_000).toISOString(),
      hangupSide: 'remote',
    }));
    await h.store.journal.appendMany(calls);
    await h.store.close();

    // 4 attempts in the 30 days before Monday 8 June (the one on 20 June came later).
    const limited = await explainJson(
      '--number',
      MOBILE,
      '--at',
      MONDAY_10H30,
      '--lead',
      withConsent.id,
      '--data-dir',
      h.dir,
    );
    expect(limited.code).toBe(3);
    expect(limited.json.inputs).toEqual({
      lead: withConsent.id,
      consent: 'lead',
      consentRecords: 1,
      attempts30d: 4,
      attemptsFrom: 'data-dir',
      internalDoNotCall: { from: 'none', numbers: 0 },
      nationalDoNotCall: null,
    });
    expect(limited.json.reasons).toEqual([
      expect.objectContaining({ code: 'attempt-limit', liftedAt: '2026-06-19T08:00:00.000Z' }),
    ]);
    expect(limited.json.nextLegal).toEqual({ status: 'at', at: '2026-06-19T08:00:00.000Z', horizonDays: null });

    // --attempts-30d overrides the journal's count.
    const overridden = await explainJson(
      '--number',
      MOBILE,
      '--at',
      MONDAY_10H30,
      '--lead',
      withConsent.id,
      '--attempts-30d',
      '0',
      '--data-dir',
      h.dir,
    );
    expect(overridden.code).toBe(0);
    expect(overridden.json.inputs).toMatchObject({ attempts30d: 0, attemptsFrom: 'option' });

    // Before any call was made, and a number that is not the lead's is named.
    const early = await explain(
      '--number',
      '+33698765432',
      '--at',
      '2026-05-18T10:30:00+02:00',
      '--lead',
      withConsent.id,
      '--data-dir',
      h.dir,
    );
    expect(early.code).toBe(3); // the consent covers the other number only
    expect(early.out).toContain("+33698765432 n'est pas un des numéros de ce prospect");
    expect(early.out).toContain('[no-consent]');

    const noConsent = await explainJson(
      '--number',
      '06 98 76 54 32',
      '--at',
      MONDAY_10H30,
      '--lead',
      withoutConsent.id,
      '--data-dir',
      h.dir,
    );
    expect(noConsent.json.reasons.map((r) => r.code)).toEqual(['no-consent']);

    // The address places a callee the number cannot (an international number of no known zone).
    const byAddress = await explainJson(
      '--number',
      '+81312345678',
      '--at',
      MONDAY_10H30,
      '--lead',
      abroad.id,
      '--rules',
      'US',
      '--data-dir',
      h.dir,
    );
    expect(byAddress.json.callee).toMatchObject({ zone: 'America/Martinique', source: 'address', fallback: false });

    // The internal do-not-call list, as on disk.
    writeFileSync(
      path.join(h.dir, 'do-not-call.json'),
      JSON.stringify({
        schemaVersion: 1,
        numbers: [{ number: MOBILE, addedAt: '2026-06-01T10:00:00.000Z', reason: 'refused', by: 'Julie' }],
      }),
    );
    const listed = await explainJson(
      '--number',
      MOBILE,
      '--at',
      MONDAY_10H30,
      '--lead',
      withConsent.id,
      '--attempts-30d',
      '0',
      '--data-dir',
      h.dir,
    );
    expect(listed.code).toBe(3);
    expect(listed.json.reasons.map((r) => r.code)).toEqual(['on-internal-dnc']);
    expect(listed.json.inputs.internalDoNotCall).toEqual({ from: 'data-dir', numbers: 1 });

    const unknown = await explain('--number', MOBILE, '--at', MONDAY_10H30, '--lead', 'nobody', '--data-dir', h.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`no lead with id "nobody" in ${h.dir}`);
  });

  it('settings say custom: the data folder’s calling-rules.json (missing, valid, invalid)', async () => {
    const dir = dataDir({ rules: 'custom', locale: 'en' });
    const args = ['--number', MOBILE, '--at', SATURDAY_10H30, '--consent', 'given', '--data-dir', dir];
    const missing = await explainJson(...args);
    expect(missing.code).toBe(3);
    expect(missing.json.rules).toEqual({ id: 'custom', label: 'Custom', from: 'custom-default', file: null });

    const file = path.join(dir, 'calling-rules.json');
    writeFileSync(file, ruleSetFileText(saturdays));
    const valid = await explainJson(...args);
    expect(valid.code).toBe(0);
    expect(valid.json.rules).toEqual({ id: 'samedi', label: 'Custom', from: 'custom-file', file });
    // --rules custom reads the same file whatever the settings say.
    const asked = await explainJson(
      '--number',
      MOBILE,
      '--at',
      SATURDAY_10H30,
      '--consent',
      'given',
      '--rules',
      'custom',
      '--data-dir',
      dataDir(),
    );
    expect(asked.json.rules).toMatchObject({ id: 'custom', from: 'custom-default' });

    writeFileSync(file, JSON.stringify({ ...saturdays, schemaVersion: 2 }));
    const invalid = await explain(...args);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain(`${file}: not a valid rule set (1 problem)`);
    expect(invalid.err).toContain(`${file}: schemaVersion: `);
  });
});

describe('relance rules export and check', () => {
  it('exports a preset as a file that checks and equals it', async () => {
    const out = tempDir();
    for (const [set, preset] of [
      ['FR', FR_RULES],
      ['US', US_RULES],
    ] as const) {
      const file = path.join(out, `${set}.json`);
      const a = io();
      expect(await run(['rules', 'export', set, file], a.io)).toBe(0);
      expect(a.out).toEqual([`Rule set ${set} written to ${file}`]);
      const parsed = parseRuleSetFile(readFileSync(file, 'utf8'));
      expect(parsed).toEqual({ ok: true, rules: preset });
      const b = io();
      expect(await run(['rules', 'check', file], b.io)).toBe(0);
      expect(b.out).toEqual([`${file}: valid rule set "${set}" (${preset.label.en})`]);
    }
  });

  it('exports the data folder’s custom set, or the built-in one when it has none', async () => {
    const dir = dataDir();
    const out = path.join(tempDir(), 'custom.json');
    const a = io();
    expect(await run(['rules', 'export', 'custom', out, '--data-dir', dir], a.io)).toBe(0);
    expect(a.out[0]).toContain('Rule set custom (built-in custom set) written to');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(CUSTOM_RULES);

    writeFileSync(path.join(dir, 'calling-rules.json'), ruleSetFileText(saturdays));
    const b = io();
    expect(await run(['rules', 'export', 'custom', out, '--data-dir', dir], b.io)).toBe(0);
    expect(b.out[0]).toContain(`(from ${path.join(dir, 'calling-rules.json')})`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(saturdays);

    writeFileSync(path.join(dir, 'calling-rules.json'), 'nope');
    const c = io();
    expect(await run(['rules', 'export', 'custom', out, '--data-dir', dir], c.io)).toBe(2);
    expect(c.err[0]).toContain('calling-rules.json: not a valid rule set');

    const d = io();
    expect(await run(['rules', 'export', 'DE', out], d.io)).toBe(2);
    expect(d.err[0]).toMatch(/the set must be FR, US or custom, got "DE"/);
    const e = io();
    expect(await run(['rules', 'export', 'FR'], e.io)).toBe(2);
    expect(e.err[0]).toMatch(/rules export takes a set/);
  });

  it('check lists every problem by path with the file name (exit 2), as text or JSON', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'wrong.json');
    const { holidays: _h, ...noHolidays } = FR_RULES;
    writeFileSync(
      file,
      JSON.stringify({ ...noHolidays, attemptLimits: [{ maxAttempts: 4, windowDays: 400 }], id: 'a b' }),
    );
    const a = io();
    expect(await run(['rules', 'check', file], a.io)).toBe(2);
    expect(a.err[0]!.split('\n')).toEqual([
      `${file}: not a valid rule set (3 problems)`,
      `  ${file}: id: must be 1-40 letters, digits, - or _`,
      expect.stringMatching(new RegExp(`^  ${file}: holidays: `)),
      expect.stringMatching(new RegExp(`^  ${file}: attemptLimits\\.0\\.windowDays: `)),
    ]);
    const b = io();
    expect(await run(['rules', 'check', file, '--json'], b.io)).toBe(2);
    const json = JSON.parse(b.out[0]!) as { file: string; valid: boolean; problems: string[] };
    expect(json).toMatchObject({ file, valid: false });
    expect(json.problems).toHaveLength(3);

    const notJson = path.join(dir, 'x.json');
    writeFileSync(notJson, 'id: FR');
    const c = io();
    expect(await run(['rules', 'check', notJson], c.io)).toBe(2);
    expect(c.err[0]).toMatch(new RegExp(`${notJson}: not JSON: `));
    mkdirSync(path.join(dir, 'folder.json'));
    const d = io();
    expect(await run(['rules', 'check', path.join(dir, 'folder.json')], d.io)).toBe(2);
    expect(d.err[0]).toContain('cannot read the file: EISDIR');
  });

  it('is in the usage', () => {
    expect(usage).toMatch(/rules explain --number NUMBER --at ISO-8601-TIME \[--rules FR\|US\|custom\|FILE\]/);
    expect(usage).toMatch(/rules export FR\|US\|custom FILE/);
    expect(usage).toMatch(/rules check FILE/);
  });
});
