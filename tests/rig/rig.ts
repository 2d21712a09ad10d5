// Real SIP rig for e2e tests: rtpengine (user space) + Kamailio (registrar/proxy, SIP over WS).
// Everything binds to 127.0.0.1 on ports picked here, so several rigs can run side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RIG_HOST = '127.0.0.1';
/** Any E.164 user (a lead's phone in dialer tests) registers with this password. */
export const LEAD_PASSWORD = 'leadpw';

export interface RigUser {
  user: string;
  password: string;
  /** AOR, e.g. sip:alice@127.0.0.1 */
  uri: string;
}

/** `customer` registers as a French landline number, so caller ID can be matched to a lead. */
export type RigUserName = 'alice' | 'bob' | 'carol' | 'sipp' | 'customer';

export interface RigOptions {
  /** Keep the temp dir (configs + logs) after stop(). Default: keep only if RIG_KEEP=1. */
  keepDir?: boolean;
  /** Kamailio debug level (cfg `debug=`), default 2. */
  kamailioDebug?: number;
  /** Max ms to wait for each daemon to become ready. */
  startTimeoutMs?: number;
}

export interface Rig {
  /** ws://127.0.0.1:PORT for sip.js */
  wsUrl: string;
  /** "127.0.0.1:PORT" Kamailio's UDP listener (for sipp -r / outbound proxy) */
  sipUdp: string;
  udpPort: number;
  wsPort: number;
  domain: '127.0.0.1';
  users: Record<RigUserName, RigUser>;
  /** rtpengine media port range (inclusive) */
  rtpPorts: { min: number; max: number };
  /** Temp dir holding kamailio.cfg and the logs. */
  dir: string;
  logs: { kamailio: string; rtpengine: string };
  /** Last lines of both logs, for failure messages. */
  logTail(lines?: number): string;
  /** ms from startRig() call to WS port accepting. */
  startMs: number;
  /**
   * Stops Kamailio (SIGTERM: its WebSocket connections close), waits `downMs`, starts it again
   * with the same config and ports. Registrations are lost (usrloc is in memory). Epoch ms.
   */
  restartKamailio(opts?: { downMs?: number }): Promise<{ stoppedAt: number; readyAt: number }>;
  /** Freezes Kamailio (SIGSTOP): connections stay open but nothing answers. */
  pauseKamailio(): void;
  resumeKamailio(): void;
  stop(): Promise<void>;
}

const USERS: Record<RigUserName, { user: string; password: string }> = {
  alice: { user: 'alice', password: 'alicepw' },
  bob: { user: 'bob', password: 'bobpw' },
  carol: { user: 'carol', password: 'carolpw' },
  sipp: { user: 'sipp', password: 'sipppw' },
  customer: { user: '0478000001', password: 'customerpw' },
};

const here = dirname(fileURLToPath(import.meta.url));

function resolveBinary(name: string): string {
  for (const d of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin', '/bin']) {
    const p = join(d, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`${name} not found (apt-get install kamailio kamailio-websocket-modules rtpengine-daemon)`);
}

function freePort(kind: 'tcp' | 'udp'): Promise<number> {
  return new Promise((resolve, reject) => {
    if (kind === 'tcp') {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, RIG_HOST, () => {
        const addr = srv.address();
        const port = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => resolve(port));
      });
    } else {
      const s = createSocket('udp4');
      s.once('error', reject);
      s.bind(0, RIG_HOST, () => {
        const port = s.address().port;
        s.close(() => resolve(port));
      });
    }
  });
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, RIG_HOST, () => s.close(() => resolve(true)));
  });
}

/** A port free for both UDP and TCP (Kamailio's SIP port is UDP; keep TCP free too for future use). */
async function freeUdpPort(): Promise<number> {
  return freePort('udp');
}

/** A block of 200 UDP ports for rtpengine; random base so parallel rigs rarely collide. */
async function freeRtpRange(): Promise<{ min: number; max: number }> {
  for (let i = 0; i < 20; i++) {
    const min = 20000 + 2 * Math.floor(Math.random() * 10000);
    const max = min + 199;
    if ((await udpPortFree(min)) && (await udpPortFree(min + 100)) && (await udpPortFree(max))) {
      return { min, max };
    }
  }
  throw new Error('no free rtpengine port range');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ host: RIG_HOST, port });
    const done = (ok: boolean) => {
      c.destroy();
      resolve(ok);
    };
    c.once('connect', () => done(true));
    c.once('error', () => done(false));
    c.setTimeout(500, () => done(false));
  });
}

/** rtpengine NG protocol ping (bencode over UDP). */
function ngPing(port: number, timeoutMs = 50): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    const cookie = `rig${Math.floor(Math.random() * 1e9)}`;
    const timer = setTimeout(() => finish(false), timeoutMs);
    function finish(ok: boolean) {
      clearTimeout(timer);
      try {
        s.close();
      } catch {
        /* already closed */
      }
      resolve(ok);
    }
    s.on('message', (msg) => finish(msg.toString().startsWith(cookie) && msg.includes('pong')));
    s.on('error', () => finish(false));
    s.send(`${cookie} d7:command4:pinge`, port, RIG_HOST);
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  proc: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`${what} exited early (code ${proc.exitCode}, signal ${proc.signalCode})`);
    }
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms`);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function spawnDaemon(bin: string, args: string[], logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  // Own process group so stop() can reap forked workers with one signal to -pid.
  const p = spawn(bin, args, { stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  p.unref();
  return p;
}

function alive(p: ChildProcess): boolean {
  return p.exitCode === null && p.signalCode === null;
}

function signalGroup(p: ChildProcess, sig: NodeJS.Signals): void {
  if (p.pid === undefined) return;
  try {
    process.kill(-p.pid, sig);
  } catch {
    try {
      process.kill(p.pid, sig);
    } catch {
      /* gone */
    }
  }
}

async function stopProcess(p: ChildProcess, graceMs = 3000): Promise<void> {
  if (!alive(p)) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  signalGroup(p, 'SIGTERM');
  const ok = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!ok) {
    signalGroup(p, 'SIGKILL');
    await Promise.race([exited, sleep(1000)]);
  }
  // Workers may outlive the main process for a moment; make sure the group is gone.
  signalGroup(p, 'SIGKILL');
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if a test run dies without calling stop().
  process.once('exit', () => {
    for (const p of live) signalGroup(p, 'SIGKILL');
  });
}

export async function startRig(opts: RigOptions = {}): Promise<Rig> {
  const t0 = performance.now();
  const timeout = opts.startTimeoutMs ?? 10_000;
  const kamailioBin = resolveBinary('kamailio');
  const rtpengineBin = resolveBinary('rtpengine');

  const dir = mkdtempSync(join(tmpdir(), 'relance-rig-'));
  const logs = { kamailio: join(dir, 'kamailio.log'), rtpengine: join(dir, 'rtpengine.log') };
  const logTail = (n = 40) =>
    `--- rtpengine.log (tail) ---\n${tail(logs.rtpengine, n)}\n--- kamailio.log (tail) ---\n${tail(logs.kamailio, n)}`;

  const [udpPort, wsPort, ngPort] = [await freeUdpPort(), await freePort('tcp'), await freeUdpPort()];
  const rtpPorts = await freeRtpRange();

  installExitHook();
  const procs: ChildProcess[] = [];
  let kam: ChildProcess | undefined;
  const cfgFile = join(dir, 'kamailio.cfg');
  const kamailioArgs = (cfg: string) => [
    '-DD',
    '-E',
    '-f',
    cfg,
    '-P',
    join(dir, 'kamailio.pid'),
    '-Y',
    dir,
    '-w',
    dir,
    '-m',
    '64',
    '-M',
    '8',
  ];
  const stopAll = async () => {
    // Kamailio first so it stops sending commands to rtpengine.
    for (const p of [...procs].reverse()) {
      await stopProcess(p);
      live.delete(p);
    }
  };

  try {
    const rtpe = spawnDaemon(
      rtpengineBin,
      [
        '--config-file=none',
        '--table=-1',
        `--interface=${RIG_HOST}`,
        `--listen-ng=${RIG_HOST}:${ngPort}`,
        `--port-min=${rtpPorts.min}`,
        `--port-max=${rtpPorts.max}`,
        `--pidfile=${join(dir, 'rtpengine.pid')}`,
        '--foreground',
        '--log-stderr',
        '--log-level=6',
        '--delete-delay=0',
      ],
      logs.rtpengine,
    );
    procs.push(rtpe);
    live.add(rtpe);
    await waitFor('rtpengine', () => ngPing(ngPort), rtpe, timeout);

    const cfg = readFileSync(join(here, 'kamailio.cfg.tpl'), 'utf8')
      .replaceAll('{{UDP_PORT}}', String(udpPort))
      .replaceAll('{{WS_PORT}}', String(wsPort))
      .replaceAll('{{RTPE_NG_PORT}}', String(ngPort))
      .replace(/^debug=\d+/m, `debug=${opts.kamailioDebug ?? 2}`);
    writeFileSync(cfgFile, cfg);

    kam = spawnDaemon(kamailioBin, kamailioArgs(cfgFile), logs.kamailio);
    procs.push(kam);
    live.add(kam);
    await waitFor('kamailio', () => tcpAccepts(wsPort), kam, timeout);
  } catch (err) {
    await stopAll();
    const e = err instanceof Error ? err : new Error(String(err));
    e.message = `rig start failed: ${e.message}\n${logTail()}\n(logs in ${dir})`;
    throw e;
  }

  const startMs = performance.now() - t0;
  const users = Object.fromEntries(
    Object.entries(USERS).map(([name, { user, password }]) => [
      name,
      { user, password, uri: `sip:${user}@${RIG_HOST}` },
    ]),
  ) as Record<RigUserName, RigUser>;

  let stopped = false;
  return {
    wsUrl: `ws://${RIG_HOST}:${wsPort}`,
    sipUdp: `${RIG_HOST}:${udpPort}`,
    udpPort,
    wsPort,
    domain: RIG_HOST,
    users,
    rtpPorts,
    dir,
    logs,
    logTail,
    startMs,
    async restartKamailio(restartOpts = {}) {
      const old = kam;
      if (!old) throw new Error('kamailio is not running');
      await stopProcess(old);
      live.delete(old);
      const stoppedAt = Date.now();
      await sleep(restartOpts.downMs ?? 0);
      const next = spawnDaemon(kamailioBin, kamailioArgs(cfgFile), logs.kamailio);
      procs[procs.indexOf(old)] = next;
      live.add(next);
      kam = next;
      await waitFor('kamailio (restart)', () => tcpAccepts(wsPort), next, timeout);
      return { stoppedAt, readyAt: Date.now() };
    },
    pauseKamailio() {
      if (kam) signalGroup(kam, 'SIGSTOP');
    },
    resumeKamailio() {
      if (kam) signalGroup(kam, 'SIGCONT');
    },
    async stop() {
      if (stopped) return;
      if (kam) signalGroup(kam, 'SIGCONT');
      stopped = true;
      await stopAll();
      if (!(opts.keepDir ?? process.env.RIG_KEEP === '1')) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
