import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';
import { lockDataDir } from '../../../src/core/store/data-dir-lock';
import { DATA_DIR_LOCK, openStore, StoreError } from '../../../src/core/store';

const storeModule = path.resolve('src/core/store/index.ts');
const lockModule = path.resolve('src/core/store/data-dir-lock.ts');
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

  /** A process that has run and exited: its pid names nobody now. */
  async function gonePid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0']);
    await once(child, 'exit');
    return child.pid!;
  }
  /** A running process (not a Relance: only its pid matters here). */
  function livePid(): number {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)']);
    children.push(child);
    return child.pid!;
  }
  const lockOf = (pid: number) => JSON.stringify({ pid, host: hostname(), since: '2026-11-26T08:00:00.000Z' });

  it('works where the volume has no hard links: an exclusive create, refused just the same', async () => {
    const dataDir = await tempData();
    await mkdir(dataDir, { recursive: true });
    const noLinks = {
      link: async () => {
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      },
    };
    const lock = await lockDataDir(dataDir, { fs: noLinks });
    expect(JSON.parse(await readFile(path.join(dataDir, DATA_DIR_LOCK), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(existsSync(path.join(dataDir, DATA_DIR_LOCK))).toBe(false);

    const pid = livePid();
    await writeFile(path.join(dataDir, DATA_DIR_LOCK), lockOf(pid));
    await expect(lockDataDir(dataDir, { fs: noLinks })).rejects.toThrow(`process ${pid},`);
  });

  it("names the process that took the folder while a crashed holder's lock was being cleared", async () => {
    const dataDir = await tempData();
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, DATA_DIR_LOCK);
    await writeFile(file, lockOf(await gonePid()));
    const rival = livePid();
    let calls = 0;
    const racing = {
      link: async (from: string, to: string) => {
        if (++calls === 2) await writeFile(file, lockOf(rival)); // the other one is quicker
        return link(from, to);
      },
    };
    await expect(lockDataDir(dataDir, { fs: racing })).rejects.toThrow(`process ${rival},`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: rival });
  });

  it('takes over a lock untouched for 2 minutes, even if its pid now names a running program', async () => {
    const dataDir = await tempData();
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, DATA_DIR_LOCK);
    // After a power cut and a reboot, the crashed app's pid may be another program's.
    await writeFile(file, lockOf(livePid()));
    const longAgo = new Date(Date.now() - 3 * 60_000);
    await utimes(file, longAgo, longAgo);
    // Watched a moment (see the sleeping laptop below), untouched meanwhile: a crash's.
    const timing = { heartbeatMs: 5_000, staleMs: 120_000, graceMs: 50 };
    const lock = await lockDataDir(dataDir, { timing });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    // Another workstation's lock, untouched as long: taken over too.
    await writeFile(file, JSON.stringify({ pid: 4242, host: `${hostname()}-other`, since: longAgo.toISOString() }));
    await utimes(file, longAgo, longAgo);
    await (await lockDataDir(dataDir, { timing })).release();
  });

  it('keeps the folder of an app that slept longer than that: its lock, watched a moment, is touched again', async () => {
    const dataDir = await tempData();
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, DATA_DIR_LOCK);
    const code = `
      const { lockDataDir } = await import(${JSON.stringify(lockModule)});
      await lockDataDir(${JSON.stringify(dataDir)}, { timing: { heartbeatMs: 100, staleMs: 120000, graceMs: 0 } });
      console.log('open');
      setInterval(() => undefined, 1000);`;
    const app = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(app);
    await once(app.stdout!, 'data');
    // The laptop sleeps: the app stops, and the clock moves 3 minutes past its last touch.
    app.kill('SIGSTOP');
    const longAgo = new Date(Date.now() - 3 * 60_000);
    await utimes(file, longAgo, longAgo);
    const timing = { heartbeatMs: 5_000, staleMs: 120_000, graceMs: 2_000 };
    // A CLI started the instant the laptop wakes.
    const cli = lockDataDir(dataDir, { timing });
    app.kill('SIGCONT');
    await expect(cli).rejects.toThrow(`process ${app.pid},`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: app.pid });

    // An app that does not wake (hung, or its pid reused) is a crash's after all.
    app.kill('SIGSTOP');
    await utimes(file, longAgo, longAgo);
    const lock = await lockDataDir(dataDir, { timing: { ...timing, graceMs: 300 } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('keeps its lock touched while it holds the folder', async () => {
    const dataDir = await tempData();
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, DATA_DIR_LOCK);
    const lock = await lockDataDir(dataDir, { timing: { heartbeatMs: 20, staleMs: 1000, graceMs: 0 } });
    const longAgo = new Date(Date.now() - 3 * 60_000);
    await utimes(file, longAgo, longAgo);
    await expect.poll(async () => (await stat(file)).mtimeMs).toBeGreaterThan(longAgo.getTime() + 60_000);
    await lock.release();
  });
});
