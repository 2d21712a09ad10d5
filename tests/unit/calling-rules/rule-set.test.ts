import { describe, expect, it } from 'vitest';
import { checkCall, parseRuleSetFile, ruleSetJsonSchema } from '../../../src/core/calling-rules';
import {
  CallReasonSchema,
  CUSTOM_RULES,
  FR_RULES,
  RuleSetSchema,
  US_RULES,
  ruleSetPresets,
} from '../../../src/shared/domain/calling-rules';
import { ctx } from './helpers';

describe('rule sets are data', () => {
  it.each(Object.entries(ruleSetPresets))('preset %s is a valid rule set and survives JSON', (_id, rules) => {
    expect(RuleSetSchema.parse(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });

  it('the French preset says what the brief says', () => {
    expect(FR_RULES.windows.mon).toEqual([
      { start: '10:00', end: '13:00' },
      { start: '14:00', end: '20:00' },
    ]);
    expect([FR_RULES.windows.sat, FR_RULES.windows.sun]).toEqual([[], []]);
    expect(FR_RULES.attemptLimits).toEqual([{ maxAttempts: 4, windowDays: 30 }]);
    expect(FR_RULES.consent).toEqual({ required: true, scope: 'number', exceptOngoingContract: true });
    expect(FR_RULES.refusal).toEqual({ blocks: true, forDays: null });
    expect(FR_RULES.holidays?.country).toBe('FR');
    expect(US_RULES.windows.sun).toEqual([{ start: '08:00', end: '21:00' }]);
    expect(US_RULES.doNotCall.national).toBe('required');
  });

  it('a custom set is edited as data: Saturday mornings open', () => {
    const rules = { ...CUSTOM_RULES, windows: { ...CUSTOM_RULES.windows, sat: [{ start: '09:00', end: '12:00' }] } };
    expect(checkCall(rules, ctx('2026-06-13T08:00:00Z')).allowed).toBe(true); // Saturday 10:00 Paris
    expect(checkCall(CUSTOM_RULES, ctx('2026-06-13T08:00:00Z')).allowed).toBe(false);
  });

  it.each([
    [
      { windows: { ...FR_RULES.windows, mon: [{ start: '13:00', end: '10:00' }] } },
      'windows.mon.0.end: start must be before end',
    ],
    [
      {
        windows: {
          ...FR_RULES.windows,
          tue: [
            { start: '10:00', end: '13:00' },
            { start: '12:00', end: '14:00' },
          ],
        },
      },
      'windows.tue.1.start: windows must be in order and must not overlap',
    ],
    [
      { windows: { ...FR_RULES.windows, wed: [{ start: '9:00', end: '12:00' }] } },
      'windows.wed.0.start: must be a time HH:MM',
    ],
    [{ attemptLimits: [{ maxAttempts: 0, windowDays: 30 }] }, 'attemptLimits.0.maxAttempts'],
    [
      { holidays: { ...FR_RULES.holidays!, extraDates: [{ date: '2026-13-01', name: 'x' }] } },
      'holidays.extraDates.0.date: must be a date YYYY-MM-DD',
    ],
    [{ colour: 'red' }, 'colour'],
  ])('a bad file is refused field by field (%#)', (patch, message) => {
    const res = parseRuleSetFile(JSON.stringify({ ...FR_RULES, ...patch }));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.errors.join('\n')).toContain(message);
  });

  it('a file that is not JSON says so', () => {
    const res = parseRuleSetFile('{ "id": ');
    expect(!res.ok && res.errors[0]).toMatch(/^not JSON/);
  });

  it('the engine refuses an invalid rule set with the field named', () => {
    const bad = { ...FR_RULES, nextLegalHorizonDays: 0 };
    expect(() => checkCall(bad, ctx('2026-06-10T09:00:00Z'))).toThrow(/invalid rule set 'FR': nextLegalHorizonDays/);
  });

  it('has a JSON Schema for managers and IT', () => {
    const schema = JSON.parse(ruleSetJsonSchema());
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['windows', 'holidays', 'attemptLimits', 'consent']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('every reason the engine gives matches the reason schema (for the contract and the journal)', () => {
    const v = checkCall(
      FR_RULES,
      ctx('2026-05-14T19:00:00Z', {
        consents: [],
        internalDnc: ['+33612345678'],
        national: { numbers: ['+33612345678'], asOf: '2026-01-01T00:00:00Z' },
        refusals: ['2026-01-01T00:00:00Z'],
        attempts: ['2026-05-01T09:00:00Z', '2026-05-04T09:00:00Z', '2026-05-05T09:00:00Z', '2026-05-06T09:00:00Z'],
      }),
    );
    expect(v.allowed).toBe(false);
    for (const r of v.allowed ? [] : v.reasons) expect(CallReasonSchema.parse(r)).toEqual(r);
    expect(v.allowed ? [] : v.reasons.map((r) => r.code)).toEqual([
      'no-consent',
      'refused',
      'on-internal-dnc',
      'on-national-dnc',
      'national-dnc-stale',
      'attempt-limit',
      'holiday',
      'outside-window',
    ]);
  });
});
