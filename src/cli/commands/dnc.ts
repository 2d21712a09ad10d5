import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import {
  NATIONAL_LISTS,
  openNationalLists,
  parseNationalList,
  type NationalListId,
} from '../../core/outcomes/national-do-not-call';
import { resolveDataDir } from '../../core/paths';
import type { CliIo } from '../run';

export interface DncImportArgs {
  file: string;
  list: string | undefined;
  asOf: string | undefined;
  keepValid: boolean;
  json: boolean;
  dataDir: string | undefined;
  now?: () => Date;
}

/**
 * `relance dnc import FILE --list US|FR --as-of DAY`: replaces the copy of a national do-not-call
 * list. Any line that is not a number of that list: nothing is written (exit 1), unless
 * --keep-valid. The running app picks the new copy up within seconds.
 */
export async function dncImport(args: DncImportArgs, io: CliIo): Promise<number> {
  const fail = (message: string) => (io.err(`relance dnc import: ${message}`), 2);
  const list = args.list?.toUpperCase();
  if (!NATIONAL_LISTS.includes(list as NationalListId))
    return fail(`--list must be US or FR, got "${args.list ?? ''}"`);
  const now = args.now?.() ?? new Date();
  const asOf = args.asOf === undefined ? undefined : DateTime.fromISO(args.asOf, { zone: 'utc' });
  if (!asOf?.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(args.asOf!))
    return fail(`--as-of must be the day the copy was taken (2026-11-02), got "${args.asOf ?? ''}"`);
  if (asOf.toMillis() > now.getTime()) return fail(`--as-of ${args.asOf} is in the future`);
  let text: string;
  try {
    text = await readFile(path.resolve(args.file), 'utf8');
  } catch (error) {
    return fail(`cannot read ${args.file}: ${(error as Error).message}`);
  }
  const { set, rejected } = parseNationalList(text, list as NationalListId);
  const summary = { file: args.file, list, asOf: args.asOf!, numbers: set.size, rejected, written: false };
  if (rejected.length > 0 && !args.keepValid) {
    if (args.json) io.out(JSON.stringify(summary, null, 2));
    else {
      io.err(
        `relance dnc import: ${rejected.length} line(s) of ${args.file} are not ${list} numbers; nothing written:`,
      );
      for (const r of rejected.slice(0, 20)) io.err(`  line ${r.line}: "${r.text}": ${r.reason}`);
      if (rejected.length > 20) io.err(`  … and ${rejected.length - 20} more`);
      io.err('Fix the file, or import the valid lines with --keep-valid.');
    }
    return 1;
  }
  if (set.size === 0)
    return fail(`${args.file} holds no number: nothing written (an empty copy would look like a fresh list)`);
  const lists = await openNationalLists(resolveDataDir(args.dataDir), {
    report: (p) => io.err(`relance dnc import: ${p.detail}${p.movedTo ? ` (moved to ${p.movedTo})` : ''}`),
  });
  await lists.replace(list as NationalListId, set, { asOf: args.asOf!, source: path.basename(args.file), at: now });
  summary.written = true;
  if (args.json) io.out(JSON.stringify(summary, null, 2));
  else {
    io.out(`${set.size} numbers of the ${list} national do-not-call list (as of ${args.asOf}) saved.`);
    if (rejected.length > 0)
      io.out(`${rejected.length} line(s) skipped (--keep-valid), first at line ${rejected[0]!.line}.`);
  }
  return 0;
}

/** `relance dnc status`: which copies are in the data folder, how old, how many numbers. */
export async function dncStatus(args: { json: boolean; dataDir: string | undefined }, io: CliIo): Promise<number> {
  const lists = await openNationalLists(resolveDataDir(args.dataDir), {
    report: (p) => io.err(`relance dnc status: ${p.detail}${p.movedTo ? ` (moved to ${p.movedTo})` : ''}`),
  });
  const info = lists.info();
  if (args.json) io.out(JSON.stringify(info, null, 2));
  else if (info.length === 0)
    io.out('No national do-not-call list imported (relance dnc import FILE --list US|FR --as-of DAY).');
  else
    for (const i of info)
      io.out(`${i.list}: ${i.count} numbers, as of ${i.asOf} (${i.source}, imported ${i.importedAt})`);
  return 0;
}
