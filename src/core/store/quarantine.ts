import { rename, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, fsyncDir } from './durable-write';
import { fileKey, stamp, QUARANTINE_DIR } from './paths';

async function freeName(dir: string, base: string): Promise<string> {
  for (let i = 0; ; i++) {
    const candidate = path.join(dir, i === 0 ? base : `${base}.${i}`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

/** Moves a damaged file aside (never deleted, never overwritten) and returns where it went. */
export async function quarantineFile(dataDir: string, file: string, now: number): Promise<string> {
  const dir = path.join(dataDir, QUARANTINE_DIR);
  await ensureDir(dir);
  const target = await freeName(dir, `${fileKey(dataDir, file)}.${stamp(now)}.corrupt`);
  await rename(file, target);
  await fsyncDir(dir);
  await fsyncDir(path.dirname(file));
  return target;
}

/** Saves bytes cut from a file (a torn journal tail) so nothing is lost silently. */
export async function quarantineBytes(dataDir: string, file: string, bytes: Uint8Array, now: number): Promise<string> {
  const dir = path.join(dataDir, QUARANTINE_DIR);
  await ensureDir(dir);
  const target = await freeName(dir, `${fileKey(dataDir, file)}.${stamp(now)}.torn`);
  await writeFile(target, bytes, { flush: true });
  await fsyncDir(dir);
  return target;
}
