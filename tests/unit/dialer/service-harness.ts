// The dialer service over a real store in a temp dir, with a fake softphone and a manual clock.
import { expect, vi } from 'vitest';
import { createDialerService, type DialerService } from '../../../src/core/dialer/dialer-service';
import type { DialerEmit, DialerEventName } from '../../../src/core/dialer/events';
import { leadAccess } from '../../../src/core/dialer/lead-access';
import type { CallPermission } from '../../../src/core/dialer/ports';
import type { CallEvent } from '../../../src/shared/domain/call-event';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import type { LeadDraft } from '../../../src/shared/domain/lead';
import { draft, harness, type Harness } from '../leads/helpers';
import { FakePlacer, ManualTimers } from './fakes';

export const START = Date.parse('2026-03-10T09:00:00Z'); // a Tuesday, 10:00 in Paris
export const MIN = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export interface Setup {
  h: Harness;
  svc: DialerService;
  placer: FakePlacer;
  timers: ManualTimers;
  events: { name: DialerEventName; payload: unknown }[];
  /** Calls the rules refused: lead ids. */
  setRules(rules: CallPermission): void;
}

export async function setup(
  options: { wrapUpSeconds?: number; previewSeconds?: number; seller?: string; dir?: string; start?: number } = {},
): Promise<Setup> {
  const h = await harness(options.dir, options.start ?? START);
  const timers = new ManualTimers(h.clock);
  const placer = new FakePlacer();
  const events: Setup['events'] = [];
  const emit: DialerEmit = (name, payload) => void events.push({ name, payload });
  let rules: CallPermission = () => ({ allowed: true });
  const svc = await createDialerService({
    store: h.store,
    leads: leadAccess(h.service),
    permission: (lead, number, at) => rules(lead, number, at),
    placer,
    settings: () => ({
      dialer: {
        previewSeconds: options.previewSeconds ?? 10,
        ringTimeoutSeconds: 30,
        wrapUpSeconds: options.wrapUpSeconds ?? 0,
      },
      locale: 'fr',
      defaultRegion: 'FR',
    }),
    seller: () => options.seller ?? 'Julie Vendeuse',
    emit,
    now: () => timers.now,
    timers,
  });
  return { h, svc, placer, timers, events, setRules: (r) => (rules = r) };
}

/** The softphone's side: reports what happens to the call the dialer asked for. */
export function softphone(s: Setup) {
  const at = () => iso(s.timers.now);
  const report = (event: CallEvent) => s.svc.report(event);
  let seen = 0;
  return {
    /** Waits for the dialer's next placement and reports it started; its call id is c1, c2… */
    async started(): Promise<string> {
      await vi.waitFor(() => expect(s.placer.placed.length).toBe(seen + 1));
      seen++;
      const request = s.placer.placed.at(-1)!;
      const callId = `c${s.placer.placed.length}`;
      await report({ type: 'started', callId, at: at(), direction: 'outbound', ...request });
      return callId;
    },
    ringing: (callId: string) => report({ type: 'ringing', callId, at: at() }),
    answered: (callId: string) => report({ type: 'answered', callId, at: at() }),
    ended: (callId: string, sipStatus: number, hangupSide: 'local' | 'remote' = 'remote') =>
      report({ type: 'ended', callId, at: at(), sipStatus, hangupSide }),
  };
}

/**
 * The next call of `target[method]` starts at once but resolves only when the returned function
 * is called: a slow disk under one write, at a moment the test chooses.
 */
export function holdNext<K extends string, T extends Record<K, (...args: never[]) => Promise<unknown>>>(
  target: T,
  method: K,
): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const methods = target as unknown as Record<K, (...args: unknown[]) => Promise<unknown>>;
  const original = methods[method];
  methods[method] = async (...args) => {
    methods[method] = original; // once
    const result = original.apply(target, args);
    await released;
    return result;
  };
  return release;
}

export async function lead(s: Setup, first: string, tel: string, extra: Partial<LeadDraft> = {}) {
  return s.h.service.create(draft({ first, last: 'Test', tel: [tel], ...extra }));
}

export async function journal(s: Setup): Promise<CallRecord[]> {
  const out: CallRecord[] = [];
  for await (const r of s.h.store.journal.scan()) out.push(r);
  return out;
}
