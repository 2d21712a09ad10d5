import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';
import { DATA_DIR_LOCK, openStore, StoreError } from '../../../src/core/store';

const storeModule = path.resolve('src/core/store/index.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Another process with the data folder open, as the app would have it: prints "open" once it is. */
async function holder(dataDir: string): Promise<ChildProcess> {
  const code = `
    const { openStore } = await import(${JSON.stringify(storeModule)});
    const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} });
    console.log('open');
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('open');
  return child;
}

const tempData = async () => path.join(await mkdtemp(path.join(tmpdir(), 'relance-lock-')), 'data');

describe('one process per data folder', () => {
  it('refuses a folder another running process has open, naming it, and takes it once that one is gone', async () => {
    const dataDir = await tempData();
    const other = await holder(dataDir);
    const refused = openStore({ dataDir });
    await expect(refused).rejects.toBeInstanceOf(StoreError);
    await expect(refused).rejects.toMatchObject({
      code: 'in-use',
      message: expect.stringContaining(`process ${other.pid}`),
    });
    await expect(refused).rejects.toThrow(path.join(dataDir, DATA_DIR_LOCK));

    other.kill('SIGKILL'); // a crash: no close, the lock stays behind
    await once(other, 'exit');
    expect(existsSync(path.join(dataDir, DATA_DIR_LOCK))).toBe(true);
    const store = await openStore({ dataDir });
    expect(JSON.parse(await readFile(path.join(dataDir, DATA_DIR_LOCK), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
    expect(existsSync(path.join(dataDir, DATA_DIR_LOCK))).toBe(false);
    expect((await readdir(dataDir)).filter((f) => f.startsWith(DATA_DIR_LOCK))).toEqual([]); // no temp left
  });

  it('refuses the CLI beside a running app: nothing imported, the reason said, a non-zero status', async () => {
    const dataDir = await tempData();
    const other = await holder(dataDir);
    const csv = path.join(path.dirname(dataDir), 'leads.csv');
    await writeFile(csv, 'Prénom;Nom;Portable\nAnna;Roux;06 12 34 56 78\n');
    const err: string[] = [];
    const code = await run(['leads', 'import', csv, '--data-dir', dataDir], {
      out: () => undefined,
      err: (l) => err.push(l),
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`open in another Relance \\(process ${other.pid}`));
    expect(existsSync(path.join(dataDir, 'leads'))).toBe(false);
  });

  it('refuses a lock from another workstation (a shared folder): its process cannot be asked', async () => {
    const dataDir = await tempData();
    await openStore({ dataDir }).then((s) => s.close());
    const other = { pid: 4242, host: `${hostname()}-other`, since: '2026-11-26T08:00:00.000Z' };
    await writeFile(path.join(dataDir, DATA_DIR_LOCK), JSON.stringify(other));
    await expect(openStore({ dataDir })).rejects.toThrow(`process 4242 on ${other.host}, since ${other.since}`);
  });

  it('takes over a damaged lock file (nobody can be named to close it)', async () => {
    const dataDir = await tempData();
    await openStore({ dataDir }).then((s) => s.close());
    await writeFile(path.join(dataDir, DATA_DIR_LOCK), '{"pid": 12');
    const store = await openStore({ dataDir });
    expect(JSON.parse(await readFile(path.join(dataDir, DATA_DIR_LOCK), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });
});
