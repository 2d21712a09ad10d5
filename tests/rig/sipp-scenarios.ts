// More sipp peers for the engine tests (tests/rig/sipp.ts keeps the plain tone UAS):
// - a UAS registered as "sipp" that answers re-INVITEs with 200 or with an error (failed hold);
// - a UAC that calls a user presenting a caller number in P-Asserted-Identity, one call or a flood.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RIG_HOST, type Rig } from './rig.js';

const here = dirname(fileURLToPath(import.meta.url));
const w = (args: string): string[] => args.split(' ');

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, RIG_HOST, () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

/** Resolves with the exit code once the process is gone. */
export function exited(p: ChildProcess): Promise<number | null> {
  return p.exitCode !== null || p.signalCode !== null
    ? Promise.resolve(p.exitCode)
    : new Promise((r) => p.once('exit', (c) => r(c)));
}

/** SIGTERM, then SIGKILL after 2 s. */
export async function stopProc(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  p.kill('SIGTERM');
  const done = await Promise.race([exited(p).then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]);
  if (!done) p.kill('SIGKILL');
}

interface Workdir {
  dir: string;
  log: string;
  tail(file?: string, lines?: number): string;
  tone(hz: number): string;
  render(template: string, values: Record<string, string>): string;
  run(args: string[]): ChildProcess;
  cleanup(): void;
}

function workdir(prefix: string): Workdir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const log = join(dir, 'sipp.log');
  return {
    dir,
    log,
    tail(file = log, lines = 40) {
      try {
        return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
    tone(hz) {
      const file = join(dir, `tone-${hz}.ulaw`);
      if (!existsSync(file)) {
        execFileSync('sox', [...w('-n -r 8000 -c 1 -e u-law -t raw'), file, ...w(`synth 30 sine ${hz} vol 0.5`)]);
      }
      return file;
    },
    render(template, values) {
      let text = readFileSync(join(here, 'sipp', template), 'utf8');
      for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{{${k}}}`, v);
      const out = join(dir, template.replace(/\.tpl$/, ''));
      writeFileSync(out, text);
      return out;
    },
    run(args) {
      const fd = openSync(log, 'a');
      const p = spawn('sipp', args, { stdio: ['ignore', fd, fd] });
      closeSync(fd);
      return p;
    },
    cleanup() {
      if (process.env.RIG_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}

const commonArgs = (wd: Workdir) => [
  ...w(`-i ${RIG_HOST} -mi ${RIG_HOST} -nostdin -trace_err -trace_msg`),
  '-error_file',
  join(wd.dir, 'errors.log'),
  '-message_file',
  join(wd.dir, 'messages.log'),
];

const REINVITE_OK = `SIP/2.0 200 OK
      [last_Via:]
      [last_Record-Route:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=sipp 53655765 2 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-15
      a=ptime:20
      a=sendrecv
`;

const reinviteError = (code: number, phrase: string) => `SIP/2.0 ${code} ${phrase}
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
`;

export interface SippPeer {
  uri: string;
  /** SIP messages sipp saw and sent (its -trace_msg file). */
  messages(): string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * A UAS registered as "sipp" that streams a tone and answers re-INVITEs with `reinvite`
 * (200 with SDP, or an error status so a hold fails).
 */
export async function startSippReinviteUas(
  rig: Rig,
  opts: { toneHz?: number; reinvite?: 200 | { code: number; phrase: string } } = {},
): Promise<SippPeer> {
  const wd = workdir('relance-sipp-uas-');
  const reinvite = opts.reinvite ?? 200;
  const scenario = wd.render('uas-reinvite.xml.tpl', {
    TONE_FILE: wd.tone(opts.toneHz ?? 1000),
    REINVITE_RESPONSE: reinvite === 200 ? REINVITE_OK : reinviteError(reinvite.code, reinvite.phrase),
  });
  const sipPort = await freeUdpPort();
  let mediaPort = await freeUdpPort();
  mediaPort -= mediaPort % 2;
  const uas = wd.run([
    ...commonArgs(wd),
    '-s',
    'sipp',
    '-sf',
    scenario,
    '-p',
    String(sipPort),
    '-mp',
    String(mediaPort),
  ]);
  const reg = wd.run([
    ...w(`-i ${RIG_HOST} -nostdin -s sipp`),
    rig.sipUdp,
    '-sf',
    join(here, 'sipp', 'register.xml'),
    '-p',
    String(await freeUdpPort()),
    ...w(
      `-m 1 -au sipp -ap ${rig.users.sipp.password} -key uas_port ${sipPort} -key expires 300 -timeout 10s -timeout_error`,
    ),
  ]);
  const code = await exited(reg);
  if (code !== 0 || uas.exitCode !== null) {
    await stopProc(uas);
    throw new Error(`sipp REGISTER failed (exit ${code})\n${wd.tail()}\n${rig.logTail(20)}`);
  }
  return {
    uri: `sip:sipp@${RIG_HOST}`,
    messages: () => wd.tail(join(wd.dir, 'messages.log'), 100_000),
    logTail: (n) => wd.tail(wd.log, n),
    async stop() {
      await stopProc(uas);
      wd.cleanup();
    },
  };
}

export interface SippCaller extends SippPeer {
  /** Resolves with sipp's exit code when every call finished. */
  done: Promise<number | null>;
}

/**
 * Calls `target` (a rig user) `calls` times, `concurrent` at once, as user "sipp" presenting
 * `caller` (e.g. "+33612345678") in P-Asserted-Identity. Answered calls stream a tone until BYE.
 */
export async function startSippCaller(
  rig: Rig,
  opts: { target: string; caller: string; callerName?: string; calls?: number; concurrent?: number; toneHz?: number },
): Promise<SippCaller> {
  const wd = workdir('relance-sipp-uac-');
  const scenario = wd.render('uac-tone.xml.tpl', {
    TONE_FILE: wd.tone(opts.toneHz ?? 1000),
    CALLER: opts.caller,
    CALLER_NAME: opts.callerName ?? 'Sipp Caller',
  });
  const calls = opts.calls ?? 1;
  let mediaPort = await freeUdpPort();
  mediaPort -= mediaPort % 2;
  const uac = wd.run([
    ...commonArgs(wd),
    rig.sipUdp,
    '-s',
    opts.target,
    '-sf',
    scenario,
    '-p',
    String(await freeUdpPort()),
    '-mp',
    String(mediaPort),
    ...w(`-au sipp -ap ${rig.users.sipp.password} -m ${calls} -l ${opts.concurrent ?? calls} -r 50 -rp 1000`),
    ...w('-timeout 60s -timeout_error'),
  ]);
  return {
    uri: `sip:sipp@${RIG_HOST}`,
    done: exited(uac),
    messages: () => wd.tail(join(wd.dir, 'messages.log'), 100_000),
    logTail: (n) => wd.tail(wd.log, n),
    async stop() {
      await stopProc(uac);
      wd.cleanup();
    },
  };
}
