import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CallRecordSchema } from '../../shared/domain/call-record';
import { readCheckpoint } from './journal-checkpoint';
import { parseLine, splitLines } from './journal-lines';

export interface JournalSegmentReport {
  file: string;
  bytes: number;
  lines: number;
  records: number;
  duplicates: number;
  /** Unparseable or schema-invalid lines followed by valid ones: real damage. */
  badLines: { line: number; detail: string }[];
  /** Invalid bytes after the last valid line: an unacknowledged torn write, cut at next open. */
  tornTail: { offset: number; bytes: number } | null;
}

export interface JournalReport {
  /** False when a segment has bad lines or acknowledged bytes are missing. */
  ok: boolean;
  records: number;
  segments: JournalSegmentReport[];
  checkpoint: { status: 'ok' | 'missing' | 'invalid' | 'stale' | 'behind'; detail?: string };
}

const SEGMENT_RE = /^calls-\d{4}-\d{2}\.jsonl$/;

/** Reads every segment and changes nothing. `limits` caps each segment (bytes acknowledged so far). */
export async function verifyJournalDir(
  dir: string,
  options: { limits?: Map<string, number> } = {},
): Promise<JournalReport> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => SEGMENT_RE.test(n)).sort();
  } catch {
    /* no journal yet */
  }
  const segments: JournalSegmentReport[] = [];
  const sizes = new Map<string, number>();
  for (const name of names) {
    let buf = await readFile(path.join(dir, name));
    const limit = options.limits?.get(name);
    if (limit !== undefined && limit < buf.length) buf = buf.subarray(0, limit);
    sizes.set(name, buf.length);
    segments.push(verifySegment(path.join(dir, name), buf));
  }

  const cpRead = await readCheckpoint(path.join(dir, 'checkpoint.json'));
  let checkpoint: JournalReport['checkpoint'];
  let lost = false;
  if (cpRead.status === 'ok') {
    checkpoint = { status: 'ok' };
    for (const [name, s] of Object.entries(cpRead.checkpoint.segments)) {
      const size = sizes.get(name);
      if (size === undefined || size < s.bytes) {
        lost = true;
        checkpoint = {
          status: 'stale',
          detail: `${name}: ${size ?? 'missing'} bytes on disk, ${s.bytes} acknowledged`,
        };
      }
    }
    if (
      checkpoint.status === 'ok' &&
      [...sizes].some(([n, size]) => size > (cpRead.checkpoint.segments[n]?.bytes ?? 0))
    ) {
      checkpoint = { status: 'behind', detail: 'records past the checkpoint will be replayed at next open' };
    }
  } else if (cpRead.status === 'missing') {
    checkpoint = { status: 'missing' };
  } else {
    checkpoint = { status: 'invalid', detail: cpRead.detail };
  }
  return {
    ok: !lost && segments.every((s) => s.badLines.length === 0),
    records: segments.reduce((n, s) => n + s.records, 0),
    segments,
    checkpoint,
  };
}

function verifySegment(file: string, buf: Buffer): JournalSegmentReport {
  const ids = new Set<string>();
  const badLines: JournalSegmentReport['badLines'] = [];
  let pending: JournalSegmentReport['badLines'] = [];
  let pendingFrom = 0;
  let records = 0;
  let duplicates = 0;
  let lines = 0;
  for (const line of splitLines(buf, 0, 1)) {
    lines = line.lineNo;
    const p = line.terminated ? parseLine(line.bytes) : ({ ok: false, detail: 'no trailing newline' } as const);
    if (!p.ok) {
      if (pending.length === 0) pendingFrom = line.start;
      pending.push({ line: line.lineNo, detail: p.detail });
      continue;
    }
    // Same rule as replay at open: only unparseable trailing lines are a torn tail.
    badLines.push(...pending);
    pending = [];
    const checked = CallRecordSchema.safeParse(p.record);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      badLines.push({
        line: line.lineNo,
        detail: `field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`,
      });
      continue;
    }
    if (ids.has(p.id)) duplicates++;
    else {
      ids.add(p.id);
      records++;
    }
  }
  return {
    file,
    bytes: buf.length,
    lines,
    records,
    duplicates,
    badLines,
    tornTail: pending.length > 0 ? { offset: pendingFrom, bytes: buf.length - pendingFrom } : null,
  };
}
