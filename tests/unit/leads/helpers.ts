import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { LeadService } from '../../../src/core/leads/lead-service';
import { openStore, type Store } from '../../../src/core/store';
import type { Lead, LeadDraft, Phone } from '../../../src/shared/domain/lead';
import { parsePhone } from '../../../src/shared/phone';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'relance-leads-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function phone(raw: string, extra: Partial<Phone> = {}): Phone {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new Error(`bad test phone ${raw}`);
  return { e164: parsed.e164, raw, type: 'mobile', preferred: true, ...extra };
}

export function draft(
  overrides: Partial<LeadDraft> & { first?: string; last?: string; tel?: string[] } = {},
): LeadDraft {
  const { first, last, tel, ...rest } = overrides;
  return {
    contact: {
      kind: 'individual',
      ...(first ? { firstName: first } : {}),
      ...(last ? { lastName: last } : {}),
      phones: (tel ?? []).map((t, i) => phone(t, { preferred: i === 0 })),
    },
    vehicles: [],
    stage: 'new',
    tags: [],
    consents: [],
    ...rest,
  };
}

export interface Harness {
  store: Store;
  service: LeadService;
  events: (string[] | 'all')[];
  clock: { now: number };
  dir: string;
  reopen(): Promise<Harness>;
}

/** A lead service over a real store in a temp dir, with a settable clock. */
export async function harness(dir = tempDir(), start = Date.parse('2025-03-10T09:00:00Z')): Promise<Harness> {
  const store = await openStore({ dataDir: dir });
  let closed = false;
  const close = async () => {
    if (!closed) await store.close();
    closed = true;
  };
  cleanups.push(close);
  const clock = { now: start };
  const events: (string[] | 'all')[] = [];
  const service = new LeadService({
    collection: store.collection<Lead>('leads'),
    seller: () => 'Julie Vendeuse',
    region: () => 'FR',
    emit: (ids) => events.push(ids),
    now: () => clock.now,
  });
  await service.ready();
  return {
    store,
    service,
    events,
    clock,
    dir,
    async reopen() {
      await close();
      return harness(dir, clock.now);
    },
  };
}

/** Lead minus ids generated at random, for comparisons. */
export function withoutIds(lead: Lead): unknown {
  return { ...lead, id: '*', timeline: lead.timeline.map((e) => ({ ...e, id: '*' })) };
}
