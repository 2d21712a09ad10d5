// Real SIP call through Kamailio + rtpengine between two Chromium pages running sip.js.
// Run inside a loopback-only namespace (scripts/run-tests.sh uses `unshare -n`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../rig/chromium.js';
import { openPhone, startHarnessServer, type HarnessServer, type Phone } from '../rig/harness-server.js';
import { startRig, type Rig } from '../rig/rig.js';
import { startSippUas } from '../rig/sipp.js';

const ALICE_HZ = 440;
const BOB_HZ = 880;
/** A clean tone stands 40+ dB over every other bin; silence or noise stays near 0. */
const MIN_MARGIN_DB = 20;

let rig: Rig;
let harness: HarnessServer;
let aliceBrowser: Browser;
let bobBrowser: Browser;
const phones: Phone[] = [];
const timings: Record<string, number> = {};

async function diag(what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const pages = phones.map((p, i) => `--- page ${i} console ---\n${p.console.slice(-20).join('\n')}`).join('\n');
    throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}\n${pages}\n${rig?.logTail(30) ?? ''}`, {
      cause: e,
    });
  }
}

beforeAll(async () => {
  [rig, harness, aliceBrowser, bobBrowser] = await Promise.all([
    startRig(),
    startHarnessServer(),
    // The fake capture file is per process, so one browser per tone.
    launchChromium({ toneHz: ALICE_HZ }),
    launchChromium({ toneHz: BOB_HZ }),
  ]);
  timings.rigStartMs = rig.startMs;
});

afterAll(async () => {
  await Promise.allSettled(phones.map((p) => p.close()));
  await Promise.allSettled([aliceBrowser?.close(), bobBrowser?.close(), harness?.close()]);
  await rig?.stop();
  if (process.env.RIG_TIMINGS) console.log('rig timings (ms):', JSON.stringify(timings));
});

describe('SIP over WebSocket through the rig', () => {
  it('registers two browsers, calls, carries audio both ways and hangs up', async () => {
    const alice = await openPhone(aliceBrowser, harness.url);
    const bob = await openPhone(bobBrowser, harness.url);
    phones.push(alice, bob);

    await diag('register', async () => {
      const [ra, rb] = await Promise.all([
        alice.register(rig.wsUrl, 'alice', rig.users.alice.password),
        bob.register(rig.wsUrl, 'bob', rig.users.bob.password),
      ]);
      expect(ra).toMatchObject({ ok: true, code: 200, state: 'Registered' });
      expect(rb).toMatchObject({ ok: true, code: 200, state: 'Registered' });
      timings.registerMs = Math.max(ra.ms, rb.ms);
      const t = performance.now();
      await alice.page.evaluate(() => undefined);
      timings.evaluateRoundTripMs = performance.now() - t;
    });

    let aliceId = '';
    let bobId = '';
    await diag('call setup', async () => {
      aliceId = await alice.call('bob');
      bobId = await bob.waitForIncoming();
      await bob.answer(bobId);
      await Promise.all([alice.waitForState('Established', aliceId), bob.waitForState('Established', bobId)]);
    });

    // Timings for the report (no assertions on them). Marks are epoch ms, comparable across pages.
    const [am, aw, bm, bw] = await Promise.all([alice.marks(), alice.wire(), bob.marks(), bob.wire()]);
    const click = am[`${aliceId}:click`] ?? NaN;
    const after = (w: typeof aw, dir: 'in' | 'out', re: RegExp, t = click) =>
      w.find((x) => x.dir === dir && re.test(x.line) && x.t >= t)?.t ?? NaN;
    const invite1 = after(aw, 'out', /^INVITE /);
    const invite2 = after(aw, 'out', /^INVITE /, invite1 + 0.001);
    const bobInvite = bm[`${bobId}:invite`] ?? NaN;
    const bobAnswer = bm[`${bobId}:answer`] ?? NaN;
    const bob200 = after(bw, 'out', /^SIP\/2\.0 200/, bobAnswer);
    const alice200 = after(aw, 'in', /^SIP\/2\.0 200/);
    Object.assign(timings, {
      clickToInviteMs: invite1 - click,
      inviteTo407ResendMs: invite2 - invite1,
      proxiedInviteToCalleeMs: bobInvite - invite2,
      calleeAnswerTo200Ms: bob200 - bobAnswer,
      callee200ToCallerMs: alice200 - bob200,
      clickToEstablishedMs: (am[`${aliceId}:Established`] ?? NaN) - click,
      // Includes Node polling for the incoming call and bob's answer() round trip.
      clickTo200Ms: alice200 - click,
    });

    await diag('audio', async () => {
      // Let DTLS/SRTP settle and the jitter buffer fill before measuring.
      await alice.page.waitForTimeout(1000);
      const [heardByAlice, heardByBob] = await Promise.all([
        alice.measureTone(BOB_HZ, { id: aliceId }),
        bob.measureTone(ALICE_HZ, { id: bobId }),
      ]);
      const ctx = JSON.stringify({ heardByAlice, heardByBob });
      if (process.env.RIG_TIMINGS) console.log('tones:', ctx);
      expect(Math.abs(heardByAlice.peakHz - BOB_HZ), ctx).toBeLessThan(3 * heardByAlice.binHz);
      expect(Math.abs(heardByBob.peakHz - ALICE_HZ), ctx).toBeLessThan(3 * heardByBob.binHz);
      expect(heardByAlice.marginDb, ctx).toBeGreaterThan(MIN_MARGIN_DB);
      expect(heardByBob.marginDb, ctx).toBeGreaterThan(MIN_MARGIN_DB);
    });

    await diag('hangup', async () => {
      await alice.hangup(aliceId);
      await Promise.all([alice.waitForState('Terminated', aliceId), bob.waitForState('Terminated', bobId)]);
      // bye() goes straight from Established to Terminated in sip.js 0.21.
      expect(await alice.states(aliceId)).toEqual(['Establishing', 'Established', 'Terminated']);
      expect((await bob.states(bobId)).slice(-2)).toEqual(['Established', 'Terminated']);
    });
  });

  it('rejects a wrong password with 401/403', async () => {
    const carol = await openPhone(aliceBrowser, harness.url);
    phones.push(carol);
    const r = await carol.register(rig.wsUrl, 'carol', 'not-carols-password');
    timings.wrongPasswordRejectMs = r.ms;
    expect(r.ok).toBe(false);
    expect([401, 403]).toContain(r.code);
    expect(r.state).not.toBe('Registered');
    // Kamailio challenges first (401), then refuses the wrong digest (403).
    const replies = (await carol.wire()).filter((w) => w.dir === 'in').map((w) => w.line);
    expect(replies).toEqual(['SIP/2.0 401 Unauthorized', 'SIP/2.0 403 Forbidden']);
  });

  it('bridges a WebRTC caller to a plain-RTP sipp UAS and hears its tone', async () => {
    const sipp = await startSippUas(rig, { toneHz: 1000 });
    try {
      const alice = await openPhone(aliceBrowser, harness.url);
      phones.push(alice);
      expect(await alice.register(rig.wsUrl, 'alice', rig.users.alice.password)).toMatchObject({ ok: true, code: 200 });
      let id = '';
      await diag(`call sipp\n--- sipp ---\n${sipp.logTail(20)}`, async () => {
        id = await alice.call('sipp');
        await alice.waitForState('Established', id);
        await alice.page.waitForTimeout(1000);
        const heard = await alice.measureTone(1000, { id });
        const ctx = JSON.stringify(heard);
        if (process.env.RIG_TIMINGS) console.log('sipp tone:', ctx);
        expect(Math.abs(heard.peakHz - 1000), ctx).toBeLessThan(3 * heard.binHz);
        expect(heard.marginDb, ctx).toBeGreaterThan(MIN_MARGIN_DB);
        await alice.hangup(id);
        await alice.waitForState('Terminated', id);
      });
    } finally {
      await sipp.stop();
    }
  });
});
