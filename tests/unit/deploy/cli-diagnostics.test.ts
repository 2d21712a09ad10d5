import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { run, usage } from '../../../src/cli/run';
import { tempDir } from '../store/helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('relance diagnostics export', () => {
  it('writes the zip to FILE from the data folder given', async () => {
    const dataDir = tempDir('relance-cli-diag-');
    await mkdir(path.join(dataDir, 'journal'));
    const file = path.join(tempDir('relance-cli-out-'), 'diag.zip');
    const a = io();
    expect(await run(['diagnostics', 'export', file, '--data-dir', dataDir], a.io)).toBe(0);
    expect(a.out[0]).toMatch(
      new RegExp(
        `^Diagnostics written to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\): README.txt, about.json`,
      ),
    );
    const files = unzipSync(new Uint8Array(await readFile(file)));
    expect(JSON.parse(strFromU8(files['about.json']!))).toMatchObject({ app: { shell: 'cli' } });
    expect(strFromU8(files['README.txt']!)).toMatch(/without --provision/);
    expect(usage).toMatch(/^ {2}diagnostics export FILE \[--data-dir DIR\]/m);
  });

  it('names the file itself when FILE is a folder, and reads --provision files', async () => {
    const dataDir = tempDir('relance-cli-diag-');
    const outDir = tempDir('relance-cli-out-');
    const provision = path.join(outDir, 'p.json');
    await writeFile(provision, JSON.stringify({ logLevel: 'debug', locked: ['logLevel'] }));
    const a = io();
    expect(await run(['diagnostics', 'export', outDir, '--data-dir', dataDir, '--provision', provision], a.io)).toBe(0);
    const zip = (await readdir(outDir)).find((name) => name.endsWith('.zip'))!;
    expect(zip).toMatch(/^relance-diagnostics-\d{8}-\d{6}\.zip$/);
    const settings = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await readFile(path.join(outDir, zip))))['settings.json']!),
    );
    expect(settings).toMatchObject({ values: { logLevel: 'debug' }, locked: ['logLevel'] });
  });

  it('refuses bad arguments with status 2 and a clear message, writing nothing', async () => {
    const outDir = tempDir('relance-cli-out-');
    const a = io();
    expect(await run(['diagnostics', 'export'], a.io)).toBe(2);
    expect(a.err[0]).toMatch(/diagnostics export takes exactly one FILE/);
    const b = io();
    expect(
      await run(['diagnostics', 'export', path.join(outDir, 'd.zip'), '--data-dir', '/nonexistent/relance'], b.io),
    ).toBe(2);
    expect(b.err[0]).toBe('relance diagnostics export: no data folder at /nonexistent/relance');
    const c = io();
    const dataDir = tempDir('relance-cli-diag-');
    expect(
      await run(
        ['diagnostics', 'export', path.join(outDir, 'd.zip'), '--data-dir', dataDir, '--provision', '/nope.json'],
        c.io,
      ),
    ).toBe(2);
    expect(c.err[0]).toMatch(/provisioning file not found: \/nope.json/);
    expect(existsSync(path.join(outDir, 'd.zip'))).toBe(false);
  });
});
