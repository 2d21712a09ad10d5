// The softphone engine: one sip.js UserAgent + Registerer per account, Inviter/Invitation per
// call, driven through explicit state machines (call-machine.ts, registration-machine.ts).
// It owns sip.js, WebRTC and audio, and publishes immutable snapshots and ordered call events.
import {
  Core,
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  SIPExtension,
  UserAgent,
  type Info,
  type Notification,
  type Referral,
  type Session,
  type URI,
} from 'sip.js';
import type { CallEvent } from '../../../shared/domain/call-event';
import { accountDomain, validateAccount } from './account';
import { AudioManager } from './audio';
import { isConnected, isLive, isOnHoldLocally, transition, type CallMachineEvent } from './call-machine';
import {
  callsToHold,
  canPlaceCall,
  decideIncoming,
  isMissed,
  isWaiting as waitsForLine,
  ringtoneFor,
} from './call-policy';
import { testConnection as runConnectionTest } from './connection-test';
import { SdhProvider, type FastSessionDescriptionHandler, type GatheringReport } from './fast-sdh';
import { KeepAlive } from './keep-alive';
import { QualityTracker, sampleFromStats } from './quality';
import { nextRegistration, type RegistrationEvent, type TransportProblem } from './registration-machine';
import { pageReaper, type PeerConnectionCounts } from './peer-connection-reaper';
import { callFailureReason, sipStatusText } from './sip-status';
import { callerNumber, normalizeTarget } from './target';
import type {
  AccountConfig,
  ConnectionTestResult,
  MissedCall,
  PhoneCall,
  PhoneEngine,
  PhoneSnapshot,
  PlaceCallOptions,
  RegistrationState,
} from './types';

export interface PhoneEngineDeps {
  /** Epoch ms. */
  now?: () => number;
  random?: () => number;
  mediaDevices?: MediaDevices;
  log?: (level: 'debug' | 'log' | 'warn' | 'error', message: string) => void;
  /** sip.js's own log level (default 'warn'). */
  sipLogLevel?: 'debug' | 'log' | 'warn' | 'error';
  /** Echo cancellation, noise suppression and AGC on the microphone (default on). */
  audioProcessing?: boolean;
  /** OPTIONS ping to detect a dead connection (default every 25 s, 5 s to answer); false disables. */
  keepAlive?: { intervalMs: number; timeoutMs: number } | false;
  statsIntervalMs?: number;
  registerExpiresSec?: number;
  /** An ended call stays in `calls` this long so the panel can say how it ended. */
  endedLingerMs?: number;
  /** An incoming call waits at most this long for the lead match before it is shown. */
  leadMatchTimeoutMs?: number;
  /** With ICE servers set, how long a host candidate waits for a STUN/TURN one. */
  srflxGraceMs?: number;
  /** Keep a pre-warmed peer connection ready (default true). */
  warmPeerConnection?: boolean;
  /** The warm connection is replaced after this long, so its candidates stay current (default 60 s). */
  warmMaxAgeMs?: number;
  /** A prepared microphone stream is released after this long unused. */
  preparedMediaMaxAgeMs?: number;
  /**
   * A CANCEL or BYE whose final answer never comes (lost or unusable 487/200) ends the call here
   * after this long (default 32 s, 64 × T1), so a call and a dialer session never hang.
   */
  endAnswerTimeoutMs?: number;
  connectionTimeoutSec?: number;
  connectionTestTimeoutMs?: number;
  /** Every SIP message on the WebSocket (for diagnostics, tests and the bench). */
  wireTap?: (dir: 'in' | 'out', message: string, at: number) => void;
  /** Tells a TLS failure from an unreachable server (the browser cannot); supplied by the shell. */
  diagnoseTransport?: (server: string) => Promise<'tls' | 'unreachable' | 'ok'>;
}

/** What tests, the bench and a support screen may look at; not for the panel. */
export interface PhoneEngineDiagnostics {
  media(callId: string): {
    peerConnection?: RTCPeerConnection;
    remoteStream?: MediaStream;
    localTrack?: MediaStreamTrack;
    audioElement?: HTMLAudioElement;
  };
  gathering(callId: string): GatheringReport[];
  /** Registration states with the time they were entered (epoch ms). */
  registrationLog(): { at: number; state: RegistrationState }[];
  /** When the WebSocket last opened and the following registration succeeded (epoch ms). */
  connectionTimes(): { wsOpenAt?: number; registeredAt?: number };
  hasWarmPeerConnection(): boolean;
  peerConnections(): PeerConnectionCounts;
}

export type DiagnosablePhoneEngine = PhoneEngine & { diagnostics: PhoneEngineDiagnostics };

interface PendingEnd {
  sipStatus?: number;
  hangupSide: 'local' | 'remote' | 'system';
  reason: string;
}

interface CallCtl {
  call: PhoneCall;
  session: Session;
  /** Inbound calls stay hidden until the lead matcher answered (or gave up). */
  hidden: boolean;
  ready: Promise<void>;
  markReady: () => void;
  startedEmitted: boolean;
  rang: boolean;
  answered: boolean;
  declinedBySeller: boolean;
  pendingEnd?: PendingEnd;
  quality: QualityTracker;
  statsTimer?: ReturnType<typeof setInterval>;
  lingerTimer?: ReturnType<typeof setTimeout>;
  /** Set while playIntoCall owns the sender. */
  playing?: { stop: () => void };
  dtmfChain: Promise<void>;
  /** This call was placed because the other side of `referredFrom` asked (REFER). */
  referredFrom?: string;
  /** This call replaces `replaces` (INVITE with Replaces, we are the transfer target). */
  replaces?: string;
  /** A transfer of this call was accepted by the other side. */
  transfer?: { kind: 'blind' | 'attended'; target: string; done: boolean };
  recovering: boolean;
  iceFailed: boolean;
}

const DEFAULTS = {
  statsIntervalMs: 2000,
  registerExpiresSec: 300,
  endedLingerMs: 4000,
  leadMatchTimeoutMs: 1500,
  srflxGraceMs: 100,
  preparedMediaMaxAgeMs: 30_000,
  endAnswerTimeoutMs: 32_000,
  connectionTimeoutSec: 5,
  connectionTestTimeoutMs: 8000,
  keepAlive: { intervalMs: 25_000, timeoutMs: 5000 },
  warmMaxAgeMs: 60_000,
};
const RECENT_MAX = 20;
const MISSED_MAX = 50;
const DTMF = /^[0-9A-D*#]+$/i;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const iso = (ms: number) => new Date(ms).toISOString();

export function createPhoneEngine(deps: PhoneEngineDeps = {}): DiagnosablePhoneEngine {
  const now = deps.now ?? (() => performance.timeOrigin + performance.now());
  const random = deps.random ?? Math.random;
  const mediaDevices = deps.mediaDevices ?? (typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined);
  const log =
    deps.log ?? ((level, message) => (level === 'error' || level === 'warn' ? console[level](message) : undefined));
  const opt = {
    statsIntervalMs: deps.statsIntervalMs ?? DEFAULTS.statsIntervalMs,
    registerExpiresSec: deps.registerExpiresSec ?? DEFAULTS.registerExpiresSec,
    endedLingerMs: deps.endedLingerMs ?? DEFAULTS.endedLingerMs,
    leadMatchTimeoutMs: deps.leadMatchTimeoutMs ?? DEFAULTS.leadMatchTimeoutMs,
    srflxGraceMs: deps.srflxGraceMs ?? DEFAULTS.srflxGraceMs,
    preparedMediaMaxAgeMs: deps.preparedMediaMaxAgeMs ?? DEFAULTS.preparedMediaMaxAgeMs,
    endAnswerTimeoutMs: deps.endAnswerTimeoutMs ?? DEFAULTS.endAnswerTimeoutMs,
    connectionTimeoutSec: deps.connectionTimeoutSec ?? DEFAULTS.connectionTimeoutSec,
    connectionTestTimeoutMs: deps.connectionTestTimeoutMs ?? DEFAULTS.connectionTestTimeoutMs,
    keepAlive: deps.keepAlive === undefined ? DEFAULTS.keepAlive : deps.keepAlive,
    warm: deps.warmPeerConnection ?? true,
    warmMaxAgeMs: deps.warmMaxAgeMs ?? DEFAULTS.warmMaxAgeMs,
  };

  // ---- state ---------------------------------------------------------------------------------
  let account: AccountConfig | null = null;
  let domain = '';
  let ua: UserAgent | undefined;
  let registerer: Registerer | undefined;
  let sdhProvider: SdhProvider | undefined;
  let keepAlive: KeepAlive | undefined;
  let epoch = 0;
  let started = false;
  let registration: RegistrationState = { kind: 'unconfigured' };
  let everRegistered = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let wsOpenAt: number | undefined;
  let registeredAt: number | undefined;
  const registrationLog: { at: number; state: RegistrationState }[] = [];
  const calls = new Map<string, CallCtl>();
  let recent: PhoneCall[] = [];
  let missed: MissedCall[] = [];
  let matcher: ((n: string) => Promise<{ leadId: string; name: string } | undefined>) | undefined;
  let prepared: { stream: MediaStream; timer: ReturnType<typeof setTimeout> } | undefined;
  let seq = 0;
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(e: CallEvent) => void>();
  let snapshot: PhoneSnapshot;
  // One per page (not per user agent): Chromium's limit is the page's.
  const reaper = pageReaper((m) => log('warn', m));

  const audio = new AudioManager({
    mediaDevices,
    processing: deps.audioProcessing ?? true,
    onChange: () => publish(),
    log: (level, m) => log(level, m),
  });
  audio.onDevicesChanged = (changed) => {
    if (changed.microphone) void swapMicrophones();
  };
  snapshot = build();
  warmUpSipParser();

  // ---- snapshot & events -----------------------------------------------------------------------
  function build(): PhoneSnapshot {
    const shown = [...calls.values()].filter((c) => !c.hidden).map((c) => c.call);
    return {
      registration,
      calls: shown,
      missed,
      inputLevel: audio.level,
      ...(audio.fallback ? { deviceFallback: audio.fallback } : {}),
      ringtone: ringtoneFor(shown),
      recent,
    };
  }

  function publish(): void {
    // Call waiting follows the other calls: a waiting call rings normally once it is alone.
    const shown = [...calls.values()].filter((c) => !c.hidden).map((c) => c.call);
    for (const ctl of calls.values()) {
      if (ctl.hidden || ctl.call.state !== 'incoming') continue;
      const waiting = waitsForLine(ctl.call, shown);
      if (waiting !== ctl.call.waiting) ctl.call = { ...ctl.call, waiting };
    }
    snapshot = build();
    audio.setRingtone(snapshot.ringtone);
    updateMeter();
    for (const l of [...listeners]) {
      try {
        l();
      } catch (e) {
        log('error', `phone snapshot listener failed: ${errorText(e)}`);
      }
    }
  }

  type EventBody = CallEvent extends infer E ? (E extends CallEvent ? Omit<E, 'callId' | 'at'> : never) : never;
  function emit(ctl: CallCtl, body: EventBody): void {
    const event = { ...body, callId: ctl.call.id, at: iso(now()) } as CallEvent;
    for (const l of [...eventListeners]) {
      try {
        l(event);
      } catch (e) {
        log('error', `call event listener failed: ${errorText(e)}`);
      }
    }
  }

  function ensureStarted(ctl: CallCtl): void {
    if (ctl.startedEmitted) return;
    ctl.startedEmitted = true;
    const c = ctl.call;
    emit(ctl, {
      type: 'started',
      direction: c.direction,
      number: c.number,
      ...(c.leadId ? { leadId: c.leadId } : {}),
      ...(c.dialerSessionId ? { dialerSessionId: c.dialerSessionId } : {}),
    });
    if (ctl.rang) emit(ctl, { type: 'ringing' });
  }

  function update(ctl: CallCtl, patch: Partial<PhoneCall>): void {
    ctl.call = { ...ctl.call, ...patch };
    publish();
  }

  /** Applies a machine event or throws the machine's words. */
  function move(ctl: CallCtl, event: CallMachineEvent, patch: Partial<PhoneCall> = {}): void {
    const r = transition(ctl.call.state, event);
    if (!r.ok) throw new Error(r.error);
    update(ctl, { ...patch, state: r.state });
  }

  function setRegistration(state: RegistrationState): void {
    registration = state;
    registrationLog.push({ at: now(), state });
    if (registrationLog.length > 200) registrationLog.splice(0, registrationLog.length - 200);
    publish();
  }

  // ---- registration ------------------------------------------------------------------------------
  function applyRegistration(event: RegistrationEvent): void {
    const step = nextRegistration(registration, event, { now: now(), random, everRegistered });
    if (!step.ok) {
      log('debug', step.error);
      return;
    }
    const wasRegistered = registration.kind === 'registered';
    if (step.state !== registration) setRegistration(step.state);
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    if (step.state.kind === 'registered') {
      everRegistered = true;
      if (!wasRegistered) onRegistered();
    } else if (wasRegistered) {
      keepAlive?.stop();
      markNetworkProblem('connection to the phone server lost; reconnecting');
    }
    if (step.retryInMs !== undefined) {
      const e = epoch;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (e !== epoch) return;
        applyRegistration({ type: 'retry' });
        void connect(e);
      }, step.retryInMs);
    }
  }

  function onRegistered(): void {
    registeredAt = now();
    if (opt.keepAlive) keepAlive?.start();
    if (opt.warm) sdhProvider?.ensureWarm();
    void recoverCalls();
  }

  async function connect(e: number): Promise<void> {
    const agent = ua;
    if (!agent || e !== epoch) return;
    const t0 = now();
    try {
      if (!started) {
        started = true;
        await agent.start();
      } else {
        await agent.reconnect();
      }
    } catch (err) {
      if (e !== epoch) return;
      // sip.js reports its connection timeout as a plain close: tell it by the time spent.
      const timedOut = now() - t0 >= opt.connectionTimeoutSec * 1000 - 50;
      const problem = timedOut ? 'timeout' : await transportProblem(errorText(err));
      if (e !== epoch) return;
      applyRegistration({ type: 'transport-failed', problem, detail: '' });
      return;
    }
    if (e !== epoch) return;
    sendRegister(e);
  }

  async function transportProblem(message: string): Promise<TransportProblem> {
    if (/timed out|timeout/i.test(message)) return 'timeout';
    if (account?.server.startsWith('wss:') && deps.diagnoseTransport) {
      const verdict = await deps.diagnoseTransport(account.server).catch(() => 'unreachable' as const);
      if (verdict === 'tls') return 'tls';
    }
    return 'unreachable';
  }

  function newRegisterer(agent: UserAgent): Registerer {
    const r = new Registerer(agent, { expires: opt.registerExpiresSec });
    r.stateChange.addListener((s) => {
      if (r !== registerer) return;
      if (s === RegistererState.Registered) applyRegistration({ type: 'registered' });
      // A refresh that failed: retry through the machine (its REGISTER tells why).
      else if (s === RegistererState.Unregistered && registration.kind === 'registered' && agent.isConnected()) {
        applyRegistration({ type: 'register-rejected', code: 503, reason: 'registration refresh failed' });
      }
    });
    return r;
  }

  function sendRegister(e: number): void {
    const agent = ua;
    if (!agent || e !== epoch) return;
    // A REGISTER lost with the old connection would block register() for 32 s: start afresh.
    if (!registerer || isWaiting(registerer)) registerer = newRegisterer(agent);
    const r = registerer;
    r.register({
      requestDelegate: {
        onAccept: () => {
          if (r === registerer && e === epoch) applyRegistration({ type: 'registered' });
        },
        onReject: (response) => {
          if (r !== registerer || e !== epoch) return;
          const code = response.message.statusCode ?? 0;
          // sip.js answers itself with 503 when the transport is gone; the disconnect handler owns that.
          if (!agent.isConnected()) return;
          applyRegistration({ type: 'register-rejected', code, reason: response.message.reasonPhrase ?? '' });
        },
      },
    }).catch((err: unknown) => log('warn', `REGISTER not sent: ${errorText(err)}`));
  }

  function onTransportDown(detail: string, problem: TransportProblem = 'closed'): void {
    if (registration.kind !== 'registered' && registration.kind !== 'connecting') return;
    applyRegistration({ type: 'transport-failed', problem, detail });
  }

  function markNetworkProblem(text: string): void {
    for (const ctl of calls.values()) {
      if (isLive(ctl.call.state) && ctl.call.state !== 'incoming') update(ctl, { networkProblem: text });
    }
  }

  /**
   * After a reconnect the proxy reaches us through a new connection, so each call in progress
   * sends a re-INVITE (new Contact, ICE restart) to move its signalling and media onto it.
   */
  async function recoverCalls(): Promise<void> {
    const todo = [...calls.values()].filter(
      (c) => (c.call.networkProblem || c.iceFailed) && c.session.state === SessionState.Established,
    );
    for (const ctl of todo) void recoverCall(ctl);
    // Calls that were still ringing or dialling keep going; just clear the warning.
    for (const ctl of calls.values()) {
      if (ctl.call.networkProblem && !isConnected(ctl.call.state) && isLive(ctl.call.state)) {
        update(ctl, { networkProblem: undefined });
      }
    }
  }

  async function recoverCall(ctl: CallCtl): Promise<void> {
    if (ctl.recovering || !isConnected(ctl.call.state)) return;
    if (ctl.call.state === 'holding' || ctl.call.state === 'resuming') return; // a re-INVITE is in flight
    ctl.recovering = true;
    try {
      const code = await reinvite(ctl, {
        hold: ctl.call.state === 'held',
        offerOptions: { iceRestart: true },
      });
      if (code === 200) {
        ctl.iceFailed = false;
        update(ctl, { networkProblem: undefined });
      } else if (code === 481 || code === 408) {
        ctl.pendingEnd = {
          sipStatus: code,
          hangupSide: 'system',
          reason: `call lost while reconnecting (${sipStatusText(code)})`,
        };
        await endSession(ctl);
      } else {
        update(ctl, {
          networkProblem: `the call could not be refreshed after the connection came back (${sipStatusText(code)}); it may drop`,
        });
      }
    } catch (e) {
      update(ctl, {
        networkProblem: `the call could not be refreshed after the connection came back: ${errorText(e)}`,
      });
    } finally {
      ctl.recovering = false;
    }
  }

  // ---- user agent ---------------------------------------------------------------------------------
  function makeUserAgent(acc: AccountConfig, e: number): UserAgent {
    const uri = UserAgent.makeURI(acc.uri)!;
    const proxy = acc.outboundProxy.trim();
    sdhProvider = new SdhProvider({
      peerConnection: { iceServers: acc.iceServers, bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' },
      iceGatheringTimeoutMs: acc.iceGatheringTimeoutMs,
      srflxGraceMs: Math.min(opt.srflxGraceMs, acc.iceGatheringTimeoutMs),
      mediaStreamFactory: () => takeMicrophone(),
      now,
      logger: () => agent.getLogger('sip.SessionDescriptionHandler'),
      warm: opt.warm,
      warmMaxAgeMs: opt.warmMaxAgeMs,
      rewarmDelayMs: 3000,
      onPeerConnection: (pc) => reaper.track(pc),
    });
    const agent: UserAgent = new UserAgent({
      uri,
      authorizationUsername: acc.authorizationUsername,
      authorizationPassword: acc.password,
      displayName: acc.displayName,
      userAgentString: 'Relance',
      gracefulShutdown: false,
      logBuiltinEnabled: false,
      logConfiguration: false,
      logLevel: deps.sipLogLevel ?? 'warn',
      logConnector: (level, category, _label, content) => log(level, `[${category}] ${content}`),
      sipExtensionReplaces: SIPExtension.Supported,
      // We send 180 ourselves, only for calls that will ring (not for the ones answered 486).
      sendInitialProvisionalResponse: false,
      ...(proxy ? { preloadedRouteSet: [/;lr\b/.test(proxy) ? `<${proxy}>` : `<${proxy};lr>`] } : {}),
      transportOptions: { server: acc.server, connectionTimeout: opt.connectionTimeoutSec, traceSip: false },
      sessionDescriptionHandlerFactory: sdhProvider.factory,
      delegate: {
        onInvite: (invitation) => {
          if (e === epoch) onInvite(invitation);
          else void invitation.reject({ statusCode: 480 }).catch(() => undefined);
        },
        onConnect: () => {
          if (e === epoch) wsOpenAt = now();
        },
        onDisconnect: (error) => {
          if (e === epoch) onTransportDown(error ? error.message.replace(/^WebSocket closed \S+ /, '') : '');
        },
      },
    });
    if (deps.wireTap) {
      const tap = deps.wireTap;
      const transport = agent.transport;
      const send = transport.send.bind(transport);
      transport.send = (m: string) => {
        tap('out', m, now());
        return send(m);
      };
      const onMessage = transport.onMessage;
      transport.onMessage = (m: string) => {
        tap('in', m, now());
        onMessage?.(m);
      };
    }
    if (opt.keepAlive) {
      keepAlive = new KeepAlive({
        intervalMs: opt.keepAlive.intervalMs,
        timeoutMs: opt.keepAlive.timeoutMs,
        ping: () => ping(agent),
        onDead: (detail) => {
          if (e !== epoch) return;
          log('warn', `phone server connection is dead: ${detail}`);
          onTransportDown(detail, 'keep-alive');
          void agent.transport.disconnect().catch(() => undefined);
        },
      });
    }
    return agent;
  }

  function ping(agent: UserAgent): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!agent.isConnected()) {
        reject(new Error('not connected'));
        return;
      }
      const target = UserAgent.makeURI(`sip:${domain}`);
      if (!target) {
        reject(new Error(`bad domain ${domain}`));
        return;
      }
      const core = agent.userAgentCore;
      const message = core.makeOutgoingRequestMessage('OPTIONS', target, agent.configuration.uri, target, {});
      // Any response proves the path; sip.js reports a transport failure as its own 503.
      core.request(message, {
        onAccept: () => resolve(),
        onReject: (r) =>
          agent.isConnected() ? resolve() : reject(new Error(sipStatusText(r.message.statusCode ?? 0))),
      });
    });
  }

  async function teardown(): Promise<void> {
    epoch++;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    keepAlive?.stop();
    keepAlive = undefined;
    const agent = ua;
    const reg = registerer;
    ua = undefined;
    registerer = undefined;
    for (const ctl of [...calls.values()]) {
      if (!isLive(ctl.call.state)) continue;
      ctl.pendingEnd ??= { hangupSide: 'local', reason: 'phone account changed or closed' };
      await endSession(ctl).catch(() => undefined);
      finalize(ctl);
    }
    sdhProvider?.dispose();
    sdhProvider = undefined;
    if (agent) {
      if (reg && reg.state === RegistererState.Registered && agent.isConnected()) {
        await Promise.race([reg.unregister().catch(() => undefined), sleep(1000)]);
      }
      await agent.stop().catch(() => undefined);
    }
    started = false;
    wsOpenAt = undefined;
    registeredAt = undefined;
  }

  // ---- microphone --------------------------------------------------------------------------------
  async function takeMicrophone(): Promise<MediaStream> {
    const p = prepared;
    if (p && p.stream.getAudioTracks().some((t) => t.readyState === 'live')) {
      prepared = undefined;
      clearTimeout(p.timer);
      return p.stream;
    }
    return audio.microphone();
  }

  function releasePrepared(): void {
    if (!prepared) return;
    clearTimeout(prepared.timer);
    for (const t of prepared.stream.getTracks()) t.stop();
    prepared = undefined;
  }

  function audioSender(ctl: CallCtl): RTCRtpSender | undefined {
    const pc = sdhOf(ctl)?.peerConnection;
    return pc?.getSenders().find((s) => s.track?.kind === 'audio') ?? pc?.getSenders()[0];
  }

  function sdhOf(ctl: CallCtl): FastSessionDescriptionHandler | undefined {
    return ctl.session.sessionDescriptionHandler as FastSessionDescriptionHandler | undefined;
  }

  /** The microphone reaches the other side only when the call is neither muted nor on hold. */
  function applySenderEnabled(ctl: CallCtl): void {
    const track = audioSender(ctl)?.track;
    if (track) track.enabled = !ctl.call.muted && !isOnHoldLocally(ctl.call.state);
  }

  function updateMeter(): void {
    const talking = [...calls.values()].find((c) => c.call.state === 'active' && !c.playing);
    const track = talking ? (audioSender(talking)?.track ?? undefined) : prepared?.stream.getAudioTracks()[0];
    audio.meterTrack(track && track.readyState === 'live' ? track : undefined);
  }

  async function swapMicrophones(): Promise<void> {
    for (const ctl of calls.values()) {
      const sender = audioSender(ctl);
      if (!sender || !isLive(ctl.call.state) || ctl.playing) continue;
      try {
        const stream = await audio.microphone();
        const old = sender.track;
        await sender.replaceTrack(stream.getAudioTracks()[0] ?? null);
        old?.stop();
        applySenderEnabled(ctl);
      } catch (e) {
        log('warn', `microphone switch failed for call ${ctl.call.id}: ${errorText(e)}`);
      }
    }
    if (prepared) {
      releasePrepared();
      void prepareMedia().catch(() => undefined);
    }
    updateMeter();
  }

  async function prepareMedia(): Promise<void> {
    if (prepared) return;
    const stream = await audio.microphone();
    if (prepared) {
      for (const t of stream.getTracks()) t.stop();
      return;
    }
    prepared = { stream, timer: setTimeout(releasePrepared, opt.preparedMediaMaxAgeMs) };
    updateMeter();
  }

  // ---- calls: common ---------------------------------------------------------------------------
  function get(callId: string): CallCtl {
    const ctl = calls.get(callId);
    if (!ctl || ctl.hidden) throw new Error(`no call ${callId}`);
    return ctl;
  }

  const liveCount = () => [...calls.values()].filter((c) => isLive(c.call.state)).length;

  function newCtl(
    session: Session,
    base: Pick<PhoneCall, 'direction' | 'number' | 'state'> & Partial<PhoneCall>,
    hidden: boolean,
  ): CallCtl {
    const id = `c${(++seq).toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
    let markReady: () => void = () => undefined;
    const ready = hidden ? new Promise<void>((r) => (markReady = r)) : Promise.resolve();
    const ctl: CallCtl = {
      call: { id, startedAt: now(), muted: false, waiting: false, ...base },
      session,
      hidden,
      ready,
      markReady,
      startedEmitted: false,
      rang: false,
      answered: false,
      declinedBySeller: false,
      quality: new QualityTracker(),
      dtmfChain: Promise.resolve(),
      recovering: false,
      iceFailed: false,
    };
    calls.set(id, ctl);
    wireSession(ctl);
    return ctl;
  }

  function wireSession(ctl: CallCtl): void {
    const session = ctl.session;
    session.delegate = {
      onBye: (bye) => {
        void bye.accept().catch(() => undefined);
        const t = ctl.transfer;
        ctl.pendingEnd ??= t
          ? { sipStatus: 200, hangupSide: 'local', reason: `transferred to ${t.target}` }
          : { sipStatus: 200, hangupSide: 'remote', reason: 'hung up by the other party' };
        if (t && !t.done) {
          t.done = true;
          emit(ctl, { type: 'transferred', kind: t.kind, target: t.target });
        }
      },
      onCancel: () => {
        ctl.pendingEnd ??= {
          sipStatus: 487,
          hangupSide: 'remote',
          reason: 'the caller hung up before the call was answered',
        };
      },
      onInfo: (info) => onInfo(ctl, info),
      onRefer: (referral) => onRefer(ctl, referral),
      onInvite: (request, _response, statusCode) => {
        if (statusCode !== 200) return;
        const sdp = typeof request.body === 'string' ? request.body : '';
        const remoteHold = /\r?\na=(sendonly|inactive)\r?\n/.test(sdp) || /\r?\nc=IN IP4 0\.0\.0\.0\r?\n/.test(sdp);
        if (remoteHold !== Boolean(ctl.call.remoteHold)) update(ctl, { remoteHold });
      },
      onSessionDescriptionHandler: (sdh) => watchMedia(ctl, sdh as FastSessionDescriptionHandler),
    };
    session.stateChange.addListener((s) => {
      if (s === SessionState.Established) onEstablished(ctl);
      // sip.js announces Terminated before it hands the final response to our onReject: let
      // that run first so the end carries the real status.
      else if (s === SessionState.Terminated) queueMicrotask(() => finalize(ctl));
    });
  }

  function watchMedia(ctl: CallCtl, sdh: FastSessionDescriptionHandler): void {
    const pc = sdh.peerConnection;
    if (!pc) return;
    pc.addEventListener('track', () => attachRemote(ctl));
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState !== 'failed' || !isConnected(ctl.call.state)) return;
      // The media path broke (network change): restart ICE now, or after the reconnect.
      ctl.iceFailed = true;
      if (ua?.isConnected() && registration.kind === 'registered') void recoverCall(ctl);
      else update(ctl, { networkProblem: 'audio path lost; it will be restored when the connection is back' });
    });
    attachRemote(ctl);
  }

  function attachRemote(ctl: CallCtl): void {
    const pc = sdhOf(ctl)?.peerConnection;
    if (!pc || !isLive(ctl.call.state)) return;
    const tracks = pc
      .getReceivers()
      .map((r) => r.track)
      .filter((t): t is MediaStreamTrack => !!t && t.kind === 'audio');
    if (!tracks.length) return;
    const el = audio.remoteElement(ctl.call.id);
    const current = el?.srcObject instanceof MediaStream ? el.srcObject : undefined;
    if (current && tracks.every((t) => current.getTracks().includes(t))) return;
    audio.attachRemote(ctl.call.id, new MediaStream(tracks));
  }

  function onEstablished(ctl: CallCtl): void {
    if (!isLive(ctl.call.state)) return;
    ctl.answered = true;
    move(ctl, 'established', { answeredAt: now() });
    ensureStarted(ctl);
    emit(ctl, { type: 'answered' });
    attachRemote(ctl);
    applySenderEnabled(ctl);
    ctl.statsTimer = setInterval(() => void pollStats(ctl), opt.statsIntervalMs);
    // First sample early, so a call the other side ends quickly still has a quality summary.
    setTimeout(() => void pollStats(ctl), Math.min(1000, opt.statsIntervalMs));
    if (opt.warm) sdhProvider?.ensureWarm();
    // sip.js itself sends the BYE to a replaced call right after this; we only say why.
    if (ctl.replaces) handOver(ctl.replaces, 'replaced by the transferred call', false);
    if (ctl.referredFrom) handOver(ctl.referredFrom, `transferred by the other party to ${ctl.call.number}`, true);
  }

  /** The call `oldId` was taken over by another one (a transfer completed): it ends. */
  function handOver(oldId: string, reason: string, hangUp: boolean): void {
    const old = calls.get(oldId);
    if (!old || !isLive(old.call.state)) return;
    old.pendingEnd ??= { sipStatus: 200, hangupSide: 'remote', reason };
    if (hangUp) void endSession(old).catch((e: unknown) => log('warn', `could not end call ${oldId}: ${errorText(e)}`));
  }

  async function pollStats(ctl: CallCtl): Promise<void> {
    const pc = sdhOf(ctl)?.peerConnection;
    if (!pc || !isConnected(ctl.call.state)) return;
    try {
      const report = await pc.getStats();
      const live = ctl.quality.add(sampleFromStats(report.values() as Iterable<Record<string, unknown>>));
      if (live && ctl.call.state === 'active' && isLive(ctl.call.state)) update(ctl, { quality: live });
    } catch (e) {
      log('debug', `getStats failed: ${errorText(e)}`);
    }
  }

  function finalize(ctl: CallCtl): void {
    if (!isLive(ctl.call.state)) return;
    if (ctl.hidden) {
      // Never lose a call: finish once the lead match is known (bounded by its timeout).
      void ctl.ready.then(() => finalize(ctl));
      return;
    }
    if (ctl.statsTimer !== undefined) clearInterval(ctl.statsTimer);
    ctl.statsTimer = undefined;
    ctl.playing?.stop();
    const end = ctl.pendingEnd ?? defaultEnd(ctl);
    const quality = ctl.quality.summary();
    move(ctl, 'end', {
      endedAt: now(),
      end: {
        ...(end.sipStatus !== undefined ? { sipStatus: end.sipStatus } : {}),
        hangupSide: end.hangupSide,
        reason: end.reason,
      },
      networkProblem: undefined,
    });
    ensureStarted(ctl);
    emit(ctl, {
      type: 'ended',
      ...(end.sipStatus !== undefined ? { sipStatus: end.sipStatus } : {}),
      hangupSide: end.hangupSide,
      reason: end.reason.slice(0, 256),
      ...(quality ? { quality } : {}),
    });
    audio.detachRemote(ctl.call.id);
    if (isMissed({ ...ctl.call, answered: ctl.answered, declinedBySeller: ctl.declinedBySeller })) addMissed(ctl.call);
    recent = [ctl.call, ...recent].slice(0, RECENT_MAX);
    // A consultation that ended leaves its original call alone.
    for (const other of calls.values()) {
      if (other.call.consultationId === ctl.call.id) other.call = { ...other.call, consultationId: undefined };
    }
    if (opt.warm && registration.kind === 'registered') sdhProvider?.ensureWarm();
    ctl.lingerTimer = setTimeout(() => {
      calls.delete(ctl.call.id);
      publish();
    }, opt.endedLingerMs);
    publish();
  }

  function defaultEnd(ctl: CallCtl): PendingEnd {
    if (ctl.answered) return { sipStatus: 200, hangupSide: 'system', reason: 'the call ended unexpectedly' };
    if (ctl.call.direction === 'inbound') {
      return { sipStatus: 480, hangupSide: 'system', reason: 'not answered in time' };
    }
    return { hangupSide: 'system', reason: 'the call could not be set up' };
  }

  function addMissed(call: PhoneCall): void {
    const entry: MissedCall = {
      callId: call.id,
      number: call.number,
      at: call.startedAt,
      ...(call.displayName ? { displayName: call.displayName } : {}),
      ...(call.leadId ? { leadId: call.leadId } : {}),
      ...(call.leadName ? { leadName: call.leadName } : {}),
    };
    missed = [entry, ...missed].slice(0, MISSED_MAX);
  }

  /** Ends the SIP side of a call in whatever state it is; the session's Terminated finalizes. */
  async function endSession(ctl: CallCtl): Promise<void> {
    const s = ctl.session;
    switch (s.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (s instanceof Inviter) await s.cancel();
        else if (s instanceof Invitation) await s.reject({ statusCode: ctl.pendingEnd?.sipStatus === 603 ? 603 : 486 });
        break;
      case SessionState.Established:
        await s.bye();
        break;
      default:
        break;
    }
    if (s.state !== SessionState.Terminated && s.state !== SessionState.Terminating) {
      // The session cannot end by itself (e.g. no dialog yet): finish it here.
      await s.dispose().catch(() => undefined);
    }
    if (s.state === SessionState.Terminated) finalize(ctl);
    else if (s.state === SessionState.Terminating)
      setTimeout(() => {
        if (!isLive(ctl.call.state)) return;
        log(
          'warn',
          `call ${ctl.call.id}: no final answer to our ${s instanceof Inviter && !ctl.answered ? 'CANCEL' : 'BYE'}; ended here`,
        );
        void s.dispose().catch(() => undefined);
        finalize(ctl);
      }, opt.endAnswerTimeoutMs);
  }

  /**
   * Sends a re-INVITE and resolves with its final status (200 or the error). The offer is rolled
   * back on refusal, so the connection stays usable.
   */
  function reinvite(ctl: CallCtl, sdhOptions: { hold: boolean; offerOptions?: RTCOfferOptions }): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      ctl.session
        .invite({
          sessionDescriptionHandlerOptions: {
            hold: sdhOptions.hold,
            ...(sdhOptions.offerOptions ? { offerOptions: sdhOptions.offerOptions } : {}),
          } as object,
          requestDelegate: {
            onAccept: () => resolve(200),
            onReject: (r) => {
              lastReject.set(ctl, r.message.reasonPhrase ?? '');
              resolve(r.message.statusCode ?? 500);
            },
          },
        })
        .catch(reject);
    });
  }
  const lastReject = new WeakMap<CallCtl, string>();

  // ---- inbound -----------------------------------------------------------------------------------
  function onInvite(invitation: Invitation): void {
    const acc = account;
    if (!acc) {
      void invitation.reject({ statusCode: 480 }).catch(() => undefined);
      return;
    }
    const identity = invitation.assertedIdentity ?? invitation.remoteIdentity;
    const number = callerNumber(identity.uri.user, acc.defaultRegion);
    const displayName = identity.displayName || invitation.remoteIdentity.displayName || undefined;
    const replaced = invitation.replacee
      ? [...calls.values()].find((c) => c.session === invitation.replacee)
      : undefined;

    if (replaced) {
      // We are the transfer target: the new call replaces one we already have; no ringing.
      const ctl = newCtl(
        invitation,
        { direction: 'inbound', number, state: 'incoming', ...(displayName ? { displayName } : {}) },
        false,
      );
      ctl.replaces = replaced.call.id;
      if (replaced.call.leadId && replaced.call.number === number) {
        ctl.call = { ...ctl.call, leadId: replaced.call.leadId, leadName: replaced.call.leadName };
      }
      move(ctl, 'answer');
      ensureStarted(ctl);
      invitation
        .accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } })
        .catch((e: unknown) => {
          ctl.pendingEnd ??= { hangupSide: 'system', reason: `could not take the transferred call: ${errorText(e)}` };
          void endSession(ctl).catch(() => undefined);
        });
      return;
    }

    const decision = decideIncoming(liveCount(), acc.maxLines);
    const ctl = newCtl(
      invitation,
      {
        direction: 'inbound',
        number,
        state: 'incoming',
        waiting: decision.action === 'waiting',
        ...(displayName ? { displayName } : {}),
      },
      true,
    );
    if (decision.action === 'busy') {
      ctl.pendingEnd = {
        sipStatus: 486,
        hangupSide: 'system',
        reason: `486 Busy Here: all ${acc.maxLines} lines were in use`,
      };
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
    } else {
      // 180 only for a call we will really ring (a busy one gets 486 straight away).
      ctl.rang = true;
      void invitation.progress().catch((e: unknown) => log('warn', `180 Ringing not sent: ${errorText(e)}`));
    }
    void matchLead(number).then((lead) => {
      if (lead) ctl.call = { ...ctl.call, leadId: lead.leadId, leadName: lead.name };
      ctl.hidden = false;
      ctl.markReady();
      ensureStarted(ctl);
      publish();
    });
  }

  async function matchLead(number: string): Promise<{ leadId: string; name: string } | undefined> {
    const m = matcher;
    if (!m || number === 'anonymous') return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        m(number).catch((e: unknown) => {
          log('warn', `lead match failed for ${number}: ${errorText(e)}`);
          return undefined;
        }),
        new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), opt.leadMatchTimeoutMs))),
      ]);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  function onInfo(ctl: CallCtl, info: Info): void {
    const type = info.request.getHeader('content-type') ?? '';
    const body = info.request.body ?? '';
    if (/application\/dtmf-relay/i.test(type)) {
      const signal = /Signal\s*=\s*([0-9A-D*#])/i.exec(body)?.[1];
      void info.accept().catch(() => undefined);
      if (signal) update(ctl, { receivedDtmf: (ctl.call.receivedDtmf ?? '') + signal.toUpperCase() });
      return;
    }
    if (/application\/dtmf/i.test(type) && /^[0-9A-D*#]$/i.test(body.trim())) {
      void info.accept().catch(() => undefined);
      update(ctl, { receivedDtmf: (ctl.call.receivedDtmf ?? '') + body.trim().toUpperCase() });
      return;
    }
    void info.reject({ statusCode: 415 }).catch(() => undefined);
  }

  /** The other side transfers us (we are the transferee): call the target, then leave. */
  function onRefer(ctl: CallCtl, referral: Referral): void {
    const acc = account;
    const agent = ua;
    if (!acc || !agent || !isConnected(ctl.call.state)) {
      void referral.reject().catch(() => undefined);
      return;
    }
    let target: URI;
    try {
      target = referral.referTo.uri;
    } catch {
      void referral.reject({ statusCode: 400 }).catch(() => undefined);
      return;
    }
    void referral.accept().then(() => {
      const inviter = referral.makeInviter({
        sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } as object,
        earlyMedia: true,
      });
      const number = callerNumber(target.user, acc.defaultRegion);
      const next = newCtl(inviter, { direction: 'outbound', number, state: 'dialing' }, false);
      next.referredFrom = ctl.call.id;
      ensureStarted(next);
      publish();
      void sendInvite(next, inviter).catch((e: unknown) => log('warn', `transfer call failed: ${errorText(e)}`));
    });
  }

  // ---- outbound ----------------------------------------------------------------------------------
  async function sendInvite(ctl: CallCtl, inviter: Inviter): Promise<void> {
    try {
      await inviter.invite({
        requestDelegate: {
          onProgress: (r) => {
            const code = r.message.statusCode ?? 0;
            if ((code === 180 || code === 183) && (ctl.call.state === 'dialing' || ctl.call.state === 'ringing')) {
              const first = ctl.call.state === 'dialing';
              move(ctl, 'progress');
              if (first) {
                ctl.rang = true;
                emit(ctl, { type: 'ringing' });
              }
            }
          },
          onReject: (r) => {
            const code = r.message.statusCode ?? 0;
            const local = ctl.pendingEnd?.hangupSide === 'local';
            if (!local) {
              ctl.pendingEnd = {
                sipStatus: code,
                hangupSide: code === 408 || code === 503 ? 'system' : 'remote',
                reason: callFailureReason(code, r.message.reasonPhrase),
              };
            }
          },
        },
      });
    } catch (e) {
      ctl.pendingEnd ??= { hangupSide: 'system', reason: `could not start the call: ${errorText(e)}` };
      if (ctl.session.state !== SessionState.Terminated) await ctl.session.dispose().catch(() => undefined);
      finalize(ctl);
      throw new Error(ctl.pendingEnd.reason);
    }
  }

  async function holdOthers(except: string): Promise<void> {
    const shown = [...calls.values()].filter((c) => !c.hidden).map((c) => c.call);
    for (const id of callsToHold(shown, except)) {
      try {
        await engine.hold(id);
      } catch (e) {
        throw new Error(`the current call could not be put on hold: ${errorText(e)}`);
      }
    }
  }

  async function placeCall(target: string, options: PlaceCallOptions, consultFor?: string): Promise<string> {
    const acc = account;
    const agent = ua;
    if (!acc || !agent) throw new Error('no phone account is set up');
    if (registration.kind !== 'registered') {
      throw new Error(
        registration.kind === 'failed'
          ? `the phone is not registered: ${registration.detail}`
          : 'the phone is not connected to the server yet',
      );
    }
    const t = normalizeTarget(target, domain, acc.defaultRegion);
    if (!t.ok) throw new Error(t.error);
    const uri = UserAgent.makeURI(t.uri);
    if (!uri) throw new Error(`"${target}" is not a valid SIP address`);
    const lines = canPlaceCall(liveCount(), acc.maxLines);
    if (!lines.ok) throw new Error(lines.error);
    await holdOthers('');
    const inviter = new Inviter(agent, uri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } as object,
      earlyMedia: true,
    });
    const ctl = newCtl(
      inviter,
      {
        direction: 'outbound',
        number: t.number,
        state: 'dialing',
        ...(options.leadId ? { leadId: options.leadId } : {}),
        ...(options.dialerSessionId ? { dialerSessionId: options.dialerSessionId } : {}),
      },
      false,
    );
    if (consultFor) {
      const original = calls.get(consultFor);
      if (original) original.call = { ...original.call, consultationId: ctl.call.id };
    }
    ensureStarted(ctl);
    publish();
    await sendInvite(ctl, inviter);
    return ctl.call.id;
  }

  // ---- transfers ---------------------------------------------------------------------------------
  function sipfragStatus(n: Notification): number | undefined {
    const m = /^SIP\/2\.0 (\d{3})/m.exec(n.request.body ?? '');
    return m ? Number(m[1]) : undefined;
  }

  /** Sends REFER; resolves when accepted, rejects with the refusal. NOTIFYs go to `onStatus`. */
  function refer(ctl: CallCtl, target: URI | Session, onStatus: (code: number, text: string) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      ctl.session
        .refer(target, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (r) =>
              reject(
                new Error(`transfer refused: ${callFailureReason(r.message.statusCode ?? 0, r.message.reasonPhrase)}`),
              ),
          },
          onNotify: (n) => {
            void n.accept().catch(() => undefined);
            const code = sipfragStatus(n);
            if (code !== undefined && code >= 200) onStatus(code, (n.request.body ?? '').split(/\r?\n/)[0] ?? '');
          },
        })
        .catch(reject);
    });
  }

  // ---- the engine ---------------------------------------------------------------------------------
  const engine: DiagnosablePhoneEngine = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCallEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },

    async configure(next) {
      await teardown();
      const e = epoch;
      account = next;
      everRegistered = false;
      if (!next) {
        domain = '';
        setRegistration({ kind: 'unconfigured' });
        return;
      }
      const problems = validateAccount(next);
      if (problems.length) {
        setRegistration({
          kind: 'failed',
          reason: 'invalid-config',
          detail: problems.map((p) => p.message).join('; '),
        });
        return;
      }
      domain = accountDomain(next.uri);
      audio.listen();
      void audio.refresh();
      ua = makeUserAgent(next, e);
      registerer = newRegisterer(ua);
      applyRegistration({ type: 'start' });
      await connect(e);
    },

    testConnection(acc): Promise<ConnectionTestResult> {
      return runConnectionTest(acc, {
        now,
        timeoutMs: opt.connectionTestTimeoutMs,
        connectionTimeoutSec: opt.connectionTimeoutSec,
        log,
        ...(deps.diagnoseTransport ? { diagnoseTransport: deps.diagnoseTransport } : {}),
      });
    },

    async prepare() {
      if (!account) throw new Error('no phone account is set up');
      if (opt.warm) sdhProvider?.ensureWarm();
      await prepareMedia();
    },

    call: (target, options = {}) => placeCall(target, options),

    async answer(callId) {
      const ctl = get(callId);
      if (ctl.call.state !== 'incoming') throw new Error(`cannot answer a call that is ${ctl.call.state}`);
      const invitation = ctl.session as Invitation;
      await holdOthers(callId);
      move(ctl, 'answer');
      try {
        await invitation.accept({
          sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } as object,
        });
      } catch (e) {
        ctl.pendingEnd ??= { hangupSide: 'system', reason: `could not answer: ${errorText(e)}` };
        await endSession(ctl).catch(() => undefined);
        throw new Error(ctl.pendingEnd.reason);
      }
    },

    async decline(callId) {
      const ctl = get(callId);
      if (ctl.call.state !== 'incoming') throw new Error(`cannot decline a call that is ${ctl.call.state}`);
      const code = account?.declineCode ?? 486;
      ctl.declinedBySeller = true;
      ctl.pendingEnd = { sipStatus: code, hangupSide: 'local', reason: `declined (${sipStatusText(code)})` };
      await (ctl.session as Invitation).reject({ statusCode: code });
    },

    async hangup(callId) {
      const ctl = get(callId);
      const state = ctl.call.state;
      if (state === 'ended') return;
      if (state === 'incoming') return engine.decline(callId);
      ctl.pendingEnd ??=
        state === 'dialing' || state === 'ringing'
          ? { sipStatus: 487, hangupSide: 'local', reason: 'cancelled before answer' }
          : { sipStatus: 200, hangupSide: 'local', reason: 'hung up' };
      // A last quality sample while the media is still up: a short call still gets its summary.
      if (ctl.answered) await pollStats(ctl);
      await endSession(ctl);
    },

    async hold(callId) {
      const ctl = get(callId);
      move(ctl, 'hold', { holdProblem: undefined });
      applySenderEnabled(ctl);
      let code: number;
      try {
        code = await reinvite(ctl, { hold: true });
      } catch (e) {
        code = 0;
        lastReject.set(ctl, errorText(e));
      }
      if (ctl.call.state !== 'holding') return;
      if (code === 200) {
        move(ctl, 'hold-ok');
        emit(ctl, { type: 'held' });
        return;
      }
      const why = code ? sipStatusText(code, lastReject.get(ctl)) : (lastReject.get(ctl) ?? 'not sent');
      move(ctl, 'hold-failed', { holdProblem: `hold failed (${why}); the call is still active` });
      applySenderEnabled(ctl);
      throw new Error(ctl.call.holdProblem);
    },

    async resume(callId) {
      const ctl = get(callId);
      await holdOthers(callId);
      move(ctl, 'resume', { holdProblem: undefined });
      let code: number;
      try {
        code = await reinvite(ctl, { hold: false });
      } catch (e) {
        code = 0;
        lastReject.set(ctl, errorText(e));
      }
      if (ctl.call.state !== 'resuming') return;
      if (code === 200) {
        move(ctl, 'resume-ok');
        applySenderEnabled(ctl);
        emit(ctl, { type: 'resumed' });
        return;
      }
      const why = code ? sipStatusText(code, lastReject.get(ctl)) : (lastReject.get(ctl) ?? 'not sent');
      move(ctl, 'resume-failed', { holdProblem: `resume failed (${why}); the call is still on hold` });
      throw new Error(ctl.call.holdProblem);
    },

    setMuted(callId, muted) {
      const ctl = get(callId);
      if (!isLive(ctl.call.state)) throw new Error(`cannot mute a call that is ${ctl.call.state}`);
      update(ctl, { muted });
      applySenderEnabled(ctl);
    },

    async sendDtmf(callId, digits) {
      const ctl = get(callId);
      if (!DTMF.test(digits)) throw new Error(`DTMF digits must be 0-9, A-D, * or #, got "${digits}"`);
      if (ctl.call.state !== 'active') throw new Error(`cannot send digits on a call that is ${ctl.call.state}`);
      if (account?.dtmfMethod === 'info') {
        const send = async () => {
          for (const d of digits.toUpperCase()) {
            await new Promise<void>((resolve, reject) => {
              ctl.session
                .info({
                  requestOptions: {
                    body: {
                      contentDisposition: 'render',
                      contentType: 'application/dtmf-relay',
                      content: `Signal=${d}\r\nDuration=160\r\n`,
                    },
                  },
                  requestDelegate: {
                    onAccept: () => resolve(),
                    onReject: (r) =>
                      reject(
                        new Error(
                          `digit ${d} refused: ${sipStatusText(r.message.statusCode ?? 0, r.message.reasonPhrase)}`,
                        ),
                      ),
                  },
                })
                .catch(reject);
            });
          }
        };
        // Keypad presses arrive faster than INFO round trips: keep them in order.
        const run = ctl.dtmfChain.then(send, send);
        ctl.dtmfChain = run.catch(() => undefined);
        return run;
      }
      const sdh = sdhOf(ctl);
      if (!sdh || !sdh.sendDtmf(digits.toUpperCase(), { duration: 100, interToneGap: 70 })) {
        throw new Error('the call cannot send RFC 4733 digits (no telephone-event negotiated)');
      }
    },

    async blindTransfer(callId, target) {
      const ctl = get(callId);
      if (!isConnected(ctl.call.state)) throw new Error(`cannot transfer a call that is ${ctl.call.state}`);
      const t = normalizeTarget(target, domain, account?.defaultRegion ?? 'FR');
      if (!t.ok) throw new Error(t.error);
      const uri = UserAgent.makeURI(t.uri);
      if (!uri) throw new Error(`"${target}" is not a valid SIP address`);
      update(ctl, { transferProblem: undefined });
      try {
        await refer(ctl, uri, () => undefined);
      } catch (e) {
        update(ctl, { transferProblem: errorText(e) });
        throw e;
      }
      // Blind: once the other side accepted the REFER, our part is done.
      ctl.transfer = { kind: 'blind', target: t.number, done: true };
      emit(ctl, { type: 'transferred', kind: 'blind', target: t.number });
      if (isLive(ctl.call.state)) {
        ctl.pendingEnd ??= { sipStatus: 200, hangupSide: 'local', reason: `transferred to ${t.number}` };
        await endSession(ctl).catch(() => undefined);
      }
    },

    async consult(callId, target) {
      const ctl = get(callId);
      if (!isConnected(ctl.call.state)) throw new Error(`cannot consult about a call that is ${ctl.call.state}`);
      if (ctl.call.state === 'active') await engine.hold(callId);
      if (ctl.call.state !== 'held') throw new Error('the call must be on hold before calling the transfer target');
      return placeCall(target, {}, callId);
    },

    async completeTransfer(callId, consultationId) {
      const ctl = get(callId);
      const consult = get(consultationId);
      if (!isConnected(ctl.call.state)) throw new Error(`cannot transfer a call that is ${ctl.call.state}`);
      if (!isConnected(consult.call.state)) {
        throw new Error(`the transfer target has not answered (consultation is ${consult.call.state})`);
      }
      const dialog = consult.session.dialog;
      if (!dialog) throw new Error('the consultation call has no dialog to replace');
      // Refer-To names the target's address of record (not its Contact): a proxy that aliases
      // WebSocket contacts routes only the AOR as a new request. Replaces picks the dialog.
      const target = {
        dialog: {
          remoteTarget: consult.session.remoteIdentity.uri,
          callId: dialog.callId,
          remoteTag: dialog.remoteTag,
          localTag: dialog.localTag,
        },
        remoteIdentity: consult.session.remoteIdentity,
      } as unknown as Session;
      update(ctl, { transferProblem: undefined });
      const outcome = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the transfer got no final answer within 32 s')), 32_000);
        refer(ctl, target, (code, text) => {
          clearTimeout(timer);
          if (code < 300) resolve();
          else reject(new Error(`transfer failed: ${text || sipStatusText(code)}`));
        }).catch((e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        });
      });
      ctl.transfer = { kind: 'attended', target: consult.call.number, done: false };
      // The target ends the consultation itself once Bob's INVITE replaced it.
      consult.transfer = { kind: 'attended', target: consult.call.number, done: true };
      try {
        await outcome;
      } catch (e) {
        ctl.transfer = undefined;
        consult.transfer = undefined;
        update(ctl, { transferProblem: errorText(e) });
        throw e;
      }
      if (!ctl.transfer.done) {
        ctl.transfer.done = true;
        emit(ctl, { type: 'transferred', kind: 'attended', target: consult.call.number });
      }
      const reason = `transferred to ${consult.call.number}`;
      ctl.pendingEnd ??= { sipStatus: 200, hangupSide: 'local', reason };
      consult.pendingEnd ??= { sipStatus: 200, hangupSide: 'local', reason: 'transfer completed' };
      await Promise.all([endSession(ctl).catch(() => undefined), endSession(consult).catch(() => undefined)]);
    },

    async setDevices(devices) {
      await audio.choose(devices);
    },

    async playIntoCall(callId, buffer) {
      const ctl = get(callId);
      if (!isConnected(ctl.call.state)) throw new Error(`cannot play into a call that is ${ctl.call.state}`);
      if (ctl.playing) throw new Error('something is already playing into this call');
      const sender = audioSender(ctl);
      if (!sender) throw new Error('the call has no audio sender');
      const clip = await audio.bufferTrack(buffer);
      const mic = sender.track;
      ctl.playing = { stop: clip.stop };
      try {
        clip.track.enabled = !isOnHoldLocally(ctl.call.state);
        await sender.replaceTrack(clip.track);
        updateMeter();
        let onState: (s: SessionState) => void = () => undefined;
        await new Promise<void>((resolve) => {
          onState = (s) => {
            if (s === SessionState.Terminated) resolve();
          };
          ctl.session.stateChange.addListener(onState);
          void clip.start().then(resolve);
        });
        ctl.session.stateChange.removeListener(onState);
      } finally {
        ctl.playing = undefined;
        clip.stop();
        if (isLive(ctl.call.state) && sender.transport?.state !== 'closed') {
          await sender.replaceTrack(mic).catch(() => undefined);
          applySenderEnabled(ctl);
        }
        updateMeter();
      }
    },

    setLeadMatcher(match) {
      matcher = match;
    },

    async dispose() {
      await teardown();
      account = null;
      releasePrepared();
      audio.dispose();
      setRegistration({ kind: 'unregistered' });
    },

    diagnostics: {
      media(callId) {
        const ctl = calls.get(callId);
        if (!ctl) return {};
        const sdh = sdhOf(ctl);
        const el = audio.remoteElement(callId);
        const track = audioSender(ctl)?.track ?? undefined;
        return {
          ...(sdh?.peerConnection ? { peerConnection: sdh.peerConnection } : {}),
          ...(el?.srcObject instanceof MediaStream ? { remoteStream: el.srcObject } : {}),
          ...(track ? { localTrack: track } : {}),
          ...(el ? { audioElement: el } : {}),
        };
      },
      gathering(callId) {
        const ctl = calls.get(callId);
        return ctl ? [...(sdhOf(ctl)?.gatheringReports ?? [])] : [];
      },
      registrationLog: () => [...registrationLog],
      connectionTimes: () => ({
        ...(wsOpenAt !== undefined ? { wsOpenAt } : {}),
        ...(registeredAt !== undefined ? { registeredAt } : {}),
      }),
      hasWarmPeerConnection: () => sdhProvider?.hasWarm ?? false,
      peerConnections: () => reaper.counts(),
    },
  };
  return engine;
}

/**
 * sip.js parses messages with a large generated grammar; the first parse in a fresh page costs
 * tens of ms of compilation, which would land between the 401 challenge and our second REGISTER.
 * Parsing canned responses once at creation moves that cost off the registration path.
 */
function warmUpSipParser(): void {
  const logger = new Core.LoggerFactory().getLogger('sip.warmup');
  const base = [
    'Via: SIP/2.0/WSS abc.invalid;branch=z9hG4bK1;received=127.0.0.1;rport=1',
    'From: <sip:warm@example.com>;tag=1',
    'To: <sip:warm@example.com>;tag=2',
    'Call-ID: warm',
    'CSeq: 1 REGISTER',
  ];
  const messages = [
    ['SIP/2.0 401 Unauthorized', ...base, 'WWW-Authenticate: Digest realm="example.com", nonce="abc", qop="auth"'],
    ['SIP/2.0 200 OK', ...base, 'Contact: <sip:w@abc.invalid;transport=ws>;expires=300'],
  ];
  for (const m of messages) Core.Parser.parseMessage(`${m.join('\r\n')}\r\nContent-Length: 0\r\n\r\n`, logger);
}

/** Registerer.waiting is private in sip.js 0.21; a REGISTER without final response blocks register(). */
const isWaiting = (r: Registerer): boolean => (r as unknown as { waiting: boolean }).waiting;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
