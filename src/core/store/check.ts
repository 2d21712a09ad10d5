import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { classifyJsonBytes } from './classify';
import { verifyJournalDir, type JournalReport } from './journal-verify';
import { BACKUP_DIR, JOURNAL_DIR, QUARANTINE_DIR, fileKey } from './paths';

export interface FileCheck {
  file: string;
  status: 'ok' | 'damaged';
  detail: string;
}

export interface StoreCheckReport {
  /** False when any file or journal segment is damaged (`relance db check` exits 1). */
  ok: boolean;
  dataDir: string;
  files: FileCheck[];
  journal: JournalReport;
  /** Files already moved aside by earlier opens. */
  quarantined: number;
}

/**
 * Reads every data file and journal segment and changes nothing on disk: no repair, no
 * quarantine, no checkpoint. A torn journal tail is not damage (never acknowledged, cut at next open).
 */
export async function checkStore(dataDir: string): Promise<StoreCheckReport> {
  const backups = await listDir(path.join(dataDir, BACKUP_DIR));
  const files: FileCheck[] = [];
  for (const file of await jsonFiles(dataDir, dataDir)) {
    files.push(await checkJsonFile(dataDir, file, backups));
  }
  const journal = await verifyJournalDir(path.join(dataDir, JOURNAL_DIR));
  for (const seg of journal.segments) {
    const damaged = seg.badLines.length > 0;
    const notes = [`${seg.records} records`];
    if (seg.duplicates) notes.push(`${seg.duplicates} duplicate lines (ignored)`);
    if (damaged) notes.push(`bad lines: ${seg.badLines.map((b) => `${b.line} (${b.detail})`).join('; ')}`);
    if (seg.tornTail) notes.push(`torn tail of ${seg.tornTail.bytes} unacknowledged bytes, cut at next open`);
    files.push({ file: seg.file, status: damaged ? 'damaged' : 'ok', detail: notes.join(', ') });
  }
  if (journal.checkpoint.status === 'stale') {
    files.push({
      file: path.join(dataDir, JOURNAL_DIR, 'checkpoint.json'),
      status: 'damaged',
      detail: `acknowledged journal bytes missing: ${journal.checkpoint.detail}`,
    });
  }
  return {
    ok: journal.ok && files.every((f) => f.status === 'ok'),
    dataDir,
    files,
    journal,
    quarantined: (await listDir(path.join(dataDir, QUARANTINE_DIR))).length,
  };
}

async function checkJsonFile(dataDir: string, file: string, backups: string[]): Promise<FileCheck> {
  const result = classifyJsonBytes(await readFile(file));
  if (result.ok) {
    const v = (result.value as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof v === 'number') return { file, status: 'ok', detail: '' };
    // Parses, so no crash damaged it; may be a file another part of the app keeps here.
    return { file, status: 'ok', detail: 'no "schemaVersion": not a store file, contents not checked' };
  }
  const key = fileKey(dataDir, file);
  const own = backups
    .filter((b) => b.startsWith(`${key}.`))
    .sort()
    .reverse();
  let usable: string | undefined;
  for (const b of own) {
    const bytes = await readFile(path.join(dataDir, BACKUP_DIR, b)).catch(() => null);
    if (bytes && classifyJsonBytes(bytes).ok) {
      usable = b;
      break;
    }
  }
  return {
    file,
    status: 'damaged',
    detail: `${result.kind}: ${result.detail}; ${usable ? `backup ${usable} will be restored` : 'no usable backup, defaults will be used'}`,
  };
}

/** Store files only: top-level documents and the shards of collections (dirs with a manifest). */
async function jsonFiles(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  const isJson = (name: string) => name.endsWith('.json') && !name.startsWith('.');
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isFile() && isJson(e.name)) out.push(full);
    else if (dir === root && e.isDirectory() && ![BACKUP_DIR, QUARANTINE_DIR, JOURNAL_DIR].includes(e.name)) {
      const inner = await listDir(full);
      if (inner.includes('_manifest.json')) out.push(...inner.filter(isJson).map((n) => path.join(full, n)));
    }
  }
  return out.sort();
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
