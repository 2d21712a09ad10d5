import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { nodeFs, type FsDeps } from './fs-deps';

export interface DurableWriteOptions {
  fs?: FsDeps;
  /** Called after the temp file is synced and before it replaces the target (used for hard-link backups). */
  beforeReplace?: () => Promise<void>;
  /** Rename retry delays in ms (Windows AV/OneDrive hold files briefly). */
  retryDelaysMs?: readonly number[];
}

// ~1.3 s in total: long enough for an AV scan to release the file, short enough to surface a real failure.
const DEFAULT_RETRY_DELAYS = [10, 20, 40, 80, 160, 320, 640] as const;
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

let tempCounter = 0;

/**
 * Atomically replaces `file` with `data` so that after a crash or power cut the file holds
 * either the old or the new content: temp file in the same dir, fsync, rename, fsync dir.
 */
export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (options.beforeReplace) await options.beforeReplace();
    await renameWithRetry(fs, tmp, file, options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

export async function renameWithRetry(
  fs: FsDeps,
  from: string,
  to: string,
  delays: readonly number[] = DEFAULT_RETRY_DELAYS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      const delay = delays[attempt];
      if (!RETRYABLE.has(code) || delay === undefined) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Makes a rename/create in `dir` durable. Windows cannot open directories; NTFS journals metadata anyway. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** mkdir -p that also makes the new entry durable in its parent. */
export async function ensureDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true });
  if (created === undefined) return;
  // Sync every parent whose entry list changed: parent(created) … parent(dir).
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    await fsyncDir(d);
    if (d === path.dirname(created) || d === path.dirname(d)) break;
  }
}

const TEMP_RE = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * Deletes temp files left in `dir` by a writer that died before its rename. They never hold
 * acknowledged data (the rename is the commit). Temps of a live process are left alone.
 */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMP_RE.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
