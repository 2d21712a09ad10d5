import { monitorEventLoopDelay } from 'node:perf_hooks';

/** One figure of the table. `baseline` is the naive lowdb value for the same operation. */
export interface BenchRow {
  section: string;
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'count';
  target?: string;
  baseline?: number;
}

/** A section measures something and returns rows; run.ts lists the sections in order. */
export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface BenchContext {
  /** Scratch dir for this run. */
  workDir: string;
  leads: number;
  calls: number;
  /** A data dir built by prepareBenchDataDir (shared by sections). */
  dataDir: string;
  /** A naive lowdb file with the same data. */
  naiveFile: string;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
export const median = (v: number[]) => percentile(v, 50);

/** Runs fn while measuring the longest event-loop block (ms). */
export async function withLoopDelay<T>(fn: () => Promise<T>): Promise<{ result: T; maxBlockMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  try {
    const result = await fn();
    await new Promise((r) => setTimeout(r, 5)); // let the histogram record the last block
    return { result, maxBlockMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

export function formatTable(rows: BenchRow[]): string {
  const fmt = (v: number | undefined) =>
    v === undefined ? '' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  const header = ['section', 'measure', 'store', 'naive lowdb', 'naive/store', 'target'];
  const body = rows.map((r) => [
    r.section,
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
    r.baseline === undefined || r.value === 0 ? '' : `${(r.baseline / r.value).toFixed(1)}x`,
    r.target ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
