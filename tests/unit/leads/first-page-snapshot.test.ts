import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/app-core';
import {
  FIRST_PAGE_FILE,
  FirstPageSnapshot,
  firstPageFor,
  isFirstPageQuery,
  type SearchInput,
} from '../../../src/core/leads/first-page-snapshot';
import { LeadService } from '../../../src/core/leads/lead-service';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';
import { openStore } from '../../../src/core/store';
import { leadCollectionOptions } from '../../../src/core/leads/shared-strings';
import type { Lead } from '../../../src/shared/domain/lead';
import type { LeadPage } from '../../../src/shared/domain/lead-query';
import { openTestCore } from '../support/test-core';

const firstPage: SearchInput = { text: '', sort: 'name', direction: 'asc', offset: 0, limit: 100 };

const reopen = (dataDir: string, version = 't') =>
  createCore({ dataDir, shell: 'web', version, provisioningFiles: [], secrets: new SessionSecretStore() });

const snapshotOf = (dataDir: string, appVersion = 't') =>
  new FirstPageSnapshot({ dataDir, shardDir: join(dataDir, 'leads'), appVersion });

/** A lead service whose leads are still loading until `finish()` hands it the collection from disk. */
function loadingService(dataDir: string) {
  let finish!: () => Promise<void>;
  const collection = new Promise<Awaited<ReturnType<Awaited<ReturnType<typeof openStore>>['collection']>>>(
    (resolve) => {
      finish = async () => {
        const store = await openStore({ dataDir });
        resolve(await store.collection<Lead>('leads', leadCollectionOptions));
      };
    },
  );
  const service = new LeadService({
    collection: collection as Promise<never>,
    seller: () => 'Vendeur',
    region: () => 'FR',
    emit: () => undefined,
    firstPage: snapshotOf(dataDir),
  });
  return { service, finish };
}

/** What a core answers for the default list once every lead is in. */
async function pageOnceLoaded(dataDir: string): Promise<LeadPage> {
  const core = await reopen(dataDir);
  const page = await core.handlers['leads.search'](firstPage);
  await core.close();
  return page;
}

describe('the lead list first-page snapshot', () => {
  it('answers the default list from disk while the leads are still loading, the same page as once loaded', async () => {
    const { core, dataDir } = await openTestCore('relance-first-page-');
    await core.leadService.loadSample(300);
    await core.close(); // takes the snapshot the change asked for
    const expected = await pageOnceLoaded(dataDir);
    expect(expected.total).toBe(300);

    const { service } = loadingService(dataDir); // never loads: only the snapshot can answer
    expect(await service.search(firstPage)).toEqual(expected);
    expect(await service.search({ ...firstPage, limit: 10 })).toEqual({
      ...expected,
      items: expected.items.slice(0, 10),
    });
  });

  it('is taken again after a change: the next start shows the lead renamed to the top', async () => {
    const { core, dataDir } = await openTestCore('relance-first-page-');
    await core.leadService.loadSample(50);
    const [second] = (await core.leadService.search({ ...firstPage, offset: 1, limit: 1 })).items;
    await core.leadService.update(second!.id, {
      contact: { kind: 'individual', firstName: 'Anne', lastName: 'Aaron', phones: [] },
    });
    await core.close();

    const { service } = loadingService(dataDir);
    const page = await service.search(firstPage);
    expect(page.items[0]).toMatchObject({ id: second!.id, name: 'Anne Aaron' });
    expect(page).toEqual(await pageOnceLoaded(dataDir));
  });

  it('is not used once a shard changed after it was taken (a crash before the snapshot was retaken)', async () => {
    const { core, dataDir } = await openTestCore('relance-first-page-');
    await core.leadService.loadSample(50);
    await core.close();
    const file = join(dataDir, FIRST_PAGE_FILE);
    await copyFile(file, `${file}.before`);
    const stale = await pageOnceLoaded(dataDir);

    const again = await reopen(dataDir);
    const [first] = stale.items;
    await again.leadService.update(first!.id, {
      contact: { kind: 'individual', firstName: 'Zoé', lastName: 'Zyx', phones: [] },
    });
    await again.close();
    await copyFile(`${file}.before`, file); // the snapshot as it was before the write

    expect(await snapshotOf(dataDir).load()).toBeUndefined();
    const { service, finish } = loadingService(dataDir);
    const answer = service.search(firstPage);
    await finish();
    const page = await answer;
    expect(page.items[0]!.id).not.toBe(first!.id);
    expect(page).not.toEqual(stale);
    expect(page).toEqual(await pageOnceLoaded(dataDir));
  });

  it('ignores a snapshot from another app version, or a damaged one, writes a good one once loaded, and clears a cut-short write', async () => {
    const { core, dataDir } = await openTestCore('relance-first-page-');
    await core.leadService.loadSample(20);
    await core.close();
    expect(await snapshotOf(dataDir).load()).toMatchObject({ total: 20 });
    expect(await snapshotOf(dataDir, 'other').load()).toBeUndefined();

    const file = join(dataDir, FIRST_PAGE_FILE);
    const leftover = join(dirname(file), '.lead-list-first-page.snapshot.999999999.1.tmp'); // a crash mid-write
    await writeFile(leftover, '{"format":1,');
    await writeFile(file, '{"format":1,"appVersion":"t","shards":[], "page": nope');
    expect(await snapshotOf(dataDir).load()).toBeUndefined();
    const page = await pageOnceLoaded(dataDir); // loads, finds no usable snapshot, takes one
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ page });
    expect(await snapshotOf(dataDir).load()).toEqual(page);
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('isFirstPageQuery / firstPageFor', () => {
  it('takes only the default list from its top, whatever the page size', () => {
    expect(isFirstPageQuery(firstPage)).toBe(true);
    expect(isFirstPageQuery({ ...firstPage, stages: [], tags: [] })).toBe(true);
    expect(isFirstPageQuery({ ...firstPage, text: '  ' })).toBe(true);
    for (const other of [
      { text: 'mar' },
      { offset: 100 },
      { sort: 'created' as const },
      { direction: 'desc' as const },
      { stages: ['new' as const] },
      { owners: ['Julie'] },
      { sources: ['Site web'] },
      { tags: ['vip'] },
      { callbackDue: 'today' as const },
      { consent: 'given' as const },
    ])
      expect(isFirstPageQuery({ ...firstPage, ...other }), JSON.stringify(other)).toBe(false);
  });

  it('cuts the kept page to a smaller limit, and gives up on a bigger one it cannot fill', () => {
    const item = (id: string) => ({ id, name: id, stage: 'new' as const, tags: [], createdAt: '2025-01-01T00:00:00Z' });
    const page = { total: 500, offset: 0, items: ['a', 'b', 'c'].map(item) };
    expect(firstPageFor(page, 2)).toEqual({ total: 500, offset: 0, items: [item('a'), item('b')] });
    expect(firstPageFor(page, 3)).toEqual(page);
    expect(firstPageFor(page, 4)).toBeUndefined();
    const whole = { total: 3, offset: 0, items: page.items };
    expect(firstPageFor(whole, 100)).toEqual(whole);
  });
});
