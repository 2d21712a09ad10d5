import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/app-core';
import { DEMO_LEADS, seedDemoData } from '../../../src/core/demo-data';
import { requests } from '../../../src/shared/contract';
import { openTestCore } from '../support/test-core';

const query = (q: object) => requests['leads.search'].input.parse(q);
const open: Core[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((core) => core.close()));
});
async function freshCore(): Promise<Core> {
  const { core } = await openTestCore('relance-demo-');
  open.push(core);
  return core;
}

describe('demo data for a first look', () => {
  it('fills a fresh folder with sample leads and their callbacks, once', async () => {
    const core = await freshCore();
    expect(await seedDemoData(core)).toEqual({ created: DEMO_LEADS });
    const page = await core.leadService.search(query({ limit: 5 }));
    expect(page.total).toBe(DEMO_LEADS);
    // Some are due this week: the "Rappel" filter and the dialer have something to show.
    const due = (await core.leadService.search(query({ limit: 1, callbackDue: 'week' }))).total;
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(DEMO_LEADS);
    // A folder with any lead is worked in: never again.
    expect(await seedDemoData(core)).toEqual({ created: 0, why: 'has-leads' });
    expect((await core.leadService.search(query({ limit: 1 }))).total).toBe(DEMO_LEADS);
  });

  it('leaves a folder with a SIP account alone, even without leads', async () => {
    const core = await freshCore();
    await core.settings.update({ sip: { server: 'wss://pbx.concession.test:8089/ws' } });
    expect(await seedDemoData(core)).toEqual({ created: 0, why: 'account-set' });
    expect((await core.leads).size).toBe(0);
  });
});
