// A plain-RTP SIP endpoint for the rig: a sipp UAS registered as user "sipp" that answers with
// PCMU and streams a sine tone (exercises rtpengine's WebRTC <-> RTP/AVP bridging).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RIG_HOST, type Rig } from './rig.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface SippUas {
  /** sip:sipp@127.0.0.1 */
  uri: string;
  sipPort: number;
  mediaPort: number;
  log: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

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

/** Split a space-separated argument string (no quoting needed for these). */
const w = (args: string): string[] => args.split(' ');

function runSipp(args: string[], logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  const p = spawn('sipp', args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return p;
}

function exited(p: ChildProcess): Promise<number | null> {
  return p.exitCode !== null ? Promise.resolve(p.exitCode) : new Promise((r) => p.once('exit', (c) => r(c)));
}

export async function startSippUas(rig: Rig, opts: { toneHz?: number } = {}): Promise<SippUas> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-sipp-'));
  const log = join(dir, 'sipp.log');
  const logTail = (n = 40) => {
    try {
      return readFileSync(log, 'utf8').split('\n').slice(-n).join('\n');
    } catch {
      return '(no log)';
    }
  };
  const tone = join(dir, 'tone.ulaw');
  // Headerless 8 kHz mu-law: what sipp's rtp_stream plays as payload type 0.
  const hz = opts.toneHz ?? 1000;
  execFileSync('sox', [...w('-n -r 8000 -c 1 -e u-law -t raw'), tone, ...w(`synth 10 sine ${hz} vol 0.5`)]);
  const scenario = join(dir, 'uas-tone.xml');
  writeFileSync(
    scenario,
    readFileSync(join(here, 'sipp', 'uas-tone.xml.tpl'), 'utf8').replaceAll('{{TONE_FILE}}', tone),
  );

  const sipPort = await freeUdpPort();
  let mediaPort = await freeUdpPort();
  mediaPort -= mediaPort % 2;
  const common = [
    ...w(`-i ${RIG_HOST} -mi ${RIG_HOST} -nostdin -s sipp -trace_err`),
    '-error_file',
    join(dir, 'errors.log'),
  ];

  const uas = runSipp(
    [
      ...common,
      '-sf',
      scenario,
      '-p',
      String(sipPort),
      '-mp',
      String(mediaPort),
      '-message_file',
      join(dir, 'uas-messages.log'),
      '-trace_msg',
      '-screen_file',
      join(dir, 'uas-screen.log'),
    ],
    log,
  );
  const stopUas = async () => {
    if (uas.exitCode === null && uas.signalCode === null) {
      uas.kill('SIGTERM');
      const done = await Promise.race([
        exited(uas).then(() => true),
        new Promise((r) => setTimeout(() => r(false), 2000)),
      ]);
      if (!done) uas.kill('SIGKILL');
    }
  };

  const regPort = await freeUdpPort();
  const reg = runSipp(
    [
      ...common,
      rig.sipUdp,
      '-sf',
      join(here, 'sipp', 'register.xml'),
      '-p',
      String(regPort),
      '-m',
      '1',
      '-au',
      'sipp',
      '-ap',
      rig.users.sipp.password,
      '-key',
      'uas_port',
      String(sipPort),
      '-key',
      'expires',
      '300',
      '-timeout',
      '10s',
      '-timeout_error',
    ],
    log,
  );
  const code = await exited(reg);
  if (code !== 0 || uas.exitCode !== null) {
    await stopUas();
    throw new Error(`sipp REGISTER failed (exit ${code})\n${logTail()}\n${rig.logTail(20)}\n(sipp files in ${dir})`);
  }
  return {
    uri: `sip:sipp@${RIG_HOST}`,
    sipPort,
    mediaPort,
    log,
    logTail,
    async stop() {
      await stopUas();
      if (process.env.RIG_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}
