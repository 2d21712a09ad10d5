import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseLine, splitLines } from '../store/journal-lines';
import { SEGMENT_RE } from '../store/journal';
import { JOURNAL_DIR } from '../store/paths';

/** What a call looked like, without its notes or the full number. */
export interface CallSummary {
  id: string;
  direction: unknown;
  number: string;
  startedAt: unknown;
  ringingAt?: unknown;
  answeredAt?: unknown;
  endedAt?: unknown;
  durationSeconds?: number;
  sipStatus?: unknown;
  hangupSide?: unknown;
  disposition?: unknown;
  quality?: unknown;
  leadId?: unknown;
  dialerSessionId?: unknown;
}

// Copied as they are; anything else a record holds (notes, future fields) stays out.
const kept = [
  'direction',
  'startedAt',
  'ringingAt',
  'answeredAt',
  'endedAt',
  'sipStatus',
  'hangupSide',
  'disposition',
  'quality',
  'leadId',
  'dialerSessionId',
] as const;

/** `+33612345678` -> `+33•••••••78`: enough to tell numbers apart and spot a format problem. */
export function maskNumber(number: string): string {
  if (number.length <= 4) return '•'.repeat(number.length);
  const head = number.slice(0, 3);
  const tail = number.slice(-2);
  return head + number.slice(3, -2).replace(/[0-9A-Za-z]/g, '•') + tail;
}

export function summarizeCall(record: Record<string, unknown>): CallSummary {
  const summary: Record<string, unknown> = {
    id: record.id,
    number: typeof record.number === 'string' ? maskNumber(record.number) : '',
  };
  for (const key of kept) if (record[key] !== undefined) summary[key] = record[key];
  const answered = Date.parse(String(record.answeredAt));
  const ended = Date.parse(String(record.endedAt));
  if (Number.isFinite(answered) && Number.isFinite(ended))
    summary.durationSeconds = Math.round((ended - answered) / 1000);
  return summary as unknown as CallSummary;
}

/**
 * The newest `limit` calls of the journal, newest first. Reads segment files only (never opens
 * the journal for writing), so it is safe while the app runs; a half-written last line is skipped.
 */
export async function lastCallSummaries(dataDir: string, limit = 50): Promise<CallSummary[]> {
  const dir = path.join(dataDir, JOURNAL_DIR);
  const segments = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => SEGMENT_RE.test(name))
    .sort()
    .reverse();
  const byId = new Map<string, Record<string, unknown>>();
  for (const name of segments) {
    const bytes = await readFile(path.join(dir, name)).catch(() => null);
    if (!bytes) continue;
    for (const line of splitLines(bytes, 0, 1)) {
      if (!line.terminated) continue;
      const parsed = parseLine(line.bytes);
      // Replay keeps the first copy of an id; so does this.
      if (parsed.ok && !byId.has(parsed.id)) byId.set(parsed.id, parsed.record);
    }
    // Ids are time-ordered across months: older segments cannot hold newer calls.
    if (byId.size >= limit) break;
  }
  return [...byId.keys()]
    .sort()
    .reverse()
    .slice(0, limit)
    .map((id) => summarizeCall(byId.get(id)!));
}
