import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface RotatingFileOptions {
  /** `<dir>/<name>.log`; older files are `<name>.1.log` (newest) to `<name>.<keep>.log`. */
  file: string;
  /** A file is rotated before it would grow past this. */
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  keep: number;
  /** A failed write is reported here once per failure streak, never thrown: logging must not break the app. */
  onError?: (error: unknown) => void;
}

/** `main.log` -> `main.3.log`. */
export const rotatedName = (file: string, index: number): string => {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${index}${ext}`;
};

/**
 * An append-only log file with size-based rotation. Lines are queued and written in
 * batches (one write in flight), so a burst of SIP traffic costs a few appends, and the
 * caller never waits on the disk.
 */
export class RotatingFile {
  #pending: string[] = [];
  #size: number | null = null;
  #running: Promise<void> | null = null;
  #failing = false;
  #closed = false;

  constructor(private readonly options: RotatingFileOptions) {}

  get file(): string {
    return this.options.file;
  }

  /** Queues one line (no trailing newline). */
  append(line: string): void {
    if (this.#closed) return;
    this.#pending.push(line);
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
    });
  }

  /** Resolves when every line queued so far is written (or has failed). */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  async #drain(): Promise<void> {
    // Let the lines of the current tick join the batch.
    await Promise.resolve();
    while (this.#pending.length > 0) {
      const batch = `${this.#pending.join('\n')}\n`;
      this.#pending = [];
      try {
        await this.#write(batch);
        this.#failing = false;
      } catch (error) {
        // Unknown size after a failure: read it again next time.
        this.#size = null;
        if (!this.#failing) this.options.onError?.(error);
        this.#failing = true;
      }
    }
  }

  async #write(batch: string): Promise<void> {
    const bytes = Buffer.byteLength(batch);
    if (this.#size === null) {
      await mkdir(path.dirname(this.options.file), { recursive: true });
      this.#size = await stat(this.options.file).then(
        (s) => s.size,
        () => 0,
      );
    }
    if (this.#size > 0 && this.#size + bytes > this.options.maxBytes) {
      await this.#rotate();
      this.#size = 0;
    }
    await appendFile(this.options.file, batch);
    this.#size += bytes;
  }

  async #rotate(): Promise<void> {
    const { file, keep } = this.options;
    await rm(rotatedName(file, keep), { force: true });
    for (let index = keep - 1; index >= 1; index--) {
      await rename(rotatedName(file, index), rotatedName(file, index + 1)).catch(ignoreMissing);
    }
    if (keep >= 1) await rename(file, rotatedName(file, 1));
    else await rm(file, { force: true });
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
