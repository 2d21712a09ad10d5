import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DialerSettingsSchema,
  IceSettingsSchema,
  defaultSettings,
  type Settings,
} from '../../../src/shared/domain/settings';
import {
  buildPatch,
  formFields,
  formText,
  isEmptyPatch,
  wholeNumberRanges,
} from '../../../src/renderer/settings/form-model';

const values: Settings = {
  ...defaultSettings,
  sip: { ...defaultSettings.sip, server: 'wss://sip.example:8089/ws', uri: 'sip:alice@example' },
  ice: { servers: [{ urls: 'stun:stun.example' }], gatheringTimeoutMs: 300 },
};

describe('buildPatch', () => {
  it('sends nothing when nothing was touched or the text is unchanged', () => {
    expect(buildPatch(values, {}, []).patch).toEqual({});
    const untouched = Object.fromEntries(formFields.map((field) => [field, formText(values, field)]));
    const { patch, problems } = buildPatch(values, untouched, []);
    expect(isEmptyPatch(patch)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('sends only changed fields, nested like the settings', () => {
    const { patch } = buildPatch(
      values,
      {
        'sip.server': ' wss://other.example/ws ',
        'sip.uri': 'sip:alice@example',
        'sip.dtmfMethod': 'info',
        'ice.gatheringTimeoutMs': '1500',
        rules: 'US',
        defaultRegion: 'be',
      },
      [],
    );
    expect(patch).toEqual({
      sip: { server: 'wss://other.example/ws', dtmfMethod: 'info' },
      ice: { gatheringTimeoutMs: 1500 },
      rules: 'US',
      defaultRegion: 'BE',
    });
  });

  it('never sends locked fields', () => {
    const { patch } = buildPatch(values, { 'sip.server': 'wss://x.example', 'sip.displayName': 'Alice' }, [
      'sip.server',
    ]);
    expect(patch).toEqual({ sip: { displayName: 'Alice' } });
  });

  it('sends an emptied field as empty (clearing is a change)', () => {
    expect(buildPatch(values, { 'sip.server': '' }, []).patch).toEqual({ sip: { server: '' } });
  });

  it('converts the ICE textarea and reports its problems by line', () => {
    expect(buildPatch(values, { 'ice.servers': 'stun:a.example\nstun:b.example' }, []).patch).toEqual({
      ice: { servers: [{ urls: 'stun:a.example' }, { urls: 'stun:b.example' }] },
    });
    expect(buildPatch(values, { 'ice.servers': 'stun:a.example\nfoo' }, []).problems).toEqual([
      { field: 'ice.servers', problem: 'bad-url', line: 2 },
    ]);
  });

  it('checks the gathering timeout and the region locally', () => {
    const check = (edits: Parameters<typeof buildPatch>[1]) => buildPatch(values, edits, []).problems;
    const ms = { unit: 'ms', min: 50, max: 10_000 };
    expect(check({ 'ice.gatheringTimeoutMs': '1.5' })).toEqual([
      { field: 'ice.gatheringTimeoutMs', problem: 'not-a-whole-number', limits: ms },
    ]);
    expect(check({ 'ice.gatheringTimeoutMs': '' })).toEqual([
      { field: 'ice.gatheringTimeoutMs', problem: 'not-a-whole-number', limits: ms },
    ]);
    expect(check({ 'ice.gatheringTimeoutMs': '20' })).toEqual([
      { field: 'ice.gatheringTimeoutMs', problem: 'out-of-range', limits: ms },
    ]);
    expect(check({ 'ice.gatheringTimeoutMs': '10001' })).toEqual([
      { field: 'ice.gatheringTimeoutMs', problem: 'out-of-range', limits: ms },
    ]);
    expect(check({ defaultRegion: 'FRA' })).toEqual([{ field: 'defaultRegion', problem: 'bad-region' }]);
  });

  it('gives each seconds field its own unit and the schema range', () => {
    const check = (edits: Parameters<typeof buildPatch>[1]) => buildPatch(values, edits, []).problems;
    expect(check({ 'dialer.ringTimeoutSeconds': '200' })).toEqual([
      { field: 'dialer.ringTimeoutSeconds', problem: 'out-of-range', limits: { unit: 's', min: 5, max: 120 } },
    ]);
    expect(check({ 'dialer.previewSeconds': '2,5' })).toEqual([
      { field: 'dialer.previewSeconds', problem: 'not-a-whole-number', limits: { unit: 's', min: 0, max: 300 } },
    ]);
    expect(check({ 'dialer.wrapUpSeconds': '601' })).toEqual([
      { field: 'dialer.wrapUpSeconds', problem: 'out-of-range', limits: { unit: 's', min: 0, max: 600 } },
    ]);
    // Each range is the schema's, so the form refuses exactly what core would.
    for (const [field, { min, max }] of Object.entries(wholeNumberRanges)) {
      const [section, leaf] = field.split('.') as ['ice' | 'dialer', string];
      const schema = (section === 'ice' ? IceSettingsSchema : DialerSettingsSchema).shape as Record<string, z.ZodType>;
      expect(schema[leaf]!.safeParse(min).success && schema[leaf]!.safeParse(max).success, field).toBe(true);
      expect(schema[leaf]!.safeParse(min - 1).success || schema[leaf]!.safeParse(max + 1).success, field).toBe(false);
    }
  });

  it('refuses a two-letter code that is no country it can read numbers for', () => {
    expect(buildPatch(values, { defaultRegion: 'xx' }, []).problems).toEqual([
      { field: 'defaultRegion', problem: 'unknown-region' },
    ]);
    expect(buildPatch(values, { defaultRegion: 'ch' }, []).patch).toEqual({ defaultRegion: 'CH' });
  });

  it('formats each field as the form shows it', () => {
    expect(formText(values, 'ice.gatheringTimeoutMs')).toBe('300');
    expect(formText(values, 'ice.servers')).toBe('stun:stun.example');
    expect(formText(values, 'sip.dtmfMethod')).toBe('rfc4733');
  });
});
