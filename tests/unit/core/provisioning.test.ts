import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProvisioning } from '../../../src/core/settings/load-provisioning';
import { mergeProvisioning, parseProvisioning } from '../../../src/core/settings/provisioning';
import { minimalProvisioning } from '../../fixtures/provisioning';

describe('parseProvisioning', () => {
  it('accepts the minimalProvisioning documented shape', () => {
    const result = parseProvisioning(JSON.stringify(minimalProvisioning), 'p.json');
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({
      locale: 'en',
      'sip.server': 'ws://127.0.0.1:8088',
      'sip.uri': 'sip:alice@127.0.0.1',
      'sip.authorizationUsername': 'alice',
      'sip.displayName': 'Alice',
      'ice.servers': [],
      'ice.gatheringTimeoutMs': 300,
      rules: 'FR',
    });
    expect(result.sipPassword).toBe('alicepw');
    expect(result.values).not.toHaveProperty('sip.password');
  });

  it('names each invalid field and keeps every valid one', () => {
    const doc = {
      ...minimalProvisioning,
      locale: 'de',
      sip: { ...minimalProvisioning.sip, server: 'http://pbx' },
      ice: { gatheringTimeoutMs: -1 },
    };
    const result = parseProvisioning(JSON.stringify(doc), 'p.json');
    expect(result.issues.map((i) => i.field).sort()).toEqual(['ice.gatheringTimeoutMs', 'locale', 'sip.server']);
    expect(result.issues.find((i) => i.field === 'sip.server')?.message).toMatch(/ws:\/\/ or wss:\/\//);
    expect(result.values['sip.uri']).toBe('sip:alice@127.0.0.1');
    expect(result.values).not.toHaveProperty('locale');
    expect(result.sipPassword).toBe('alicepw');
  });

  it('refuses a region that is two letters but not a country libphonenumber reads numbers for', () => {
    const result = parseProvisioning(JSON.stringify({ defaultRegion: 'XX' }), 'p.json');
    expect(result.issues).toEqual([
      { source: 'p.json', field: 'defaultRegion', message: 'not a country code Relance can read phone numbers for' },
    ]);
    expect(result.values).not.toHaveProperty('defaultRegion');
    // A malformed code gets its own single message.
    expect(parseProvisioning(JSON.stringify({ defaultRegion: 'fr' }), 'p.json').issues.map((i) => i.message)).toEqual([
      'must be a two-letter country code',
    ]);
    expect(parseProvisioning(JSON.stringify({ defaultRegion: 'BE' }), 'p.json').values.defaultRegion).toBe('BE');
  });

  it('reports unknown fields and bad JSON without throwing', () => {
    expect(parseProvisioning('{"colour":"red","sip":{"port":5}}', 'a.json').issues.map((i) => i.field)).toEqual([
      'colour',
      'sip.port',
    ]);
    expect(parseProvisioning('{not json', 'b.json').issues[0]).toMatchObject({ source: 'b.json', field: '(file)' });
    expect(parseProvisioning('[1]', 'c.json').issues[0]?.message).toMatch(/JSON object/);
  });

  it('expands a locked section to its fields and rejects unknown locks', () => {
    const result = parseProvisioning(
      JSON.stringify({ ...minimalProvisioning, locked: ['sip', 'rules', 'nope'] }),
      'p.json',
    );
    expect([...result.locked]).toEqual(expect.arrayContaining(['sip.server', 'sip.uri', 'sip.password', 'rules']));
    expect(result.locked.has('locale')).toBe(false);
    expect(result.issues).toEqual([{ source: 'p.json', field: 'locked', message: 'unknown field "nope" (ignored)' }]);
  });

  it('lets a later source override an earlier one, field by field', () => {
    const resources = parseProvisioning(JSON.stringify({ locale: 'en', rules: 'US', locked: ['rules'] }), 'res');
    const machine = parseProvisioning(JSON.stringify({ rules: 'FR' }), 'machine');
    const merged = mergeProvisioning([resources, machine]);
    expect(merged.values).toEqual({ locale: 'en', rules: 'FR' });
    expect(merged.locked.has('rules')).toBe(true);
    expect(merged.sources).toEqual(['res', 'machine']);
  });
});

describe('loadProvisioning', () => {
  it('skips missing files, reads a BOM-prefixed file and reports unreadable ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-prov-'));
    const file = join(dir, 'provisioning.json');
    await writeFile(file, `\uFEFF${JSON.stringify({ locale: 'en' })}`);
    const result = await loadProvisioning([join(dir, 'missing.json'), file, dir]);
    expect(result.values).toEqual({ locale: 'en' });
    expect(result.sources).toEqual([file, dir]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ source: dir, field: '(file)' });
  });
});
