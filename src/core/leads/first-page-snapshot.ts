import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LEAD_LIST_PAGE_SIZE, LeadPageSchema, type LeadPage } from '../../shared/domain/lead-query';
import type { ParsedInput } from '../../shared/contract';
import { removeStaleTemps, writeFileDurably } from '../store';

/**
 * The default lead list's first page (every lead, by name, from the top), kept on disk so the
 * Leads screen opens at once right after start, while 100k leads are still loading and being
 * indexed (5-6 s at 100k leads). It is a cache: valid only while the lead shard files are exactly those it was
 * taken from (same names, sizes and modification times), and every lead write rewrites a shard.
 * Not a `.json` file, so the store's check and backups leave it alone.
 */
export const FIRST_PAGE_FILE = path.join('cache', 'lead-list-first-page.snapshot');

/** The file's own format; a snapshot taken by another app version is not used either (summaries may differ). */
const FORMAT = 1;
/** Lead shard files, as the collection names them. */
const SHARD_NAME = /^[0-9a-f]+\.json$/;

type ShardStamp = [name: string, size: number, mtimeNs: string];

export type SearchInput = ParsedInput<'leads.search'>;

/** The page the snapshot keeps: what the Leads screen asks for first. */
export const FIRST_PAGE_QUERY = {
  text: '',
  sort: 'name',
  direction: 'asc',
  offset: 0,
  limit: LEAD_LIST_PAGE_SIZE,
} as const satisfies SearchInput;

/** Whether a search asks for what the snapshot holds: no text, no filter, by name from A, the top. */
export function isFirstPageQuery(input: SearchInput): boolean {
  const none = (list: readonly unknown[] | undefined) => list === undefined || list.length === 0;
  return (
    input.text.trim() === '' &&
    input.offset === 0 &&
    input.sort === 'name' &&
    input.direction === 'asc' &&
    none(input.stages) &&
    none(input.owners) &&
    none(input.sources) &&
    none(input.tags) &&
    input.callbackDue === undefined &&
    input.consent === undefined
  );
}

export class FirstPageSnapshot {
  readonly #file: string;
  readonly #shardDir: string;
  readonly #appVersion: string;

  /** `shardDir`: the leads collection's folder; the snapshot lives in `<dataDir>/cache/`. */
  constructor(options: { dataDir: string; shardDir: string; appVersion: string }) {
    this.#file = path.join(options.dataDir, FIRST_PAGE_FILE);
    this.#shardDir = options.shardDir;
    this.#appVersion = options.appVersion;
  }

  /** The page kept, when it still describes the shard files; undefined when missing, damaged or stale. */
  async load(): Promise<LeadPage | undefined> {
    await removeStaleTemps(path.dirname(this.#file)); // a write a crash cut short
    let saved: unknown;
    try {
      saved = JSON.parse(await readFile(this.#file, 'utf8'));
    } catch {
      return undefined;
    }
    const s = saved as { format?: unknown; appVersion?: unknown; shards?: unknown; page?: unknown } | null;
    if (!s || s.format !== FORMAT || s.appVersion !== this.#appVersion || !Array.isArray(s.shards)) return undefined;
    const page = LeadPageSchema.safeParse(s.page);
    if (!page.success) return undefined;
    const now = await this.#stamps();
    return now && JSON.stringify(now) === JSON.stringify(s.shards) ? page.data : undefined;
  }

  /**
   * Keeps `page()` (undefined: not now). The shard files are looked at before the page is
   * taken: a write landing in between changes a shard after its stamp, so that snapshot is
   * refused at the next start rather than ever showing a page older than the files.
   */
  async save(page: () => LeadPage | undefined): Promise<void> {
    const shards = await this.#stamps();
    const taken = shards && page();
    if (!taken) return;
    await mkdir(path.dirname(this.#file), { recursive: true });
    await writeFileDurably(
      this.#file,
      JSON.stringify({ format: FORMAT, appVersion: this.#appVersion, shards, page: taken }),
    );
  }

  async #stamps(): Promise<ShardStamp[] | undefined> {
    try {
      const names = (await readdir(this.#shardDir)).filter((n) => SHARD_NAME.test(n)).sort();
      if (names.length === 0) return undefined;
      return await Promise.all(
        names.map(async (name): Promise<ShardStamp> => {
          const s = await stat(path.join(this.#shardDir, name), { bigint: true });
          return [name, Number(s.size), s.mtimeNs.toString()];
        }),
      );
    } catch {
      return undefined;
    }
  }
}

/** The snapshot's page cut to what was asked (a smaller limit); undefined when it holds too few rows. */
export function firstPageFor(page: LeadPage, limit: number): LeadPage | undefined {
  if (page.items.length >= limit) return { ...page, items: page.items.slice(0, limit) };
  return page.items.length === page.total ? page : undefined;
}
