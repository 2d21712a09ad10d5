import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';
import { openTestCore } from '../support/test-core';

async function dataDirWithSettings(): Promise<string> {
  const { core, dataDir } = await openTestCore('relance-dbcheck-');
  await core.settings.update({ locale: 'en' });
  await core.close();
  return dataDir;
}

async function check(dataDir: string, json = false) {
  const out: string[] = [];
  const code = await run(['db', 'check', '--data-dir', dataDir, ...(json ? ['--json'] : [])], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  return { code, text: out.join('\n') };
}

describe('relance db check', () => {
  it('passes a sound data folder', async () => {
    const dataDir = await dataDirWithSettings();
    const { code, text } = await check(dataDir);
    expect(code).toBe(0);
    expect(text).toMatch(/All files are sound/);
  });

  it('refuses a data folder that does not exist instead of calling it sound', async () => {
    const { code, text } = await check('/nonexistent/relance-data');
    expect(code).toBe(2);
    expect(text).toMatch(/no data folder at \/nonexistent\/relance-data/);
  });

  it('exits 1 naming the damaged file, and changes nothing on disk', async () => {
    const dataDir = await dataDirWithSettings();
    await writeFile(join(dataDir, 'settings.json'), '{"schemaVersion":1,"overri');
    const before = await readdir(dataDir, { recursive: true });
    const { code, text } = await check(dataDir);
    expect(code).toBe(1);
    expect(text).toMatch(/DAMAGED\s+settings\.json/);
    expect(await readdir(dataDir, { recursive: true })).toEqual(before);
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe('{"schemaVersion":1,"overri');
    const json = await check(dataDir, true);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.text)).toMatchObject({ ok: false });
  });
});
