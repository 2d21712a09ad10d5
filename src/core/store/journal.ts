import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CallRecordSchema, type CallRecord } from '../../shared/domain/call-record';
import { ensureDir, fsyncDir, removeStaleTemps, writeFileDurably } from './durable-write';
import { idMonth, idTime } from './ids';
import { CHECKPOINT_VERSION, readCheckpoint, type Checkpoint } from './journal-checkpoint';
import { lineId, parseLine, splitLines } from './journal-lines';
import { verifyJournalDir, type JournalReport } from './journal-verify';
import { JOURNAL_DIR } from './paths';
import { StoreError, type ProblemSink, type StoreProblem } from './problems';
import type { Projection } from './projection';
import { quarantineBytes, quarantineFile } from './quarantine';

export interface JournalOptions {
  dataDir: string;
  now?: () => number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projection has its own snapshot type
  projections?: readonly Projection<any>[];
  report?: ProblemSink;
  /** Write a checkpoint after this many new records (and always at close). */
  checkpointEvery?: number;
}

export interface AppendResult {
  id: string;
  /** True when a record with this id was already saved: nothing was written. */
  duplicate: boolean;
}

export interface ScanRange {
  /** Inclusive lower bound on the record's id time. */
  from?: Date | number | string;
  /** Exclusive upper bound on the record's id time. */
  to?: Date | number | string;
}

interface Segment {
  month: string;
  name: string;
  file: string;
  onDisk: boolean;
  bytes: number;
  lines: number;
  count: number;
  badLines: { line: number; detail: string }[];
  ids: Set<string> | null;
  loading: Promise<Set<string>> | null;
  fh: FileHandle | null;
}

interface Pending {
  seg: Segment;
  record: CallRecord;
  line: string;
  resolve: (r: AppendResult) => void;
  reject: (err: unknown) => void;
}

export const SEGMENT_RE = /^calls-(\d{4}-\d{2})\.jsonl$/;
const segmentName = (month: string) => `calls-${month}.jsonl`;
const DEFAULT_CHECKPOINT_EVERY = 5000;
/**
 * Segments are opened O_DSYNC where the platform has it: a write returns once its data is on
 * disk, so an append is one trip to the thread pool and back instead of two (write, then
 * fdatasync), and the event loop between them (busy during a dialer session) is not waited on.
 */
const SYNC_ON_WRITE = typeof constants.O_DSYNC === 'number' && process.platform !== 'win32';
const APPEND_DSYNC = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_DSYNC ?? 0);

/**
 * Append-only call journal: one JSONL segment per UTC month of the record id, every append
 * on disk before it resolves (an O_DSYNC write, or write + fdatasync), concurrent appends sharing
 * one write (group commit).
 */
export class Journal {
  readonly dir: string;
  private readonly dataDir: string;
  private readonly now: () => number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projection has its own snapshot type
  private readonly projections: readonly Projection<any>[];
  private readonly report: ProblemSink;
  private readonly checkpointEvery: number;
  private readonly segments = new Map<string, Segment>();
  private queue: Pending[] = [];
  private inflight = new Map<string, Promise<AppendResult>>();
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private total = 0;
  private sinceCheckpoint = 0;
  private checkpointing: Promise<void> | null = null;
  private closed = false;
  /** Group-commit counters: `commits` write+fdatasync rounds for `records` records. */
  readonly stats = { commits: 0, records: 0 };

  private constructor(options: JournalOptions) {
    this.dir = path.join(options.dataDir, JOURNAL_DIR);
    this.now = options.now ?? Date.now;
    this.projections = options.projections ?? [];
    this.report = options.report ?? (() => undefined);
    this.checkpointEvery = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
    this.dataDir = options.dataDir;
  }

  static async open(options: JournalOptions): Promise<Journal> {
    const j = new Journal(options);
    await j.load();
    return j;
  }

  /** Unique records saved. */
  get count(): number {
    return this.total;
  }

  get checkpointFile(): string {
    return path.join(this.dir, 'checkpoint.json');
  }

  /** Validates, then resolves once the record is on disk (fdatasync) or was already there. */
  append(record: CallRecord): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreError('closed', 'journal is closed'));
    try {
      return this.appendValid(validate(record));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Validates every record first: if one is invalid, nothing is written. */
  appendMany(records: readonly CallRecord[]): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new StoreError('closed', 'journal is closed'));
    let valid: CallRecord[];
    try {
      valid = records.map(validate);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.all(valid.map((r) => this.appendValid(r)));
  }

  private appendValid(parsed: CallRecord): Promise<AppendResult> {
    const earlier = this.inflight.get(parsed.id);
    if (earlier) return earlier.then(() => ({ id: parsed.id, duplicate: true }));
    const seg = this.segmentFor(idMonth(parsed.id)!);
    const enqueue = (ids: Set<string>): Promise<AppendResult> => {
      if (ids.has(parsed.id)) return Promise.resolve({ id: parsed.id, duplicate: true });
      const again = this.inflight.get(parsed.id);
      if (again) return again.then(() => ({ id: parsed.id, duplicate: true }));
      const p = new Promise<AppendResult>((resolve, reject) => {
        this.queue.push({ seg, record: parsed, line: JSON.stringify(parsed) + '\n', resolve, reject });
      });
      this.inflight.set(parsed.id, p);
      this.kick();
      return p;
    };
    // Fast path stays synchronous so a burst of appends in one tick lands in one write.
    return seg.ids ? enqueue(seg.ids) : this.idsOf(seg).then(enqueue);
  }

  /** True when a record with this id is saved. */
  async has(id: string): Promise<boolean> {
    const month = idMonth(id);
    const seg = month === null ? undefined : this.segments.get(month);
    if (!seg || (!seg.onDisk && seg.bytes === 0)) return false;
    return (await this.idsOf(seg)).has(id);
  }

  /** Records in the range, month by month, in write order within a month; duplicates and bad lines skipped. */
  async *scan(range: ScanRange = {}): AsyncGenerator<CallRecord> {
    const from = range.from === undefined ? -Infinity : toMs(range.from);
    const to = range.to === undefined ? Infinity : toMs(range.to);
    const months = [...this.segments.values()].sort((a, b) => a.month.localeCompare(b.month));
    for (const seg of months) {
      const start = Date.parse(`${seg.month}-01T00:00:00Z`);
      const end = new Date(start).setUTCMonth(new Date(start).getUTCMonth() + 1);
      if (end <= from || start >= to || seg.bytes === 0) continue;
      const buf = await readRange(seg.file, 0, seg.bytes); // acknowledged bytes only
      const seen = new Set<string>();
      for (const line of splitLines(buf, 0, 1)) {
        const p = parseLine(line.bytes);
        if (!p.ok || seen.has(p.id)) continue;
        seen.add(p.id);
        const t = idTime(p.id);
        if (t >= from && t < to) yield p.record as CallRecord;
      }
    }
  }

  /** Read-only check of every segment (each line parsed and validated). */
  async verify(): Promise<JournalReport> {
    await this.idle();
    const limits = new Map([...this.segments.values()].map((s) => [s.name, s.bytes]));
    return verifyJournalDir(this.dir, { limits });
  }

  /** Waits for queued appends, writes a checkpoint, releases files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idle();
    await this.checkpointing;
    if (this.sinceCheckpoint > 0) await this.writeCheckpoint();
    for (const seg of this.segments.values()) {
      await seg.fh?.close();
      seg.fh = null;
    }
  }

  /** Resolves when every append queued so far is settled. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // ---- writer ----------------------------------------------------------------------------

  private kick(): void {
    if (this.running) return;
    this.running = true;
    // Start on a microtask: appends made in the same tick join the first batch.
    queueMicrotask(() => void this.loop());
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      await this.commit(batch);
      if (this.sinceCheckpoint >= this.checkpointEvery && !this.checkpointing) {
        this.checkpointing = this.writeCheckpoint()
          .catch(() => undefined) // a checkpoint is a cache: a failed one only costs replay time
          .finally(() => (this.checkpointing = null));
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** One write per segment touched, then one fdatasync each, then every caller is acknowledged. */
  private async commit(batch: Pending[]): Promise<void> {
    this.stats.commits++;
    this.stats.records += batch.length;
    const bySeg = new Map<Segment, Pending[]>();
    for (const p of batch) {
      const list = bySeg.get(p.seg);
      if (list) list.push(p);
      else bySeg.set(p.seg, [p]);
    }
    await Promise.all(
      [...bySeg].map(async ([seg, entries]) => {
        const buf = Buffer.from(entries.map((e) => e.line).join(''));
        try {
          const fh = await this.handleOf(seg);
          for (let off = 0; off < buf.length;) off += (await fh.write(buf, off)).bytesWritten;
          if (!SYNC_ON_WRITE) await fh.datasync();
        } catch (err) {
          // Cut what may have reached the file so no unacknowledged half-line stays behind.
          await seg.fh?.truncate(seg.bytes).catch(() => undefined);
          for (const e of entries) {
            this.inflight.delete(e.record.id);
            e.reject(new StoreError('io', `journal write failed: ${(err as Error).message}`));
          }
          return;
        }
        seg.bytes += buf.length;
        seg.lines += entries.length;
        for (const e of entries) {
          seg.ids!.add(e.record.id);
          seg.count++;
          this.total++;
          this.sinceCheckpoint++;
          for (const proj of this.projections) proj.apply(e.record);
          this.inflight.delete(e.record.id);
          e.resolve({ id: e.record.id, duplicate: false });
        }
      }),
    );
  }

  private async handleOf(seg: Segment): Promise<FileHandle> {
    if (seg.fh) return seg.fh;
    await ensureDir(this.dir);
    const fh = await open(seg.file, SYNC_ON_WRITE ? APPEND_DSYNC : 'a');
    if (!seg.onDisk) {
      await fsyncDir(this.dir); // the new segment's directory entry must survive a power cut too
      seg.onDisk = true;
    }
    seg.fh = fh;
    return fh;
  }

  private segmentFor(month: string): Segment {
    let seg = this.segments.get(month);
    if (!seg) {
      const name = segmentName(month);
      seg = {
        month,
        name,
        file: path.join(this.dir, name),
        onDisk: false,
        bytes: 0,
        lines: 0,
        count: 0,
        badLines: [],
        ids: new Set(),
        loading: null,
        fh: null,
      };
      this.segments.set(month, seg);
    }
    return seg;
  }

  /** A month's id set, read lazily: only months that receive appends (or has()) pay for it. */
  private idsOf(seg: Segment): Promise<Set<string>> {
    if (seg.ids) return Promise.resolve(seg.ids);
    seg.loading ??= this.readIds(seg).then((ids) => {
      seg.ids = ids;
      seg.loading = null;
      return ids;
    });
    return seg.loading;
  }

  private async readIds(seg: Segment): Promise<Set<string>> {
    const ids = new Set<string>();
    if (seg.bytes === 0) return ids;
    const bad = new Set(seg.badLines.map((b) => b.line));
    const buf = await readRange(seg.file, 0, seg.bytes);
    for (const line of splitLines(buf, 0, 1)) {
      if (bad.has(line.lineNo)) continue;
      const id = lineId(line.bytes);
      if (id !== null) ids.add(id);
    }
    return ids;
  }

  // ---- startup ---------------------------------------------------------------------------

  private problem(p: Omit<StoreProblem, 'at'>): void {
    this.report({ ...p, at: new Date(this.now()).toISOString() });
  }

  private async load(): Promise<void> {
    await ensureDir(this.dir);
    await removeStaleTemps(this.dir);
    const names = (await readdir(this.dir)).filter((n) => SEGMENT_RE.test(n)).sort();
    const sizes = new Map<string, number>();
    for (const n of names) sizes.set(n, (await stat(path.join(this.dir, n))).size);

    const cp = await this.loadCheckpoint(sizes);
    let stale = cp === null;
    for (const name of names) {
      const seg = this.segmentFor(SEGMENT_RE.exec(name)![1]!);
      seg.onDisk = true;
      seg.ids = null;
      const saved = cp?.segments[name];
      if (saved) {
        Object.assign(seg, {
          bytes: saved.bytes,
          lines: saved.lines,
          count: saved.count,
          badLines: [...saved.badLines],
        });
        for (const b of saved.badLines)
          this.problem({ file: seg.file, kind: 'journal-bad-line', detail: `line ${b.line}: ${b.detail}` });
      }
      const size = sizes.get(name)!;
      if (size > seg.bytes) {
        await this.replayTail(seg, size);
        stale = true;
      }
      this.total += seg.count;
    }
    const current = this.segmentFor(new Date(this.now()).toISOString().slice(0, 7));
    await this.idsOf(current);
    // Other months' id sets were only needed for replay: drop them (about 1M ids over 24 months).
    for (const seg of this.segments.values()) if (seg !== current && seg.onDisk) seg.ids = null;
    if (stale && names.length > 0) await this.writeCheckpoint().catch(() => undefined);
  }

  /** Returns a usable checkpoint (projections restored) or null for a full replay. */
  private async loadCheckpoint(sizes: Map<string, number>): Promise<Checkpoint | null> {
    const read = await readCheckpoint(this.checkpointFile);
    if (read.status === 'missing') return null;
    if (read.status !== 'ok') {
      const movedTo =
        read.status === 'invalid' ? await quarantineFile(this.dataDir, this.checkpointFile, this.now()) : undefined;
      this.problem({
        file: this.checkpointFile,
        kind: read.kind,
        detail: `${read.detail}; checkpoint ignored, full replay`,
        ...(movedTo ? { movedTo } : {}),
      });
      return null;
    }
    const cp = read.checkpoint;
    for (const [name, s] of Object.entries(cp.segments)) {
      const size = sizes.get(name);
      if (size === undefined || size < s.bytes || !(await endsWithNewline(path.join(this.dir, name), s.bytes))) {
        // Acknowledged bytes are gone: someone removed or cut the file. Loud, then rebuild from what is left.
        this.problem({
          file: path.join(this.dir, name),
          kind: 'truncated',
          detail:
            size === undefined
              ? `segment missing (checkpoint had ${s.count} records)`
              : `segment is ${size} bytes, checkpoint covered ${s.bytes}; full replay`,
        });
        return null;
      }
    }
    if (this.projections.some((p) => !(p.name in cp.projections))) return null; // new projection: rebuild all
    for (const p of this.projections) p.restore(cp.projections[p.name]);
    return cp;
  }

  /**
   * Replays bytes past the checkpoint. Invalid lines followed by a valid one are reported and kept;
   * invalid bytes after the last valid line were never acknowledged (torn write): cut and quarantined.
   */
  private async replayTail(seg: Segment, size: number): Promise<void> {
    const ids = seg.bytes > 0 ? await this.readIds(seg) : new Set<string>();
    const buf = await readRange(seg.file, seg.bytes, size);
    let pendingBad: { line: number; detail: string }[] = [];
    let validEnd = seg.bytes;
    let validLines = seg.lines;
    for (const line of splitLines(buf, seg.bytes, seg.lines + 1)) {
      const p = line.terminated ? parseLine(line.bytes) : ({ ok: false, detail: 'no trailing newline' } as const);
      if (!p.ok) {
        pendingBad.push({ line: line.lineNo, detail: p.detail });
        continue;
      }
      for (const b of pendingBad) {
        seg.badLines.push(b);
        this.problem({ file: seg.file, kind: 'journal-bad-line', detail: `line ${b.line}: ${b.detail}` });
      }
      pendingBad = [];
      validEnd = line.end;
      validLines = line.lineNo;
      if (ids.has(p.id)) continue; // replay is idempotent by id
      ids.add(p.id);
      seg.count++;
      for (const proj of this.projections) proj.apply(p.record as CallRecord);
    }
    if (validEnd < size) {
      const torn = buf.subarray(validEnd - seg.bytes);
      const movedTo = await quarantineBytes(this.dataDir, seg.file, torn, this.now());
      const fh = await open(seg.file, 'r+');
      try {
        await fh.truncate(validEnd);
        await fh.sync();
      } finally {
        await fh.close();
      }
      this.problem({
        file: seg.file,
        kind: 'journal-torn-tail',
        detail: `${torn.length} unacknowledged bytes after line ${validLines} cut (${pendingBad.length} incomplete line(s))`,
        movedTo,
      });
    }
    seg.bytes = validEnd;
    seg.lines = validLines;
    seg.ids = ids;
  }

  private async writeCheckpoint(): Promise<void> {
    // Snapshot synchronously between batches: bytes, counts and projections describe one state.
    const cp: Checkpoint = {
      schemaVersion: CHECKPOINT_VERSION,
      writtenAt: new Date(this.now()).toISOString(),
      segments: {},
      projections: {},
    };
    for (const s of this.segments.values()) {
      if (s.bytes > 0) cp.segments[s.name] = { bytes: s.bytes, lines: s.lines, count: s.count, badLines: s.badLines };
    }
    for (const p of this.projections) cp.projections[p.name] = p.snapshot();
    const text = JSON.stringify(cp);
    this.sinceCheckpoint = 0;
    await writeFileDurably(this.checkpointFile, text);
  }
}

function validate(record: CallRecord): CallRecord {
  const result = CallRecordSchema.safeParse(record);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length
    ? issue.path.join('.')
    : ((issue as { keys?: string[] }).keys?.join(', ') ?? '(record)');
  throw new StoreError('invalid-record', `invalid call record: field "${field}": ${issue.message}`);
}

function toMs(v: Date | number | string): number {
  return typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : v.getTime();
}

async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(end - start);
  const fh = await open(file, 'r');
  try {
    let off = 0;
    while (off < buf.length) {
      const { bytesRead } = await fh.read(buf, off, buf.length - off, start + off);
      if (bytesRead === 0) return buf.subarray(0, off);
      off += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return buf;
}

async function endsWithNewline(file: string, bytes: number): Promise<boolean> {
  if (bytes === 0) return true;
  const b = await readRange(file, bytes - 1, bytes);
  return b[0] === 0x0a;
}
