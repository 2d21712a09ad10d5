import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PeerConnectionReaper } from '../../../src/renderer/phone/engine/peer-connection-reaper';

function setup(opts: { collect?: boolean; every?: number; warnAt?: number } = {}) {
  const idle: (() => void)[] = [];
  const warnings: string[] = [];
  let collected = 0;
  const reaper = new PeerConnectionReaper({
    collect: opts.collect === false ? undefined : () => collected++,
    whenIdle: (fn) => idle.push(fn),
    warn: (m) => warnings.push(m),
    ...(opts.every !== undefined ? { every: opts.every } : {}),
    ...(opts.warnAt !== undefined ? { warnAt: opts.warnAt } : {}),
  });
  const runIdle = () => idle.splice(0).forEach((fn) => fn());
  return { reaper, idle, warnings, runIdle, collected: () => collected };
}

describe('peer connection reaper', () => {
  it('asks for one collection in an idle moment every N new connections', () => {
    const { reaper, idle, runIdle, collected } = setup({ every: 3 });
    reaper.track({});
    reaper.track({});
    expect(idle).toHaveLength(0);
    reaper.track({});
    expect(idle).toHaveLength(1);
    expect(collected()).toBe(0); // not at once: when the page is idle
    reaper.track({}); // already scheduled: no second request
    expect(idle).toHaveLength(1);
    runIdle();
    expect(collected()).toBe(1);
    expect(reaper.counts()).toMatchObject({ created: 4, collections: 1 });
    reaper.track({});
    reaper.track({});
    expect(idle).toHaveLength(0);
    reaper.track({});
    expect(idle).toHaveLength(1);
  });

  it('warns once, before Chromium refuses, when the page cannot collect', () => {
    const { reaper, idle, warnings } = setup({ collect: false, warnAt: 4 });
    for (let i = 0; i < 3; i++) reaper.track({});
    expect(warnings).toEqual([]);
    for (let i = 0; i < 5; i++) reaper.track({});
    expect(idle).toHaveLength(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^4 peer connections wait for garbage collection.*reload the page/);
  });

  it('counts a connection as uncollected until it is garbage-collected', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const { reaper } = setup();
    const kept = {};
    reaper.track(kept);
    (() => {
      for (let i = 0; i < 5; i++) reaper.track({});
    })();
    expect(reaper.counts().uncollected).toBe(6);
    for (let i = 0; i < 20 && reaper.counts().uncollected > 1; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10)); // finalizers run as tasks after the collection
    }
    expect(reaper.counts()).toMatchObject({ created: 6, uncollected: 1 });
    expect(kept).toBeDefined();
  });
});
