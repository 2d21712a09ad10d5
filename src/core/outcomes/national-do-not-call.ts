import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { phoneToE164 } from '../leads/import/phone-e164';
import { quarantineFile, writeFileDurably } from '../store';

/**
 * Copies of the national opposition lists: the US National Do Not Call Registry (the area-code
 * files a dealership downloads) and Bloctel (the numbers Bloctel returns for the dealership's
 * file). The US preset calls no US number without a copy at most 31 days old; the French one
 * checks Bloctel when a copy is there. A list can hold millions of numbers: kept as a sorted
 * Float64Array (E.164 digits fit in 2^53), 8 bytes a number, looked up by binary search.
 */
export type NationalListId = 'US' | 'FR';
export const NATIONAL_LISTS: readonly NationalListId[] = ['US', 'FR'];

/** Calling codes each list covers: the NANP for the US registry; France and its overseas for Bloctel. */
const LIST_CODES: Record<NationalListId, readonly string[]> = {
  US: ['1'],
  FR: ['33', '262', '269', '590', '594', '596', '508', '689', '687', '681'],
};

/** The list that covers a number, by its calling code; undefined when none does. */
export function listCovering(e164: string): NationalListId | undefined {
  for (const id of NATIONAL_LISTS) if (LIST_CODES[id].some((code) => e164.startsWith(`+${code}`))) return id;
  return undefined;
}

/** A sorted set of E.164 numbers. */
export class NumberSet {
  constructor(readonly sorted: Float64Array) {}

  get size(): number {
    return this.sorted.length;
  }

  has(e164: string): boolean {
    const key = Number(e164.slice(1));
    if (!Number.isSafeInteger(key)) return false;
    const a = this.sorted;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = a[mid]!;
      if (v === key) return true;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

export interface ListLineReject {
  line: number;
  text: string;
  reason: string;
}

/** Reads a list file: one number per line (separators, spaces and `#` comments allowed). Pure. */
export function parseNationalList(text: string, list: NationalListId): { set: NumberSet; rejected: ListLineReject[] } {
  const keys: number[] = [];
  const rejected: ListLineReject[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const e164 = list === 'US' ? nanpNumber(line) : phoneToE164(line, 'FR');
    if (!e164 || listCovering(e164) !== list) {
      rejected.push({
        line: i + 1,
        text: line.slice(0, 80),
        reason:
          list === 'US'
            ? 'not a 10-digit US number (area code and number, e.g. 2125550123)'
            : 'not a French number (e.g. 06 12 34 56 78 or +33612345678)',
      });
      return;
    }
    keys.push(Number(e164.slice(1)));
  });
  const sorted = Float64Array.from(keys).sort();
  // Unique, in place.
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return { set: new NumberSet(sorted.slice(0, n)), rejected };
}

/**
 * `2125550123`, `212,5550123`, `(212) 555-0123`, `+1 212 555 0123` → +12125550123. By shape, not
 * libphonenumber: an area-code download holds millions of lines, and the registry, not our
 * metadata, says which numbers exist (a number wrongly kept only blocks a call).
 */
function nanpNumber(line: string): string | undefined {
  const digits = line.replace(/\D/g, '');
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(ten) ? `+1${ten}` : undefined;
}

const ManifestSchema = z.strictObject({
  list: z.enum(['US', 'FR']),
  /** The day the copy was taken (from the registry), ISO date. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  count: z.number().int().nonnegative(),
  importedAt: z.string().datetime(),
  source: z.string().max(500),
});
export type NationalListInfo = z.infer<typeof ManifestSchema>;

export const NATIONAL_DIR = 'do-not-call';
const binFile = (dir: string, list: NationalListId) => path.join(dir, `national-${list}.bin`);
const manifestFile = (dir: string, list: NationalListId) => path.join(dir, `national-${list}.json`);

export interface NationalLists {
  /** The copy that covers this number, for the rules engine's `doNotCall.national`. */
  forNumber(e164: string): { list: NationalListId; numbers: NumberSet; asOf: Date } | undefined;
  info(): NationalListInfo[];
  /** Writes a new copy (numbers, then its manifest), replacing the old one once both are on disk. */
  replace(
    list: NationalListId,
    set: NumberSet,
    info: { asOf: string; source: string; at: Date },
  ): Promise<NationalListInfo>;
  /** Reads the copies again if another process (`relance dnc import`) replaced them. */
  reloadIfChanged(): Promise<void>;
}

export interface NationalListProblem {
  file: string;
  detail: string;
  movedTo?: string;
}

interface Copy {
  set: NumberSet;
  info: NationalListInfo;
  asOf: Date;
}

/**
 * Opens the copies in `<data>/do-not-call/`. A copy whose files do not agree (a manifest
 * unreadable, a count that does not match the numbers file: say a crash between the two writes)
 * is moved to quarantine and reported: never used, never silently overwritten, and the rules then
 * treat that list as missing (the US preset calls no US number until it is imported again).
 */
export async function openNationalLists(
  dataDir: string,
  options: {
    report?: (problem: NationalListProblem) => void;
    now?: () => number;
    /** An audit (`relance rules explain`): report a bad copy, move nothing. */
    readOnly?: boolean;
  } = {},
): Promise<NationalLists> {
  const report = options.report ?? (() => undefined);
  const now = options.now ?? Date.now;
  const dir = path.join(dataDir, NATIONAL_DIR);
  let loaded = new Map<NationalListId, Copy>();
  const seen = new Map<NationalListId, number>();

  const readCopy = async (list: NationalListId): Promise<Copy | undefined> => {
    const manifest = manifestFile(dir, list);
    if (!existsSync(manifest)) return undefined;
    try {
      const info = ManifestSchema.parse(JSON.parse(await readFile(manifest, 'utf8')));
      const bytes = await readFile(binFile(dir, list));
      if (info.list !== list || bytes.length !== info.count * 8)
        throw new Error(`holds ${bytes.length / 8} numbers, its manifest says ${info.count}`);
      const sorted = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      return { set: new NumberSet(sorted), info, asOf: new Date(`${info.asOf}T00:00:00Z`) };
    } catch (error) {
      const movedTo = options.readOnly
        ? undefined
        : await quarantineFile(dataDir, manifest, now()).catch(() => undefined);
      report({
        file: manifest,
        detail: `national do-not-call copy ${list} unusable (${(error as Error).message}); treated as missing`,
        ...(movedTo ? { movedTo } : {}),
      });
      return undefined;
    }
  };
  const mtimeOf = async (list: NationalListId) => (await stat(manifestFile(dir, list)).catch(() => null))?.mtimeMs ?? 0;
  const loadAll = async () => {
    const next = new Map<NationalListId, Copy>();
    for (const list of NATIONAL_LISTS) {
      seen.set(list, await mtimeOf(list));
      const copy = await readCopy(list);
      if (copy) next.set(list, copy);
    }
    loaded = next;
  };
  await loadAll();

  return {
    forNumber(e164) {
      const list = listCovering(e164);
      const copy = list && loaded.get(list);
      return copy ? { list: copy.info.list, numbers: copy.set, asOf: copy.asOf } : undefined;
    },
    info: () => [...loaded.values()].map((c) => ({ ...c.info })),
    async replace(list, set, { asOf, source, at }) {
      const info = ManifestSchema.parse({ list, asOf, count: set.size, importedAt: at.toISOString(), source });
      await mkdir(dir, { recursive: true });
      const s = set.sorted;
      await writeFileDurably(binFile(dir, list), new Uint8Array(s.buffer, s.byteOffset, s.byteLength));
      await writeFileDurably(manifestFile(dir, list), JSON.stringify(info, null, 2) + '\n');
      loaded.set(list, { set, info, asOf: new Date(`${asOf}T00:00:00Z`) });
      seen.set(list, await mtimeOf(list));
      return { ...info };
    },
    async reloadIfChanged() {
      for (const list of NATIONAL_LISTS) {
        if ((await mtimeOf(list)) !== seen.get(list)) return loadAll();
      }
    },
  };
}
