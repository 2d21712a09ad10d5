import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { classifyJsonBytes } from './classify';
import type { StoreContext } from './context';
import { writeFileDurably } from './durable-write';
import { StoreError, type StoreProblemKind } from './problems';
import { quarantineFile } from './quarantine';

export type Decoded<T> =
  | { ok: true; value: T }
  | { ok: false; kind: Extract<StoreProblemKind, 'schema-invalid' | 'newer-schema'>; detail: string };

export interface DurableFileOptions<T> {
  /** Turns parsed JSON into T (migrations, validation). */
  decode: (raw: unknown) => Decoded<T>;
  stringify?: (data: T) => string;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * lowdb adapter that survives power cuts and Windows file locks, and recovers damaged files.
 *
 * Writes are coalesced: one write in flight, at most one pending that only keeps a reference to
 * the newest data; JSON.stringify runs when a write starts, so N updates during a write cost one
 * serialisation, not N.
 */
export class DurableFile<T> implements Adapter<T> {
  readonly stats = { writes: 0, stringifies: 0 };
  /** Set when the file has a schema newer than this app: it is never written. */
  readOnly = false;
  private pending: { data: T; waiters: Waiter[] } | null = null;
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly file: string,
    private readonly ctx: StoreContext,
    private readonly options: DurableFileOptions<T>,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const first = this.inspect(bytes);
    if (first.ok) return first.value;
    const at = new Date(this.ctx.now()).toISOString();
    if (first.kind === 'newer-schema') {
      this.readOnly = true;
      this.ctx.report({
        file: this.file,
        kind: first.kind,
        detail: `${first.detail}; left untouched, opened read-only`,
        at,
      });
      return null;
    }
    const movedTo = await quarantineFile(this.ctx.dataDir, this.file, this.ctx.now());
    for (const backup of await this.ctx.backups.list(this.file)) {
      let backupBytes: Buffer;
      try {
        backupBytes = await readFile(backup);
      } catch {
        continue;
      }
      const restored = this.inspect(backupBytes);
      if (!restored.ok) continue;
      // Copy, not link: the backup stays an independent, never-written generation.
      await writeFileDurably(this.file, backupBytes, { fs: this.ctx.fs });
      this.ctx.report({
        file: this.file,
        kind: first.kind,
        detail: `${first.detail}; restored from backup`,
        movedTo,
        restoredFrom: backup,
        at,
      });
      return restored.value;
    }
    this.ctx.report({
      file: this.file,
      kind: first.kind,
      detail: `${first.detail}; no usable backup, started from defaults`,
      movedTo,
      at,
    });
    return null;
  }

  write(data: T): Promise<void> {
    if (this.readOnly) {
      return Promise.reject(new StoreError('read-only', `${this.file} has a newer schema than this app; not written`));
    }
    return new Promise<void>((resolve, reject) => {
      if (this.pending) this.pending.data = data;
      else this.pending = { data, waiters: [] };
      this.pending.waiters.push({ resolve, reject });
      if (!this.running) {
        this.running = true;
        // Start on a microtask so updates made in the same tick share the first write too.
        queueMicrotask(() => void this.loop());
      }
    });
  }

  /** Resolves when every write requested so far is on disk. */
  flush(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async loop(): Promise<void> {
    while (this.pending) {
      const batch = this.pending;
      this.pending = null;
      try {
        const text = (this.options.stringify ?? JSON.stringify)(batch.data);
        this.stats.stringifies++;
        await writeFileDurably(this.file, text, {
          fs: this.ctx.fs,
          beforeReplace: () => this.ctx.backups.maybeBackup(this.file),
        });
        this.stats.writes++;
        for (const w of batch.waiters) w.resolve();
      } catch (err) {
        for (const w of batch.waiters) w.reject(err);
      }
    }
    this.running = false;
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const r of idle) r();
  }

  private inspect(bytes: Uint8Array): { ok: true; value: T } | { ok: false; kind: StoreProblemKind; detail: string } {
    const parsed = classifyJsonBytes(bytes);
    if (!parsed.ok) return parsed;
    return this.options.decode(parsed.value);
  }
}
