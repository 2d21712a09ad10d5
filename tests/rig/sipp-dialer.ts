// Leads' phones for the dialer's end-to-end tests: sipp UASs that answer, are busy, never answer
// or lose the 487 of a cancelled call (on request), with any number of lead numbers (E.164 AORs) registered at Kamailio to each, an RTP sink the
// answering peer advertises as its media address, and the count of INVITEs each number received.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEAD_PASSWORD, RIG_HOST, type Rig } from './rig.js';
import { exited, stopProc } from './sipp-scenarios.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * What a lead's phone does with the dialer's INVITE; `unknown` is not registered (Kamailio: 404);
 * `lost-487` rings, answers the CANCEL with 200 and never sends the INVITE's 487.
 */
export type LeadBehaviour = 'answer' | 'busy' | 'no-answer' | 'lost-487' | 'unknown';
export type PeerBehaviour = Exclude<LeadBehaviour, 'unknown'>;
const defaultPeers: readonly PeerBehaviour[] = ['answer', 'busy', 'no-answer'];
/** An answered call whose BYE never comes (page closed, host killed) is dropped by sipp after this. */
const ANSWER_BYE_TIMEOUT_MS = 30_000;

// ---- RTP sink: the answering peer's media address

export interface RtpPacket {
  ssrc: number;
  seq: number;
  payloadType: number;
  payload: Buffer;
  /** Arrival order. */
  index: number;
}

export interface RtpSink {
  port: number;
  packets(): RtpPacket[];
  clear(): void;
  close(): Promise<void>;
}

function bindUdp(port: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => {
      s.close();
      resolve(null);
    });
    s.bind(port, RIG_HOST, () => resolve(s));
  });
}

/** Records every RTP packet sent to it (RTCP, on port + 1, is not needed: rtpengine demuxes). */
export async function startRtpSink(): Promise<RtpSink> {
  let socket: Socket | null = null;
  for (let i = 0; i < 50 && !socket; i++) {
    const probe = await bindUdp(0);
    const port = probe!.address().port;
    probe!.close();
    // RTP wants an even port.
    socket = await bindUdp(port - (port % 2));
  }
  if (!socket) throw new Error('no free even UDP port for the RTP sink');
  let packets: RtpPacket[] = [];
  let index = 0;
  socket.on('message', (msg) => {
    if (msg.length < 12 || msg[0]! >> 6 !== 2) return;
    const payloadType = msg[1]! & 0x7f;
    // RTCP multiplexed on the RTP port (payload types 72-76 in this field): not audio.
    if (payloadType >= 72 && payloadType <= 76) return;
    const csrc = msg[0]! & 0x0f;
    let offset = 12 + 4 * csrc;
    if (msg[0]! & 0x10) offset += 4 + 4 * msg.readUInt16BE(offset + 2);
    let end = msg.length;
    if (msg[0]! & 0x20) end -= msg[msg.length - 1]!;
    packets.push({
      ssrc: msg.readUInt32BE(8),
      seq: msg.readUInt16BE(2),
      payloadType,
      payload: Buffer.from(msg.subarray(offset, end)),
      index: index++,
    });
  });
  const s = socket;
  return {
    port: s.address().port,
    packets: () => [...packets],
    clear: () => {
      packets = [];
    },
    close: () => new Promise((resolve) => s.close(() => resolve())),
  };
}

/** G.711 µ-law byte to a linear sample. */
function ulaw(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

/**
 * The share of a PCMU packet's energy at `hz` (Goertzel over its 8 kHz samples): near 1 for a
 * pure tone of that frequency, near 0 for another tone or silence.
 */
export function toneShare(payload: Buffer, hz: number): number {
  const n = payload.length;
  if (n === 0) return 0;
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / 8000);
  let s1 = 0;
  let s2 = 0;
  let energy = 0;
  let mean = 0;
  for (const b of payload) mean += ulaw(b);
  mean /= n;
  for (const b of payload) {
    const x = ulaw(b) - mean;
    energy += x * x;
    const s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  if (energy === 0) return 0;
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  // A pure sine of amplitude A over n samples: energy n·A²/2, Goertzel power (n·A/2)².
  return Math.min(1, (2 * power) / (n * energy));
}

/** PCMU packets whose audio is mostly the tone `hz`. */
export function tonePackets(packets: readonly RtpPacket[], hz: number, minShare = 0.5): RtpPacket[] {
  return packets.filter((p) => p.payloadType === 0 && toneShare(p.payload, hz) >= minShare);
}

// ---- sipp processes

async function freeUdpPort(): Promise<number> {
  const s = await bindUdp(0);
  if (!s) throw new Error('no free UDP port');
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function readOr(file: string, fallback = ''): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

interface Uas {
  behaviour: PeerBehaviour;
  port: number;
  proc: ChildProcess;
  messages: string;
  log: string;
}

/** The SIP messages sipp received, from its -trace_msg file. */
function receivedMessages(trace: string): string[] {
  // Each entry: a dashed header line with the time, "UDP message received [n] bytes :", blank, the message.
  return trace
    .split(/^-{10,}.*$/m)
    .filter((block) => /message received/.test(block))
    .map((block) => block.replace(/^[\s\S]*?message received[^\n]*\n\s*\n?/, '').trimStart());
}

/**
 * INVITEs (new calls, not retransmissions: distinct Call-IDs) per called user, as the request
 * line names it: the contact Kamailio found for the lead's AOR, `sip:<number>@host:port`.
 */
export function invitesByNumber(trace: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const message of receivedMessages(trace)) {
    const request = /^INVITE sip:([^@;>\s]+)@/.exec(message);
    if (!request) continue;
    const callId = /^(?:Call-ID|i):\s*(\S+)/im.exec(message)?.[1] ?? message;
    const number = decodeURIComponent(request[1]!);
    const calls = out.get(number) ?? new Set<string>();
    calls.add(callId);
    out.set(number, calls);
  }
  return out;
}

export interface LeadPeers {
  /** The answering peer's media address: what the app sent into answered calls. */
  rtp: RtpSink;
  /** Registers each number (AOR) at Kamailio with its Contact at the sipp UAS of that behaviour. */
  register(numbers: Readonly<Record<string, LeadBehaviour>>): Promise<void>;
  behaviourOf(number: string): LeadBehaviour | undefined;
  /** Calls (distinct INVITE Call-IDs) each number received; numbers never called are absent. */
  invites(): Map<string, number>;
  invitesTo(number: string): number;
  /** sipp's logs, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * One sipp UAS per behaviour (answer, busy and no answer unless `behaviours` says otherwise);
 * lead numbers are registered to them afterwards (several AORs with
 * Contacts on the same sipp port: Kamailio's lookup sends `INVITE sip:<number>@127.0.0.1:<port>`,
 * so the request line tells which lead was called).
 */
/** The answering lead's sipp scenario, its audio sent to `mediaPort`; returns the file written in `dir`. */
export function writeAnswerScenario(dir: string, mediaPort: number): string {
  const file = join(dir, 'lead-answer.xml');
  writeFileSync(
    file,
    readFileSync(join(here, 'sipp', 'lead-answer.xml.tpl'), 'utf8')
      .replaceAll('{{MEDIA_PORT}}', String(mediaPort))
      .replaceAll('{{BYE_TIMEOUT_MS}}', String(ANSWER_BYE_TIMEOUT_MS)),
  );
  return file;
}

export async function startLeadPeers(
  rig: Rig,
  options: { behaviours?: readonly PeerBehaviour[] } = {},
): Promise<LeadPeers> {
  const peerBehaviours = options.behaviours ?? defaultPeers;
  const dir = mkdtempSync(join(tmpdir(), 'relance-sipp-leads-'));
  const rtp = await startRtpSink();
  const scenario: Record<PeerBehaviour, string> = {
    answer: writeAnswerScenario(dir, rtp.port),
    busy: join(here, 'sipp', 'lead-busy.xml'),
    'no-answer': join(here, 'sipp', 'lead-no-answer.xml'),
    'lost-487': join(here, 'sipp', 'lead-lost-487.xml'),
  };
  const spawnLogged = (args: string[], log: string) => {
    const fd = openSync(log, 'a');
    const p = spawn('sipp', args, { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    return p;
  };
  const uas = new Map<PeerBehaviour, Uas>();
  try {
    for (const behaviour of peerBehaviours) {
      const port = await freeUdpPort();
      const messages = join(dir, `${behaviour}.messages.log`);
      const log = join(dir, `${behaviour}.log`);
      const proc = spawnLogged(
        [
          ...`-i ${RIG_HOST} -p ${port} -s lead -nostdin -trace_msg -trace_err`.split(' '),
          '-message_file',
          messages,
          '-error_file',
          join(dir, `${behaviour}.errors.log`),
          '-sf',
          scenario[behaviour],
        ],
        log,
      );
      uas.set(behaviour, { behaviour, port, proc, messages, log });
    }
  } catch (error) {
    await Promise.all([...uas.values()].map((u) => stopProc(u.proc)));
    await rtp.close();
    throw error;
  }

  const behaviours = new Map<string, LeadBehaviour>();
  const logTail = (lines = 30) =>
    [...uas.values()]
      .map((u) => `--- sipp ${u.behaviour} ---\n${readOr(u.log, '(no log)').split('\n').slice(-lines).join('\n')}`)
      .join('\n');

  const registerOne = async (number: string, port: number) => {
    const log = join(dir, `register-${number}.log`);
    const reg = spawnLogged(
      [
        ...`-i ${RIG_HOST} -nostdin -s ${number} -au ${number} -ap ${LEAD_PASSWORD}`.split(' '),
        rig.sipUdp,
        '-sf',
        join(here, 'sipp', 'register.xml'),
        '-p',
        String(await freeUdpPort()),
        ...`-m 1 -key uas_port ${port} -key expires 3600 -timeout 10s -timeout_error`.split(' '),
      ],
      log,
    );
    const code = await exited(reg);
    if (code !== 0) throw new Error(`sipp could not register ${number} (exit ${code})\n${readOr(log)}`);
  };

  const invites = () => {
    const counts = new Map<string, number>();
    for (const u of uas.values())
      for (const [number, calls] of invitesByNumber(readOr(u.messages)))
        counts.set(number, (counts.get(number) ?? 0) + calls.size);
    return counts;
  };

  return {
    rtp,
    async register(numbers) {
      for (const u of uas.values())
        if (u.proc.exitCode !== null) throw new Error(`sipp ${u.behaviour} UAS exited\n${logTail()}`);
      await Promise.all(
        Object.entries(numbers).map(async ([number, behaviour]) => {
          behaviours.set(number, behaviour);
          if (behaviour === 'unknown') return;
          const peer = uas.get(behaviour);
          if (!peer) throw new Error(`no sipp UAS for "${behaviour}" (startLeadPeers behaviours)`);
          await registerOne(number, peer.port);
        }),
      );
    },
    behaviourOf: (number) => behaviours.get(number),
    invites,
    invitesTo: (number) => invites().get(number) ?? 0,
    logTail,
    async stop() {
      await Promise.all([...uas.values()].map((u) => stopProc(u.proc)));
      await rtp.close();
      if (process.env.RIG_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}
