// Browser side of the engine tests and bench: the real softphone engine (src/renderer/phone/engine)
// bundled by tests/rig/engine-server.ts and driven from Playwright through window.phone.
// A plain sip.js user agent with its defaults sits next to it as the bench baseline.
import { Inviter, Registerer, SessionState, UserAgent, type Session } from 'sip.js';
import { createPhoneEngine, type DiagnosablePhoneEngine } from '../../../src/renderer/phone/engine';
import type { CallEvent } from '../../../src/shared/domain/call-event';
import type { EnginePageApi, EngineWire } from './engine-types';
import { measureTone as tone } from './tone';

const now = () => performance.timeOrigin + performance.now();

let engine: DiagnosablePhoneEngine | undefined;
let events: CallEvent[] = [];
let wire: EngineWire[] = [];
const marks: Record<string, number> = {};
let leads: Record<string, { leadId: string; name: string }> = {};
const lookups: string[] = [];

function firstLine(msg: string): string {
  const i = msg.indexOf('\r\n');
  return i < 0 ? msg : msg.slice(0, i);
}

function need(): DiagnosablePhoneEngine {
  if (!engine) throw new Error('engine not created: call create() first');
  return engine;
}

async function outcome(p: Promise<void>): Promise<{ ok: boolean; error?: string }> {
  try {
    await p;
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A mono 16-bit PCM WAV of a sine, decoded by the engine like any voicemail-drop file. */
function sineWav(hz: number, seconds: number, rate = 48000): ArrayBuffer {
  const n = Math.round(seconds * rate);
  const buf = new ArrayBuffer(44 + n * 2);
  const v = new DataView(buf);
  const str = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  v.setUint32(4, 36 + n * 2, true);
  str(8, 'WAVEfmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  str(36, 'data');
  v.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++)
    v.setInt16(44 + i * 2, Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), true);
  return buf;
}

// ---- baseline: plain sip.js defaults (default SDH factory, 5 s ICE gathering timeout) ----------
let baseUa: UserAgent | undefined;
const baseSessions = new Map<string, Session>();
let baseSeq = 0;

const api: EnginePageApi = {
  create(options = {}) {
    events = [];
    wire = [];
    engine = createPhoneEngine({
      audioProcessing: options.audioProcessing ?? false,
      ...(options.keepAlive !== undefined ? { keepAlive: options.keepAlive } : {}),
      ...(options.statsIntervalMs !== undefined ? { statsIntervalMs: options.statsIntervalMs } : {}),
      ...(options.srflxGraceMs !== undefined ? { srflxGraceMs: options.srflxGraceMs } : {}),
      ...(options.warmPeerConnection !== undefined ? { warmPeerConnection: options.warmPeerConnection } : {}),
      ...(options.warmMaxAgeMs !== undefined ? { warmMaxAgeMs: options.warmMaxAgeMs } : {}),
      ...(options.leadMatchTimeoutMs !== undefined ? { leadMatchTimeoutMs: options.leadMatchTimeoutMs } : {}),
      ...(options.connectionTestTimeoutMs !== undefined
        ? { connectionTestTimeoutMs: options.connectionTestTimeoutMs }
        : {}),
      ...(options.connectionTimeoutSec !== undefined ? { connectionTimeoutSec: options.connectionTimeoutSec } : {}),
      ...(options.endedLingerMs !== undefined ? { endedLingerMs: options.endedLingerMs } : {}),
      ...(options.endAnswerTimeoutMs !== undefined ? { endAnswerTimeoutMs: options.endAnswerTimeoutMs } : {}),
      sipLogLevel: options.sipLogLevel ?? 'warn',
      log: (level, message) => {
        if (level === 'error' || level === 'warn') console[level](message);
      },
      wireTap: (dir, message, t) => {
        const line = firstLine(message);
        if (!line.trim()) return;
        const keep = /^(INVITE|INFO|REFER|NOTIFY) /.test(line);
        wire.push({ t, dir, line, ...(keep ? { text: message } : {}) });
      },
    });
    engine.onCallEvent((e) => events.push(e));
    engine.setLeadMatcher(async (number) => {
      lookups.push(number);
      return leads[number];
    });
  },
  configure: (account) => need().configure(account),
  testConnection: (account) => need().testConnection(account),
  snapshot: () => JSON.parse(JSON.stringify(need().getSnapshot())),
  registrationLog: () => need().diagnostics.registrationLog(),
  events: () => [...events],
  wire: () => [...wire],
  clearWire() {
    wire = [];
  },
  marks: () => ({ ...marks }),
  async call(target, options = {}) {
    const click = now();
    const id = await need().call(target, options);
    marks[`${id}:click`] = click;
    marks[`${id}:returned`] = now();
    return id;
  },
  answer: (id) => need().answer(id),
  decline: (id) => need().decline(id),
  hangup: (id) => need().hangup(id),
  hold: (id) => outcome(need().hold(id)),
  resume: (id) => outcome(need().resume(id)),
  setMuted: (id, muted) => need().setMuted(id, muted),
  sendDtmf: (id, digits) => need().sendDtmf(id, digits),
  blindTransfer: (id, target) => need().blindTransfer(id, target),
  consult: (id, target) => need().consult(id, target),
  completeTransfer: (id, consultationId) => need().completeTransfer(id, consultationId),
  setDevices: (devices) => need().setDevices(devices),
  prepare: () => need().prepare(),
  playTone: (id, hz, seconds) => need().playIntoCall(id, sineWav(hz, seconds)),
  setLeads(map) {
    leads = map;
  },
  matcherLookups: () => [...lookups],
  async measureTone(id, freq, opts = {}) {
    const stream = need().diagnostics.media(id).remoteStream;
    if (!stream) throw new Error(`no remote stream for ${id}`);
    return tone(stream, freq, opts.frames ?? 8, opts.intervalMs ?? 80);
  },
  senderEnabled(id) {
    const track = need().diagnostics.media(id).localTrack;
    return track ? track.enabled : null;
  },
  async rtpCounters(id) {
    const pc = need().diagnostics.media(id).peerConnection;
    let received = 0;
    let sent = 0;
    (await pc?.getStats())?.forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') {
        received += Number(s.packetsReceived ?? 0);
        if ((window as unknown as { debugStats?: boolean }).debugStats) console.log(JSON.stringify(s));
      }
      if (s.type === 'outbound-rtp') sent += Number(s.packetsSent ?? 0);
    });
    return { received, sent };
  },
  remoteTracks(id) {
    const media = need().diagnostics.media(id);
    const show = (t: MediaStreamTrack | null) =>
      t ? `${t.id.slice(0, 8)}:${t.readyState}:${t.muted ? 'muted' : 'live'}` : 'none';
    return {
      receivers: media.peerConnection?.getReceivers().map((r) => show(r.track)) ?? [],
      playing: media.remoteStream?.getTracks().map(show) ?? [],
    };
  },
  signalingState: (id) => need().diagnostics.media(id).peerConnection?.signalingState ?? null,
  gathering: (id) => need().diagnostics.gathering(id),
  connectionTimes: () => need().diagnostics.connectionTimes(),
  hasWarmPeerConnection: () => need().diagnostics.hasWarmPeerConnection(),
  peerConnections: () => need().diagnostics.peerConnections(),
  async audioDevices() {
    return (await navigator.mediaDevices.enumerateDevices()).map((d) => ({ kind: d.kind, deviceId: d.deviceId }));
  },
  async dispose() {
    await engine?.dispose();
  },
  heapBytes() {
    // With --js-flags=--expose-gc the figure is taken after a full collection.
    (window as unknown as { gc?: () => void }).gc?.();
    return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  },

  async baselineRegister(wsUrl, user, password, iceServers) {
    const domain = new URL(wsUrl).hostname;
    baseUa = new UserAgent({
      uri: UserAgent.makeURI(`sip:${user}@${domain}`)!,
      authorizationUsername: user,
      authorizationPassword: password,
      transportOptions: { server: wsUrl, traceSip: false },
      logLevel: 'error',
      logBuiltinEnabled: false,
      // sip.js defaults except the ICE servers of the scenario (the default is a public STUN server).
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers } },
    });
    const transport = baseUa.transport;
    const send = transport.send.bind(transport);
    transport.send = (m: string) => {
      const line = firstLine(m);
      if (/^INVITE /.test(line)) wire.push({ t: now(), dir: 'out', line, text: m });
      return send(m);
    };
    await baseUa.start();
    const registerer = new Registerer(baseUa);
    await new Promise<void>((resolve, reject) => {
      void registerer.register({
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`)),
        },
      });
    });
  },
  async baselineCall(target) {
    if (!baseUa) throw new Error('baseline not registered');
    const domain = baseUa.configuration.uri.host;
    const id = `base${++baseSeq}`;
    marks[`${id}:click`] = now();
    const inviter = new Inviter(baseUa, UserAgent.makeURI(target.includes('@') ? target : `sip:${target}@${domain}`)!, {
      sessionDescriptionHandlerOptions: {
        constraints: {
          audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
          video: false,
        },
      },
    } as object);
    baseSessions.set(id, inviter);
    inviter.stateChange.addListener((s) => {
      marks[`${id}:${s}`] = now();
    });
    await inviter.invite();
    marks[`${id}:returned`] = now();
    return id;
  },
  async baselineHangup(id) {
    const s = baseSessions.get(id);
    if (!s) return;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing))
      await s.cancel();
  },
  baselineState: (id) => baseSessions.get(id)?.state,
  async baselineStop() {
    await baseUa?.stop();
    baseUa = undefined;
  },
};

(window as unknown as { phone: EnginePageApi }).phone = api;
document.title = 'engine-ready';
