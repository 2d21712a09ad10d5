import path from 'node:path';

export const QUARANTINE_DIR = 'quarantine';
export const BACKUP_DIR = 'backups';
export const JOURNAL_DIR = 'journal';

/** Flat, unique name for a data file inside backups/ and quarantine/ (`leads/0a.json` -> `leads__0a.json`). */
export function fileKey(dataDir: string, file: string): string {
  const rel = path.relative(dataDir, file);
  const safe = rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel;
  return safe.split(path.sep).join('__');
}

/** Sortable, filename-safe UTC timestamp (no ':' for Windows): 20240501T102233123Z. */
export function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

export function parseStamp(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  if (!m) return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
}
