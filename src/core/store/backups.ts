import { access, copyFile, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, fsyncDir } from './durable-write';
import { nodeFs, type FsDeps } from './fs-deps';
import { BACKUP_DIR, fileKey, parseStamp, stamp } from './paths';

export interface BackupPolicy {
  /** Minimum time between two backups of one file. */
  intervalMs: number;
  /** Backups kept per file. */
  keep: number;
}

// One backup per 5 minutes, 3 kept: corruption is found at the next open, so the newest good
// generation is normally enough; 3 generations (>= 10 min apart) cover a backup taken of a state
// that was already wrong. A backup is a hard link to the file being replaced: the old inode is
// never written again (every write is a rename of a new file), so it costs no copy and no I/O.
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { intervalMs: 5 * 60_000, keep: 3 };

const NAME_RE = /^(.*)\.(\d{8}T\d{9}Z)(?:-(\d+))?\.bak$/;

/** Rolling hard-link backups under `<dataDir>/backups/`, one set per data file. */
export class Backups {
  readonly dir: string;
  private byKey: Map<string, string[]> | null = null; // key -> names, oldest first
  private loading: Promise<void> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
    private readonly fs: FsDeps = nodeFs,
  ) {
    this.dir = path.join(dataDir, BACKUP_DIR);
  }

  /** Backups of `file`, newest first (absolute paths). */
  async list(file: string): Promise<string[]> {
    const names = (await this.index()).get(fileKey(this.dataDir, file)) ?? [];
    return names.map((n) => path.join(this.dir, n)).reverse();
  }

  /** Hard-links the current `file` into backups/ if the last backup is older than the interval. */
  async maybeBackup(file: string): Promise<void> {
    const key = fileKey(this.dataDir, file);
    const index = await this.index();
    const names = index.get(key) ?? [];
    const now = this.now();
    const last = names.at(-1);
    if (last !== undefined) {
      const lastAt = parseStamp(NAME_RE.exec(last)?.[2] ?? '');
      if (now - lastAt < this.policy.intervalMs && now >= lastAt) return;
    }
    let name = `${key}.${stamp(now)}.bak`;
    for (let i = 1; names.includes(name); i++) name = `${key}.${stamp(now)}-${i}.bak`;
    const target = path.join(this.dir, name);
    try {
      await this.linkOrCopy(file, target);
    } catch {
      return; // a backup is best effort: never block the write it precedes
    }
    names.push(name);
    index.set(key, names);
    while (names.length > this.policy.keep) {
      const old = names.shift()!;
      await unlink(path.join(this.dir, old)).catch(() => undefined);
    }
    await fsyncDir(this.dir).catch(() => undefined);
  }

  private async linkOrCopy(file: string, target: string): Promise<void> {
    try {
      await access(file);
    } catch {
      throw new Error('nothing to back up'); // first write of this file
    }
    await ensureDir(this.dir);
    try {
      await this.fs.link(file, target);
    } catch {
      await copyFile(file, target); // filesystems without hard links (FAT, some shares)
    }
  }

  private async index(): Promise<Map<string, string[]>> {
    if (this.byKey) return this.byKey;
    this.loading ??= (async () => {
      const map = new Map<string, string[]>();
      let entries: string[] = [];
      try {
        entries = await readdir(this.dir);
      } catch {
        /* no backups yet */
      }
      for (const n of entries.sort()) {
        const m = NAME_RE.exec(n);
        if (!m) continue;
        const list = map.get(m[1]!) ?? [];
        list.push(n);
        map.set(m[1]!, list);
      }
      this.byKey = map;
    })();
    await this.loading;
    return this.byKey!;
  }
}
