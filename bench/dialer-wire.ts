// Dialer figures on the wire: the real web host (bench/dialer-wire-host.ts: createCore + the built
// renderer), the app in Chromium registered at the rig's Kamailio (rtpengine for media), and lead
// numbers registered at sipp UASs that answer or are busy (numbers nobody registered: Kamailio 404).
// Power sessions with a 0 s wrap-up, run by a driver inside the page (Chromium over plain CDP, see
// tests/rig/bare-chromium.ts): it hangs up answered calls from the phone panel and sends
// `dialer.saveOutcome` over its own WebSocket.
// 1. The seller's disposition (the page sends `dialer.saveOutcome`) to the next INVITE at sipp
//    (sipp's -trace_msg timestamps; same machine clock), with the next call chosen and prepared
//    during the wrap-up (the product) against a host started without look-ahead
//    (`prepareNextCall: false`: the next lead chosen after the disposition, nothing prepared),
//    in alternating blocks of the same run.
// 2. A power session over DIALER_WIRE_LEADS leads (default 1000; busy, unknown and some answered):
//    no lead dialled twice (sipp's INVITE count per number, one journal record per lead), no
//    acknowledged disposition lost (on disk once the host has stopped), the journal append p99
//    (append() to resolved, in the host), and the calls per minute achieved.
// The rig needs a private network namespace: the section re-runs this file inside `unshare --net`.
// Run alone: `BENCH_ONLY='dialer wire' npm run bench` or `npx tsx bench/dialer-wire.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { BareBrowser, BarePage } from '../tests/rig/bare-chromium';
import type { Rig } from '../tests/rig/rig';
import { formatTable, median, percentile, type BenchRow, type BenchSection } from './harness';

const CHILD_FLAG = '--child';
/** The host's last stdout line (bench/dialer-wire-host.ts). */
const APPEND_MARK = 'JOURNAL_APPEND_MS ';
const MARK = 'DIALER_WIRE_ROWS ';
const SECTION = 'dialer wire';
const root = path.resolve(import.meta.dirname, '..');
/** Figure 1: blocks per mode, leads per block (a block's last disposition has no next call). */
const BLOCKS = Number(process.env.DIALER_WIRE_BLOCKS ?? 4);
const PER_BLOCK = Number(process.env.DIALER_WIRE_BLOCK_LEADS ?? 13);
const SESSION_LEADS = Number(process.env.DIALER_WIRE_LEADS ?? 1000);
/** The seller's time on an answered call, then before the disposition (far quicker than any seller). */
const TALK_MS = 300;
const THINK_MS = 300;

export const dialerWireSection: BenchSection = {
  name: SECTION,
  run: (ctx) => runInNamespace(ctx.workDir),
};

function runInNamespace(workDir: string): Promise<BenchRow[]> {
  const ns = process.getuid?.() === 0 ? ['unshare', '--net'] : ['unshare', '--map-root-user', '--net'];
  const script = `ip link set lo up && exec npx tsx ${JSON.stringify(import.meta.filename)} ${CHILD_FLAG}`;
  return new Promise((resolve, reject) => {
    const child = spawn(ns[0]!, [...ns.slice(1), 'bash', '-c', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DIALER_WIRE_DIR: workDir },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) reject(new Error(`dialer wire bench failed (exit ${code}):\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(MARK.length)) as BenchRow[]);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (m: string) => process.stderr.write(`bench dialer wire: ${m}\n`);

// ---- lead phones: sipp UASs with message traces (timestamps), numbers registered in bulk

type Behaviour = 'answer' | 'busy' | 'unknown';

interface Invite {
  number: string;
  callId: string;
  /** Epoch ms (sipp's trace time, microseconds). */
  at: number;
}

/** Each new INVITE (first sight of its Call-ID) in a sipp -trace_msg file, with its time. */
export function tracedInvites(trace: string): Invite[] {
  const out: Invite[] = [];
  const seen = new Set<string>();
  const blocks = trace.split(/^-{10,} (\d{4}-\d{2}-\d{2})[ \t](\d{2}:\d{2}:\d{2})\.(\d{6})\s*$/m);
  // split with groups: [before, date, time, micros, body, date, time, micros, body, …]
  for (let i = 1; i + 3 < blocks.length; i += 4) {
    const body = blocks[i + 3] ?? '';
    if (!/message received/.test(body)) continue;
    const message = body.replace(/^[\s\S]*?message received[^\n]*\n\s*\n?/, '').trimStart();
    const request = /^INVITE sip:([^@;>\s]+)@/.exec(message);
    if (!request) continue;
    const callId = /^(?:Call-ID|i):\s*(\S+)/im.exec(message)?.[1] ?? message;
    if (seen.has(callId)) continue; // a retransmission
    seen.add(callId);
    // sipp writes local time.
    const at = new Date(`${blocks[i]}T${blocks[i + 1]}`).getTime() + Number(blocks[i + 2]) / 1000;
    out.push({ number: decodeURIComponent(request[1]!), callId, at });
  }
  return out;
}

interface Peers {
  invites(): Invite[];
  register(numbers: Readonly<Record<string, Behaviour>>): Promise<void>;
  stop(): Promise<void>;
}

async function startPeers(rig: Rig, dir: string): Promise<Peers> {
  const { startRtpSink, writeAnswerScenario } = await import('../tests/rig/sipp-dialer.js');
  const { RIG_HOST } = await import('../tests/rig/rig.js');
  const sippDir = path.join(root, 'tests', 'rig', 'sipp');
  const rtp = await startRtpSink();
  // The same scenario files as the e2e tests (one template, one place that fills it in).
  const scenario = { answer: writeAnswerScenario(dir, rtp.port), busy: path.join(sippDir, 'lead-busy.xml') };
  const procs: ChildProcess[] = [];
  const uas = {} as Record<'answer' | 'busy', { port: number; trace: string }>;
  let port = 15060 + Math.floor(Math.random() * 1000) * 2;
  for (const behaviour of ['answer', 'busy'] as const) {
    port += 2;
    const trace = path.join(dir, `${behaviour}.messages.log`);
    const args = [
      ...`-i ${RIG_HOST} -p ${port} -s lead -nostdin -trace_msg -message_file`.split(' '),
      trace,
      '-sf',
      scenario[behaviour],
    ];
    procs.push(spawn('sipp', args, { stdio: 'ignore' }));
    uas[behaviour] = { port, trace };
  }
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    invites: () => [...tracedInvites(read(uas.answer.trace)), ...tracedInvites(read(uas.busy.trace))],
    async register(numbers) {
      const rows = Object.entries(numbers).filter(([, b]) => b !== 'unknown');
      if (rows.length === 0) return;
      // One sipp process registers every number (one "call" per line of the injection file).
      const csv = path.join(dir, `register-${Date.now()}.csv`);
      writeFileSync(
        csv,
        [
          'SEQUENTIAL',
          ...rows.map(
            ([n, b]) => `${n};${uas[b as 'answer' | 'busy'].port};[authentication username=${n} password=leadpw]`,
          ),
        ].join('\n') + '\n',
      );
      const log = path.join(dir, 'register.log');
      const reg = spawn(
        'sipp',
        [
          ...`-i ${RIG_HOST} -p ${port + 2} -nostdin -sf`.split(' '),
          path.join(import.meta.dirname, 'sipp', 'register-leads.xml'),
          '-inf',
          csv,
          ...`-m ${rows.length} -r 200 -l 50 -timeout 120s -timeout_error -trace_err -error_file`.split(' '),
          log,
          rig.sipUdp,
        ],
        { stdio: 'ignore' },
      );
      const code = await new Promise<number | null>((r) => reg.once('exit', r));
      if (code !== 0)
        throw new Error(`sipp could not register the lead numbers (exit ${code})\n${read(log).slice(-2000)}`);
    },
    async stop() {
      for (const p of procs) p.kill('SIGTERM');
      await Promise.all(procs.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
      await rtp.close();
    },
  };
}

// ---- numbers in a zone where calling is allowed now

async function callableNumbers(count: number): Promise<string[]> {
  const { placeAt } = await import('../tests/e2e/support/dialer-session.js');
  const { parsePhone } = await import('../src/shared/phone.js');
  // US preset (08:00-21:00 at the callee's): a zone where it is 09:00-19:00 now, closest to 14:00.
  const place = placeAt(new Date(), { from: 9 * 60, to: 19 * 60, target: 14 * 60 });
  const out: string[] = [];
  for (let n = 0; n < 100_000 && out.length < count; n++) {
    const candidate = place.base.slice(0, -5) + String(n).padStart(5, '0');
    const parsed = parsePhone(candidate);
    if (parsed.ok && parsed.e164 === candidate) out.push(candidate);
  }
  if (out.length < count) throw new Error(`only ${out.length} valid numbers in ${place.zone}`);
  progress(`${count} numbers in ${place.zone}`);
  return out;
}

// ---- the web host and the app

interface Host {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Stops the host; resolves with its journal append latencies (ms). */
  stop(): Promise<number[]>;
}

/** Every host started, stopped at the end whatever happens (a leftover would hold stderr open). */
const liveHosts = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of liveHosts) c.kill('SIGKILL');
});

async function startHost(dir: string, provisioning: object, prepare: boolean): Promise<Host> {
  mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, 'data');
  const provision = path.join(dir, 'provisioning.json');
  writeFileSync(provision, JSON.stringify(provisioning));
  const args = ['--import', 'tsx', path.join(import.meta.dirname, 'dialer-wire-host.ts'), '--data-dir', dataDir];
  args.push('--provision', provision, ...(prepare ? [] : ['--no-prepare']));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  liveHosts.add(child);
  child.once('exit', () => liveHosts.delete(child));
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench web host not ready in 30 s')), 30_000);
    const check = () => {
      const m = /^Relance ready at (http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(m);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`bench web host exited with ${code}`)));
  });
  return {
    url: `${ready[1]}#token=${ready[2]}`,
    origin: ready[1]!.replace(/\/$/, ''),
    token: ready[2]!,
    dataDir,
    stop: () =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error('the host had stopped'));
        child.once('exit', () => {
          const line = out.split('\n').find((l) => l.startsWith(APPEND_MARK));
          if (line) resolve(JSON.parse(line.slice(APPEND_MARK.length)) as number[]);
          else reject(new Error('the bench web host did not report its journal appends'));
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The contract from Node, for setup (leads, lists): one WebSocket, requests pipelined. */
async function connect(host: Host) {
  const ws = new WebSocket(`${host.origin.replace(/^http/, 'ws')}/rpc?token=${host.token}`, {
    headers: { Origin: host.origin },
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let id = 0;
  const pending = new Map<number, (r: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as { kind: string; id?: number; result?: never };
    if (m.kind === 'response' && m.id !== undefined) pending.get(m.id)?.(m.result!);
  });
  return {
    async request<T>(method: string, payload: unknown): Promise<T> {
      const n = ++id;
      const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
        pending.set(n, resolve);
        ws.send(JSON.stringify({ id: n, method, payload }));
      });
      pending.delete(n);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    close: () => ws.close(),
  };
}
type Rpc = Awaited<ReturnType<typeof connect>>;

async function createLeads(rpc: Rpc, numbers: readonly string[], tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < numbers.length; i += 50) {
    const chunk = numbers.slice(i, i + 50);
    const made = await Promise.all(
      chunk.map((number, j) =>
        rpc.request<{ id: string }>('leads.create', {
          draft: {
            contact: {
              kind: 'individual',
              firstName: `${tag}${i + j}`,
              lastName: 'Banc',
              phones: [{ e164: number, raw: number, type: 'mobile', preferred: true }],
            },
            vehicles: [],
            stage: 'contacted',
            tags: [],
            consents: [],
          },
        }),
      ),
    );
    ids.push(...made.map((m) => m.id));
  }
  return ids;
}

/** What the page's driver noted for each disposition it sent. */
interface Sent {
  sessionId: string;
  recordId: string;
  number: string;
  /** Epoch ms in the page (performance.timeOrigin + now) when the request left, and its answer came. */
  sentAt: number;
  ackAt: number;
  ok: boolean;
  error?: string;
}
interface DriverState {
  done: boolean;
  stopReason?: string;
  sessionId?: string;
  log: Sent[];
  /** Page times when `dialer.placeCall` arrived. */
  placeCalls: number[];
  error?: string;
}

/**
 * The seller, inside the page: on its own WebSocket it hears `dialer.changed`, hangs up an answered
 * call from the phone panel after `talkMs`, and `thinkMs` after a wrap-up that needs the seller
 * sends `dialer.saveOutcome` ("answered"), noting when. Plain JavaScript (a string): the bench's
 * TypeScript transform would add helpers the page does not have.
 */
const DRIVER = `({ url, talkMs, thinkMs }) => {
  const now = () => performance.timeOrigin + performance.now();
  const d = { done: false, log: [], placeCalls: [], sessionId: undefined, stopReason: undefined, error: undefined };
  window.__wire = d;
  const ws = new WebSocket(url);
  const pending = new Map();
  let id = 1000;
  const request = (method, payload) =>
    new Promise((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      ws.send(JSON.stringify({ id: n, method, payload }));
    });
  const hungUp = new Set();
  const disposed = new Set();
  const hangUp = () => {
    const button = [...document.querySelectorAll('aside.phone .call-card button')].find(
      (b) => b.textContent.trim() === 'Raccrocher',
    );
    if (button) button.click();
    else d.error = 'no hang-up button on an answered call';
  };
  d.start = async (listId) => {
    d.done = false;
    d.stopReason = undefined;
    d.sessionId = undefined;
    const r = await request('dialer.start', { listId, mode: 'power' });
    if (!r.ok) d.error = 'dialer.start: ' + JSON.stringify(r.error);
    else d.sessionId = r.value.sessionId;
  };
  ws.onmessage = (message) => {
    const data = JSON.parse(String(message.data));
    if (data.kind === 'response') {
      const resolve = pending.get(data.id);
      pending.delete(data.id);
      if (resolve) resolve(data.result);
      return;
    }
    // Core's request to the softphone reaches every connection: when it came, for the split.
    if (data.event === 'dialer.placeCall') d.placeCalls.push(now());
    if (data.event !== 'dialer.changed') return;
    const v = data.payload;
    if (d.sessionId !== undefined && v.sessionId !== d.sessionId) return;
    d.last = { state: v.state, problem: v.problem, pauseReason: v.pauseReason };
    if (v.state === 'connected' && v.callId && !hungUp.has(v.callId)) {
      hungUp.add(v.callId);
      setTimeout(hangUp, talkMs);
    } else if (v.state === 'wrap-up' && v.disposition === 'needed' && v.recordId && !disposed.has(v.recordId)) {
      disposed.add(v.recordId);
      const entry = { sessionId: v.sessionId, recordId: v.recordId, number: v.current && v.current.number };
      setTimeout(() => {
        const sentAt = now();
        request('dialer.saveOutcome', { disposition: 'answered' }).then((r) =>
          d.log.push({ ...entry, sentAt, ackAt: now(), ok: r.ok, error: r.ok ? undefined : JSON.stringify(r.error) }),
        );
      }, thinkMs);
    } else if (v.state === 'stopped' && d.sessionId !== undefined && v.sessionId === d.sessionId) {
      d.done = true;
      d.stopReason = v.stopReason;
    }
  };
  return new Promise((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error('driver websocket refused'));
  });
}`;

async function installDriver(page: BarePage, host: Host, talkMs: number, thinkMs: number): Promise<void> {
  const url = `${host.origin.replace(/^http/, 'ws')}/rpc?token=${host.token}`;
  await page.evaluate(`(${DRIVER})(${JSON.stringify({ url, talkMs, thinkMs })})`);
}

const driverState = (page: BarePage) =>
  page.evaluate(
    '({ done: window.__wire.done, stopReason: window.__wire.stopReason, sessionId: window.__wire.sessionId, log: window.__wire.log, placeCalls: window.__wire.placeCalls, error: window.__wire.error })',
  ) as Promise<DriverState>;

/** Starts a power session on `listId` from the page and waits until it stops. */
async function runSession(page: BarePage, listId: string, timeoutMs: number): Promise<DriverState & { ms: number }> {
  const t = performance.now();
  await page.evaluate(`window.__wire.start(${JSON.stringify(listId)})`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await driverState(page);
    if (s.error) throw new Error(`driver: ${s.error}`);
    if (s.done) {
      await sleep(THINK_MS + 200); // the last acknowledgement
      return { ...(await driverState(page)), ms: performance.now() - t };
    }
    if (Date.now() > deadline)
      throw new Error(
        `the session ${s.sessionId} did not finish in ${timeoutMs} ms; last seen ${JSON.stringify(await page.evaluate('window.__wire.last'))}`,
      );
    await sleep(200);
  }
}

interface AppHost {
  host: Host;
  rpc: Rpc;
  page: BarePage;
}

async function openAppHost(
  rig: Rig,
  browser: BareBrowser,
  dir: string,
  user: 'alice' | 'bob' | 'carol',
  prepare: boolean,
  timing: { talkMs: number; thinkMs: number },
): Promise<AppHost> {
  const u = rig.users[user];
  const host = await startHost(
    dir,
    {
      sip: { server: rig.wsUrl, uri: u.uri, password: u.password, displayName: u.user },
      ice: { servers: [], gatheringTimeoutMs: 300 },
      rules: 'US',
      dialer: { previewSeconds: 0, ringTimeoutSeconds: 5, wrapUpSeconds: 0 },
    },
    prepare,
  );
  const page = await browser.newPage(host.url);
  const registration = `document.querySelector('aside.phone .phone-status')?.getAttribute('data-registration')`;
  const deadline = Date.now() + 15_000;
  while ((await page.evaluate<string | null>(registration).catch(() => null)) !== 'registered') {
    if (Date.now() > deadline) throw new Error(`the app (${user}) did not register at Kamailio`);
    await sleep(100);
  }
  await installDriver(page, host, timing.talkMs, timing.thinkMs);
  return { host, rpc: await connect(host), page };
}

// ---- the figures

async function measure(): Promise<BenchRow[]> {
  const { launchBareChromium } = await import('../tests/rig/bare-chromium.js');
  const { startRig } = await import('../tests/rig/rig.js');
  const workDir = mkdtempSync(path.join(process.env.DIALER_WIRE_DIR || os.tmpdir(), 'dialer-wire-'));
  const rows: BenchRow[] = [];
  const row = (name: string, value: number, extra: Partial<BenchRow> = {}) =>
    rows.push({ section: SECTION, name, value, unit: 'ms', ...extra });
  const load = () => os.loadavg()[0]!.toFixed(1);

  const rig = await startRig();
  const browser = await launchBareChromium({ toneHz: 440 });
  const peers = await startPeers(rig, workDir);
  const hosts: Host[] = [];
  try {
    const perMode = BLOCKS * PER_BLOCK;
    const numbers = await callableNumbers(2 * perMode + SESSION_LEADS);

    // -- 1. disposition -> next INVITE, with and without look-ahead ------------------------------
    const timing = { talkMs: TALK_MS, thinkMs: THINK_MS };
    const modes = {
      prepared: await openAppHost(rig, browser, path.join(workDir, 'prepared'), 'alice', true, timing),
      baseline: await openAppHost(rig, browser, path.join(workDir, 'baseline'), 'bob', false, timing),
    };
    hosts.push(modes.prepared.host, modes.baseline.host);
    const modeNumbers = { prepared: numbers.slice(0, perMode), baseline: numbers.slice(perMode, 2 * perMode) };
    await peers.register(
      Object.fromEntries([...modeNumbers.prepared, ...modeNumbers.baseline].map((n) => [n, 'answer'])),
    );
    const modeLeads = {
      prepared: await createLeads(modes.prepared.rpc, modeNumbers.prepared, 'P'),
      baseline: await createLeads(modes.baseline.rpc, modeNumbers.baseline, 'B'),
    };
    const sessions: { mode: 'prepared' | 'baseline'; numbers: string[]; log: Sent[]; placeCalls: number[] }[] = [];
    const loadSeen: string[] = [load()];
    for (let b = 0; b < BLOCKS; b++) {
      for (const mode of b % 2 === 0 ? (['prepared', 'baseline'] as const) : (['baseline', 'prepared'] as const)) {
        const { rpc, page } = modes[mode];
        const slice = modeLeads[mode].slice(b * PER_BLOCK, (b + 1) * PER_BLOCK);
        const list = await rpc.request<{ id: string }>('callbackLists.create', {
          name: `${mode} ${b}`,
          source: { kind: 'selection', leadIds: slice },
          scope: 'anyone',
        });
        const s = await runSession(page, list.id, 120_000);
        if (s.stopReason !== 'list-done') throw new Error(`${mode} block ${b} stopped: ${s.stopReason}`);
        sessions.push({
          mode,
          numbers: modeNumbers[mode].slice(b * PER_BLOCK, (b + 1) * PER_BLOCK),
          log: s.log.filter((l) => l.sessionId === s.sessionId),
          placeCalls: s.placeCalls,
        });
        progress(
          `${mode} block ${b}: ${sessions.at(-1)!.log.length} dispositions in ${(s.ms / 1000).toFixed(1)} s, load ${load()}`,
        );
      }
      loadSeen.push(load());
    }
    await sleep(500);
    const invites = peers.invites();
    const toInvite = { prepared: [] as number[], baseline: [] as number[] };
    // The split: disposition -> `dialer.placeCall` in the page (core), then -> INVITE (softphone).
    const toPlaceCall = { prepared: [] as number[], baseline: [] as number[] };
    const placeToInvite = { prepared: [] as number[], baseline: [] as number[] };
    let twice = 0;
    for (const s of sessions) {
      const mine = invites.filter((i) => s.numbers.includes(i.number));
      twice += mine.length - new Set(mine.map((i) => i.number)).size;
      if (new Set(mine.map((i) => i.number)).size !== s.numbers.length)
        throw new Error(`${s.mode}: ${mine.length} INVITEs for ${s.numbers.length} leads`);
      for (const sent of s.log) {
        if (!sent.ok) throw new Error(`${s.mode}: a disposition failed: ${sent.error}`);
        const next = mine.filter((i) => i.at > sent.sentAt).sort((a, b) => a.at - b.at)[0];
        const asked = s.placeCalls.filter((t) => t > sent.sentAt).sort((a, b) => a - b)[0];
        if (next) toInvite[s.mode].push(next.at - sent.sentAt);
        if (next && asked !== undefined && asked < next.at) {
          toPlaceCall[s.mode].push(asked - sent.sentAt);
          placeToInvite[s.mode].push(next.at - asked);
        } else if (sent !== s.log.at(-1)) throw new Error(`${s.mode}: no INVITE after a disposition`);
      }
    }
    if (twice > 0) throw new Error(`figure 1: ${twice} leads were dialled twice`);
    const fmt = (v: number[]) => v.map((x) => x.toFixed(1)).join(' ');
    progress(`prepared ${fmt(toInvite.prepared)}`);
    progress(`baseline ${fmt(toInvite.baseline)}`);
    const p = toInvite.prepared;
    const base = toInvite.baseline;
    const loads = `load ${loadSeen.join('/')}`;
    row(
      `disposition sent (page) -> next INVITE at sipp, power, wrap-up 0, answered calls: median of ${p.length} (baseline: no look-ahead, ${base.length})`,
      median(p),
      { baseline: median(base) },
    );
    row(`disposition sent (page) -> next INVITE at sipp: p95 (${loads})`, percentile(p, 95), {
      baseline: percentile(base, 95),
      target: '< 50 ms',
    });
    row('  of which disposition sent -> dialer.placeCall in the page (core), median', median(toPlaceCall.prepared), {
      baseline: median(toPlaceCall.baseline),
    });
    row(
      '  of which dialer.placeCall in the page -> INVITE at sipp (softphone), median',
      median(placeToInvite.prepared),
      {
        baseline: median(placeToInvite.baseline),
      },
    );
    for (const m of Object.values(modes)) m.rpc.close();
    await Promise.all([modes.prepared.page.close(), modes.baseline.page.close()]);
    await Promise.all([modes.prepared.host.stop(), modes.baseline.host.stop()]);
    hosts.length = 0;

    // -- 2. a long power session ---------------------------------------------------------------
    const sessionNumbers = numbers.slice(2 * perMode);
    const behaviourOf = (i: number): Behaviour => (i % 100 < 3 ? 'answer' : i % 100 < 23 ? 'unknown' : 'busy');
    const behaviour = new Map(sessionNumbers.map((n, i) => [n, behaviourOf(i)]));
    const app = await openAppHost(rig, browser, path.join(workDir, 'session'), 'carol', true, {
      talkMs: 100,
      thinkMs: 100,
    });
    hosts.push(app.host);
    let t = performance.now();
    await peers.register(Object.fromEntries(behaviour));
    const registerMs = performance.now() - t;
    t = performance.now();
    const leadIds = await createLeads(app.rpc, sessionNumbers, 'S');
    const list = await app.rpc.request<{ id: string }>('callbackLists.create', {
      name: 'Mille',
      source: { kind: 'selection', leadIds },
      scope: 'anyone',
    });
    progress(
      `${sessionNumbers.length} numbers registered in ${(registerMs / 1000).toFixed(1)} s, leads and list in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    // Setup done: the bench's own connection would receive every event of the session, a third
    // client the product never has (one page per core).
    app.rpc.close();
    const invitesBefore = peers.invites().length;
    const loadBefore = load();
    const run = await runSession(app.page, list.id, 9 * 60_000);
    const loadAfter = load();
    if (run.stopReason !== 'list-done') throw new Error(`the session stopped: ${run.stopReason}`);
    await app.page.close();
    const appendMs = await app.host.stop();
    hosts.length = 0;
    await sleep(300);

    // Dialled twice? sipp's INVITEs per number (busy and answered numbers), and the journal.
    const sessionInvites = peers.invites().slice(0);
    const perNumber = new Map<string, number>();
    for (const i of sessionInvites)
      if (behaviour.has(i.number)) perNumber.set(i.number, (perNumber.get(i.number) ?? 0) + 1);
    const reachable = sessionNumbers.filter((n) => behaviour.get(n) !== 'unknown');
    const dialledTwice = [...perNumber.values()].filter((c) => c > 1).length;
    const neverReached = reachable.filter((n) => !perNumber.has(n)).length;
    const records = journalRecords(app.host.dataDir).filter((r) => r.dialerSessionId === run.sessionId);
    const recordsPerLead = new Map<string, number>();
    for (const r of records) recordsPerLead.set(String(r.leadId), (recordsPerLead.get(String(r.leadId)) ?? 0) + 1);
    const leadsTwice = [...recordsPerLead.values()].filter((c) => c > 1).length;
    const leadsMissing = leadIds.filter((id) => !recordsPerLead.has(id)).length;
    // Acknowledged dispositions: the seller's in the outcome log, SIP's in the journal record.
    const outcomes = outcomeLog(app.host.dataDir);
    const acked = run.log.filter((l) => l.ok);
    const lostSeller = acked.filter((l) => outcomes.get(l.recordId) !== 'answered').length;
    const expectedAuto: Record<Behaviour, string | undefined> = {
      answer: undefined,
      busy: 'busy',
      unknown: 'invalid-number',
    };
    const wrongAuto = records.filter((r) => {
      const want = expectedAuto[behaviour.get(String(r.number))!];
      return want !== undefined && r.disposition !== want;
    }).length;
    const answered = records.filter((r) => behaviour.get(String(r.number)) === 'answer').length;
    const minutes = run.ms / 60_000;
    progress(
      `session: ${records.length} calls in ${(run.ms / 1000).toFixed(0)} s; INVITEs at sipp ${sessionInvites.length - invitesBefore} for ${reachable.length} reachable numbers; ${acked.length}/${run.log.length} dispositions acknowledged`,
    );
    const n = sessionNumbers.length;
    const problems = dialledTwice + leadsTwice + leadsMissing + neverReached + lostSeller + wrongAuto;
    row(
      `${n}-lead power session (${reachable.length - answered} busy, ${n - reachable.length} unknown, ${answered} answered), wrap-up 0: leads dialled twice (sipp INVITEs per number; journal records per lead)`,
      dialledTwice + leadsTwice,
      { unit: 'count', target: '0' },
    );
    row(
      `${n}-lead session: acknowledged dispositions lost (${acked.length} seller's in the outcome log, ${records.length - answered} SIP's in the journal)`,
      lostSeller + wrongAuto,
      { unit: 'count', target: '0' },
    );
    if (problems > 0)
      progress(
        `PROBLEMS: twice ${dialledTwice}/${leadsTwice}, missing ${leadsMissing}, never reached ${neverReached}, lost ${lostSeller}, wrong auto ${wrongAuto}`,
      );
    row(
      `${n}-lead session: journal append (append() to on disk, in core), median of ${appendMs.length}`,
      median(appendMs),
    );
    row(`${n}-lead session: journal append p99`, percentile(appendMs, 99), { target: '< 5 ms' });
    row(
      `${n}-lead session: calls per minute (${records.length} calls in ${(run.ms / 1000).toFixed(0)} s, load ${loadBefore} -> ${loadAfter})`,
      records.length / minutes,
      { unit: 'count' },
    );
    row(`${n}-lead session: time per call, mean`, run.ms / records.length);
  } finally {
    await Promise.allSettled(hosts.map((h) => h.stop()));
    for (const c of liveHosts) c.kill('SIGKILL');
    await Promise.allSettled([browser.close(), peers.stop()]);
    await rig.stop();
  }
  return rows;
}

function journalRecords(dataDir: string): Record<string, unknown>[] {
  const dir = path.join(dataDir, 'journal');
  const out: Record<string, unknown>[] = [];
  for (const name of readdirSync(dir).filter((n) => /^calls-\d{4}-\d{2}\.jsonl$/.test(n)))
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n'))
      if (line.trim() !== '') out.push(JSON.parse(line) as Record<string, unknown>);
  return out;
}

/** record id -> the seller's disposition, from the outcome log files on disk. */
function outcomeLog(dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dataDir).filter((n) => /^call-outcomes-\d{4}-\d{2}\.json$/.test(n))) {
    const file = JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')) as {
      outcomes?: Record<string, { disposition: string }>;
      data?: { outcomes?: Record<string, { disposition: string }> };
    };
    for (const [id, o] of Object.entries(file.outcomes ?? file.data?.outcomes ?? {})) out.set(id, o.disposition);
  }
  return out;
}

if (process.argv.includes(CHILD_FLAG)) {
  const rows = await measure();
  console.log(MARK + JSON.stringify(rows));
  process.exit(0);
} else if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('bench/dialer-wire.ts')) {
  const t = performance.now();
  const rows = await dialerWireSection.run({
    workDir: os.tmpdir(),
    leads: 0,
    calls: 0,
    dataDir: '',
    naiveFile: '',
  });
  console.log(formatTable(rows));
  console.log(`(${((performance.now() - t) / 1000).toFixed(0)} s)`);
}
