// Softphone engine figures against the real rig (Kamailio + rtpengine + sipp, Chromium), in the
// same run as plain sip.js with its defaults (the baseline):
// - registration at start (fresh page: WebSocket open -> 200 OK to REGISTER);
// - click -> INVITE on the wire, and click -> established with an auto-answering sipp, with no
//   ICE servers and with an unreachable STUN server (a loopback port nothing listens on), calls
//   300 ms apart;
// - 20 sequential calls with media, renderer heap after the 1st and the 20th;
// - re-registration after a Kamailio restart.
// The rig needs a private network namespace: the section re-runs this file as a child inside
// `unshare --net`. Run alone: `npx tsx bench/phone.ts` (or BENCH_ONLY=phone npm run bench).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { formatTable, median, percentile, type BenchRow, type BenchSection } from './harness';

const CHILD_FLAG = '--child';
const MARK = 'PHONE_BENCH_ROWS ';
const SECTION = 'phone';
/** Pause between hanging up and the next click: quicker than any seller. */
const GAP_MS = 300;

export const phoneSection: BenchSection = {
  name: SECTION,
  run: () => runInNamespace(),
};

function runInNamespace(): Promise<BenchRow[]> {
  const ns = process.getuid?.() === 0 ? ['unshare', '--net'] : ['unshare', '--map-root-user', '--net'];
  const script = `ip link set lo up && exec npx tsx ${JSON.stringify(import.meta.filename)} ${CHILD_FLAG}`;
  return new Promise((resolve, reject) => {
    const child = spawn(ns[0]!, [...ns.slice(1), 'bash', '-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) reject(new Error(`phone bench failed (exit ${code}):\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(MARK.length)) as BenchRow[]);
    });
  });
}

async function measure(): Promise<BenchRow[]> {
  const { launchChromium } = await import('../tests/rig/chromium.js');
  const { startRig } = await import('../tests/rig/rig.js');
  const { startSippUas } = await import('../tests/rig/sipp.js');
  const { openEnginePhone, rigAccount, startEngineServer } = await import('../tests/rig/engine-server.js');
  type Phone = Awaited<ReturnType<typeof openEnginePhone>>;

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const progress = (m: string) => process.stderr.write(`bench phone: ${m}\n`);
  const rows: BenchRow[] = [];
  const row = (name: string, value: number, extra: Partial<BenchRow> = {}) =>
    rows.push({ section: SECTION, name, value, unit: 'ms', ...extra });

  const rig = await startRig();
  const web = await startEngineServer();
  const sipp = await startSippUas(rig, { toneHz: 1000 });
  const browser = await launchChromium({
    toneHz: 440,
    extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const pages: Phone[] = [];
  const open = async () => {
    const p = await openEnginePhone(browser, web.url, { endedLingerMs: 0 });
    pages.push(p);
    return p;
  };
  const unreachableStun: RTCIceServer[] = [{ urls: 'stun:127.0.0.1:3478' }];

  try {
    // -- registration at start: a fresh page each time -------------------------------------------
    const reg: number[] = [];
    for (let i = 0; i < 7; i++) {
      const p = await open();
      await p.configure(rigAccount(rig, 'alice'));
      await p.waitFor('registered', (s) => s.registration.kind === 'registered');
      const t = await p.connectionTimes();
      reg.push(t.registeredAt! - t.wsOpenAt!);
      await p.dispose();
      await p.close();
    }
    progress(`registration ${reg.map((v) => v.toFixed(0)).join(' ')}`);
    row('registration at start: WebSocket open to 200 OK (fresh page), median of 7', median(reg), {
      target: '< 100 ms',
    });

    // -- click to INVITE / established --------------------------------------------------------------
    const engine = await open();
    const baseline = await open();

    async function engineCalls(n: number, prepare: boolean) {
      const invite: number[] = [];
      const established: number[] = [];
      for (let i = 0; i < n; i++) {
        if (prepare) await engine.prepare();
        await engine.clearWire();
        const id = await engine.call('sipp');
        const click = (await engine.marks())[`${id}:click`]!;
        const sent = (await engine.wire()).find((w) => w.dir === 'out' && w.line.startsWith('INVITE') && w.t >= click);
        const call = await engine.waitFor('answered', (s) => s.calls.find((c) => c.id === id && c.answeredAt));
        invite.push(sent!.t - click);
        established.push(call.answeredAt! - click);
        await engine.hangup(id);
        await sleep(GAP_MS);
      }
      return { invite, established };
    }

    async function baselineCalls(n: number) {
      const invite: number[] = [];
      const established: number[] = [];
      for (let i = 0; i < n; i++) {
        await baseline.clearWire();
        const id = await baseline.baselineCall('sipp');
        const deadline = Date.now() + 15_000;
        while ((await baseline.baselineState(id)) !== 'Established' && Date.now() < deadline) await sleep(10);
        const marks = await baseline.marks();
        const click = marks[`${id}:click`]!;
        const sent = (await baseline.wire()).find((w) => w.line.startsWith('INVITE') && w.t >= click);
        invite.push(sent!.t - click);
        established.push(marks[`${id}:Established`]! - click);
        await baseline.baselineHangup(id);
        await sleep(GAP_MS);
      }
      return { invite, established };
    }

    for (const [label, iceServers, baselineRuns] of [
      ['no ICE servers', [] as RTCIceServer[], 20],
      ['unreachable STUN server', unreachableStun, 5],
    ] as const) {
      await engine.configure(rigAccount(rig, 'alice', { iceServers, iceGatheringTimeoutMs: 5000 }));
      await engine.waitFor('registered', (s) => s.registration.kind === 'registered');
      await baseline.baselineRegister(rig.wsUrl, 'carol', rig.users.carol.password, iceServers);
      await engineCalls(2, false); // warm the page's code paths and the fake microphone
      const base = await baselineCalls(baselineRuns);
      const cold = await engineCalls(20, false);
      const prepared = await engineCalls(20, true);
      await baseline.baselineStop();
      progress(`${label}: baseline ${base.invite.map((v) => v.toFixed(0)).join(' ')}`);
      progress(`${label}: engine ${cold.invite.map((v) => v.toFixed(1)).join(' ')}`);
      progress(`${label}: prepared ${prepared.invite.map((v) => v.toFixed(1)).join(' ')}`);
      const b = { baseline: median(base.invite) };
      row(`click to INVITE, ${label}: median of 20`, median(cold.invite), b);
      row(`click to INVITE, ${label}: p95 of 20`, percentile(cold.invite, 95), {
        baseline: percentile(base.invite, 95),
        target: '< 30 ms',
      });
      row(`click to INVITE, ${label}, prepare() first: median of 20`, median(prepared.invite), b);
      row(`click to INVITE, ${label}, prepare() first: p95 of 20`, percentile(prepared.invite, 95), {
        baseline: percentile(base.invite, 95),
        target: '< 30 ms',
      });
      row(`click to established (sipp answers), ${label}: p95 of 20`, percentile(cold.established, 95), {
        baseline: percentile(base.established, 95),
        target: '< 120 ms',
      });
    }

    // -- 20 sequential calls with media, heap ------------------------------------------------------
    await engine.configure(rigAccount(rig, 'alice'));
    await engine.waitFor('registered', (s) => s.registration.kind === 'registered');
    let withMedia = 0;
    let heapFirst = 0;
    let heapLast = 0;
    for (let i = 1; i <= 20; i++) {
      const id = await engine.call('sipp');
      await engine.waitFor('active', (s) => s.calls.find((c) => c.id === id && c.state === 'active'));
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && (await engine.rtpCounters(id)).received < 10) await sleep(50);
      if ((await engine.rtpCounters(id)).received >= 10) withMedia++;
      await engine.hangup(id);
      await engine.waitFor('gone', (s) => !s.calls.some((c) => c.id === id));
      await sleep(100);
      if (i === 1) heapFirst = await engine.heapBytes();
      if (i === 20) heapLast = await engine.heapBytes();
    }
    row('20 sequential calls: calls with media', withMedia, { unit: 'count', target: '20' });
    row('renderer heap after the 1st call', heapFirst / 1e6, { unit: 'MB' });
    row('renderer heap after the 20th call', heapLast / 1e6, {
      unit: 'MB',
      target: `within 10% (<= ${((heapFirst * 1.1) / 1e6).toFixed(1)} MB)`,
    });

    // -- re-registration after a Kamailio restart ----------------------------------------------------
    const back: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = (await engine.connectionTimes()).registeredAt ?? 0;
      const { readyAt } = await rig.restartKamailio({ downMs: 1000 });
      const t = await engine.waitFor(
        're-registered',
        (s) => s.registration.kind === 'registered' && s.registration.since > before && s.registration.since,
        15_000,
      );
      back.push(t - readyAt);
      await sleep(300);
    }
    progress(`re-register after restart ${back.map((v) => v.toFixed(0)).join(' ')}`);
    row('re-registered after Kamailio restart (1 s down): from Kamailio ready, median of 3', median(back), {
      target: '< 5000 ms',
    });
  } finally {
    await Promise.allSettled(pages.map((p) => p.dispose()));
    await Promise.allSettled([browser.close(), web.close(), sipp.stop()]);
    await rig.stop();
  }
  return rows;
}

if (process.argv.includes(CHILD_FLAG)) {
  const rows = await measure();
  console.log(MARK + JSON.stringify(rows));
  process.exit(0);
} else if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('bench/phone.ts')) {
  const t = performance.now();
  const rows = await phoneSection.run({ workDir: '', leads: 0, calls: 0, dataDir: '', naiveFile: '' });
  console.log(formatTable(rows));
  console.log(`(${((performance.now() - t) / 1000).toFixed(0)} s)`);
}
