import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeRuleSet,
  openCustomRules,
  readCustomRules,
  readRuleSetFile,
  type CustomRules,
  type CustomRulesSource,
} from '../../../src/core/calling-rules/custom-rules';
import { ruleSetFileText } from '../../../src/core/calling-rules/rule-set-file';
import { callPermission } from '../../../src/core/dialer/permission';
import type { Logger } from '../../../src/core/log';
import { CUSTOM_RULES, FR_RULES, US_RULES, type RuleSet } from '../../../src/shared/domain/calling-rules';
import type { Lead } from '../../../src/shared/domain/lead';
import { consent, MOBILE } from './helpers';

const dirs: string[] = [];
const sources: CustomRulesSource[] = [];
afterEach(() => {
  for (const s of sources.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'relance-custom-rules-'));
  dirs.push(dir);
  return dir;
}

/** The custom set open on Saturdays too: tells it apart from CUSTOM_RULES (a copy of FR). */
const saturdays: RuleSet = {
  ...CUSTOM_RULES,
  id: 'samedi',
  windows: { ...CUSTOM_RULES.windows, sat: [{ start: '09:00', end: '12:00' }] },
};
const SATURDAY_10H = new Date('2026-06-06T08:00:00Z'); // 10:00 in Paris
const MONDAY_11H = new Date('2026-06-08T09:00:00Z');

function memoryLog() {
  const lines: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    lines.push({ level, message, ...(meta ? { meta } : {}) });
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { lines, log };
}

const lead = { id: 'L1', consents: [consent(MOBILE)], contact: { phones: [] } } as unknown as Lead;

describe('calling-rules.json in the data folder', () => {
  it('missing: the built-in custom set', async () => {
    const dir = dataDir();
    expect(await readCustomRules(dir)).toEqual({
      status: 'missing',
      file: path.join(dir, 'calling-rules.json'),
      rules: CUSTOM_RULES,
    });
  });

  it('valid: the set in the file (a BOM and a $schema pointer are fine)', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'calling-rules.json'), `\uFEFF${ruleSetFileText(saturdays, 'schema.json')}`);
    const read = await readCustomRules(dir);
    expect(read).toMatchObject({ status: 'valid', rules: { ...saturdays, $schema: 'schema.json' } });
  });

  it('not JSON, a wrong field, or unreadable: invalid, with every problem', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'calling-rules.json');
    writeFileSync(file, '{ "schemaVersion": 1,');
    const notJson = await readCustomRules(dir);
    expect(notJson.status).toBe('invalid');
    expect(notJson.status === 'invalid' && notJson.errors[0]).toMatch(/^not JSON: /);

    writeFileSync(
      file,
      JSON.stringify({ ...saturdays, attemptLimits: [{ maxAttempts: 0, windowDays: 30 }], colour: 'red' }),
    );
    const wrong = await readCustomRules(dir);
    expect(wrong.status === 'invalid' && wrong.errors).toEqual([
      'attemptLimits.0.maxAttempts: Too small: expected number to be >=1',
      '(root): Unrecognized key: "colour"',
    ]);

    rmSync(file);
    mkdirSync(file); // a folder where the file should be: cannot be read
    const unreadable = await readCustomRules(dir);
    expect(unreadable.status === 'invalid' && unreadable.errors[0]).toMatch(/^cannot read the file: EISDIR/);
    expect((await readRuleSetFile(path.join(dir, 'nope.json'))) as object).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^cannot read the file: ENOENT/)],
    });
  });

  it('activeRuleSet: presets ignore the custom file; an invalid custom file gives no set', () => {
    const invalid: CustomRules = { status: 'invalid', file: 'f', errors: ['x'] };
    expect(activeRuleSet('FR', invalid)).toBe(FR_RULES);
    expect(activeRuleSet('US', invalid)).toBe(US_RULES);
    expect(activeRuleSet('custom', invalid)).toBeUndefined();
    expect(activeRuleSet('custom', undefined)).toBe(CUSTOM_RULES);
    expect(activeRuleSet('custom', { status: 'valid', file: 'f', rules: saturdays })).toBe(saturdays);
  });

  it('logs an error when the file is invalid, and reads it again on reload', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'calling-rules.json');
    writeFileSync(file, '[]');
    const { lines, log } = memoryLog();
    const source = await openCustomRules({ dataDir: dir, log });
    sources.push(source);
    expect(source.current().status).toBe('invalid');
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'calling rules file invalid: the dialer will call no one until it is fixed',
        meta: { file, problems: [expect.stringMatching(/^\(root\): /)] },
      },
    ]);
    writeFileSync(file, ruleSetFileText(saturdays));
    expect((await source.reload()).status).toBe('valid');
    expect(source.current()).toMatchObject({ status: 'valid', rules: saturdays });
    expect(lines.at(-1)).toMatchObject({ level: 'info', meta: { status: 'valid', id: 'samedi' } });
  });

  it('watches the folder: a file written later is picked up without a restart', async () => {
    const dir = dataDir();
    const changed: string[] = [];
    let resolveValid!: () => void;
    const valid = new Promise<void>((resolve) => (resolveValid = resolve));
    const source = await openCustomRules({
      dataDir: dir,
      watch: true,
      onChange: (rules) => {
        changed.push(rules.status);
        if (rules.status === 'valid') resolveValid();
      },
    });
    sources.push(source);
    expect(source.current().status).toBe('missing');
    writeFileSync(path.join(dir, 'other.json'), '{}');
    writeFileSync(path.join(dir, 'calling-rules.json'), ruleSetFileText(saturdays));
    await valid;
    expect(source.current()).toMatchObject({ status: 'valid', rules: saturdays });
    expect(changed.at(-1)).toBe('valid');
  });
});

describe('callPermission with the custom set', () => {
  const permission = (rules: 'FR' | 'custom', custom: () => ReturnType<CustomRulesSource['current']> | undefined) =>
    callPermission({
      settings: () => ({ rules, dealershipZone: 'Europe/Paris', locale: 'fr' }),
      attempts: () => [],
      doNotCall: () => new Set(),
      customRules: custom,
    });

  it('missing file: the built-in custom set (closed on Saturdays)', async () => {
    const source = await openCustomRules({ dataDir: dataDir() });
    const decide = permission('custom', () => source.current());
    expect(decide(lead, MOBILE, SATURDAY_10H)).toMatchObject({ allowed: false, reasons: [{ code: 'weekend' }] });
    expect(decide(lead, MOBILE, MONDAY_11H)).toEqual({ allowed: true });
  });

  it('valid file: its rules decide', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'calling-rules.json'), ruleSetFileText(saturdays));
    const source = await openCustomRules({ dataDir: dir });
    expect(permission('custom', () => source.current())(lead, MOBILE, SATURDAY_10H)).toEqual({ allowed: true });
    // A bare rule set is taken as a valid custom set.
    expect(permission('custom', () => saturdays as never)(lead, MOBILE, SATURDAY_10H)).toEqual({ allowed: true });
  });

  it('invalid file: every call is refused with the file and its first problem, in the seller’s words', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'calling-rules.json');
    writeFileSync(file, JSON.stringify({ ...saturdays, nextLegalHorizonDays: 0 }));
    const source = await openCustomRules({ dataDir: dir });
    const decision = permission('custom', () => source.current())(lead, MOBILE, MONDAY_11H);
    expect(decision).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'rules-file-invalid',
          rule: {
            code: 'rules-file-invalid',
            file,
            problem: expect.stringMatching(/^nextLegalHorizonDays: /),
          },
          text: expect.stringMatching(
            new RegExp(
              `^Le fichier de règles d'appel ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} est invalide \\(nextLegalHorizonDays: .*\\) : aucun appel`,
            ),
          ),
        },
      ],
    });
    // The presets do not read the file.
    expect(permission('FR', () => source.current())(lead, MOBILE, MONDAY_11H)).toEqual({ allowed: true });
  });
});
