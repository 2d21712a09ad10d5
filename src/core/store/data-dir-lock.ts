import { randomBytes } from 'node:crypto';
import { link, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { StoreError } from './problems';

// Every part of the store keeps its files in memory and rewrites them whole: two processes on
// one data folder (the app and a CLI import, two web hosts) silently undo each other's writes,
// and the journal's recovery may cut the other's appends. So one process at a time.
//
// A holder is alive while its pid runs (asked of the OS) and it touches the file every 5 s. A
// lock untouched for 2 min is a crash's, even if its pid now names another program (after a
// power cut and a reboot, or Windows reusing pids): the app then starts by itself, without
// anybody deleting files. But a laptop that slept longer than that leaves a live app's lock
// untouched too: so an old lock is watched for a little longer than one heartbeat first. An app
// woken meanwhile touches it again (its timers run on a clock that stopped during the sleep, so
// within one heartbeat, not at once) and keeps its folder. Hand-written rather than proper-lockfile, whose lock is an empty
// folder judged by its mtime alone: a refusal could not name the process to close, and an app
// restarted right after a crash would wait out the stale time, where a gone pid frees it at once.

/** `<dataDir>/relance.lock`: which process has the folder open. */
export const DATA_DIR_LOCK = 'relance.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  nonce?: string;
}

/** The one fs call tests replace (a volume without hard links). */
export interface LinkFs {
  link(existing: string, created: string): Promise<void>;
}

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * How often a holder touches its lock, how long untouched makes it look like a crash's, and how
 * long such a lock is then watched for a touch (more than one heartbeat) before it is taken over.
 */
export interface LockTiming {
  heartbeatMs: number;
  staleMs: number;
  graceMs: number;
}

const TIMING: LockTiming = { heartbeatMs: 5_000, staleMs: 120_000, graceMs: 6_000 };

/**
 * Takes the data folder for this process, or throws StoreError 'in-use' naming the process that
 * has it. A lock left by a process that no longer runs (a crash) is taken over.
 */
export async function lockDataDir(
  dataDir: string,
  options: { fs?: LinkFs; timing?: LockTiming } = {},
): Promise<DataDirLock> {
  const fs = options.fs ?? { link };
  const timing = options.timing ?? TIMING;
  const file = path.join(dataDir, DATA_DIR_LOCK);
  const nonce = randomBytes(8).toString('hex');
  // The real clock, not the store's (tests set that one): this is about real processes.
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce };
  const text = JSON.stringify(mine);
  // Written aside, then linked into place: the lock file appears whole or not at all, and link
  // fails if it exists (no check-then-create window).
  const temp = `${file}.${process.pid}.${nonce}.tmp`;
  await writeFile(temp, text);
  try {
    for (let attempt = 0; ; attempt++) {
      if (await create(fs, temp, file, text)) break;
      const owner = await readOwner(file);
      // A second time: another process took the folder as this one cleared a crashed holder's lock.
      if (attempt > 0 || (owner && (await holds(owner, file, timing)))) throw inUse(dataDir, file, owner);
      await unlink(file).catch(ignoreMissing); // left by a process that is gone: taken over
    }
  } finally {
    await unlink(temp).catch(ignoreMissing);
  }
  const heartbeat = setInterval(() => {
    const at = new Date();
    utimes(file, at, at).catch(() => undefined); // gone or unwritable: the next open says so
  }, timing.heartbeatMs);
  heartbeat.unref();
  return {
    // Only our own lock (the nonce tells it from a later one of this same process).
    async release() {
      clearInterval(heartbeat);
      if ((await readFile(file, 'utf8').catch(() => undefined)) === text) await unlink(file).catch(ignoreMissing);
    },
  };
}

/** Puts the lock file in place; false if there is one already. */
async function create(fs: LinkFs, temp: string, file: string, text: string): Promise<boolean> {
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  // No hard links on this volume (FAT, some network shares): an exclusive create instead.
  try {
    await writeFile(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.since === 'string')
      return owner as LockOwner;
  } catch {
    // Unreadable or gone: nobody can be told to close it; taken over.
  }
  return undefined;
}

const touchedAt = (file: string) =>
  stat(file).then(
    (s) => s.mtimeMs,
    () => 0,
  );

/**
 * Whether the owner may still be running: (on this host) its pid runs, and it touched the lock
 * lately or does so while an old lock is watched (it was asleep).
 */
async function holds(owner: LockOwner, file: string, timing: LockTiming): Promise<boolean> {
  if (owner.host === hostname()) {
    // This process: a store dropped without close (a crash, as tests simulate one), or a former
    // holder of this pid. Either way no other process is writing.
    if (owner.pid === process.pid || !pidRuns(owner.pid)) return false;
  }
  // Another workstation's process cannot be asked: its touches alone tell.
  const touched = await touchedAt(file);
  if (Date.now() - touched <= timing.staleMs) return true;
  await new Promise((resolve) => setTimeout(resolve, timing.graceMs));
  return (await touchedAt(file)) !== touched;
}

function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}

function inUse(dataDir: string, file: string, owner: LockOwner | undefined): StoreError {
  const where = !owner
    ? ''
    : owner.host === hostname()
      ? ` (process ${owner.pid}, since ${owner.since})`
      : ` (process ${owner.pid} on ${owner.host}, since ${owner.since})`;
  return new StoreError(
    'in-use',
    `the data folder ${dataDir} is open in another Relance${where}: close it and try again. ` +
      `If none is running, it crashed: its lock (${file}) is taken over 2 minutes after that.`,
  );
}

const ignoreMissing = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ENOENT') throw error;
};
