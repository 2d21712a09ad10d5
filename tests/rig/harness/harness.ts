// Browser-side sip.js harness, bundled by tests/rig/harness-server.ts and driven from Playwright
// through window.rig. One UserAgent per page; sessions kept by id so later tests can run several.
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web';
import { measureTone } from './tone.js';
import type { HarnessApi, RegisterResult, WireEvent } from './types.js';

// Epoch ms (fractional), comparable across pages and with Node's Date.now().
const now = () => performance.timeOrigin + performance.now();

let ua: UserAgent | undefined;
let registerer: Registerer | undefined;
const sessions = new Map<string, Session>();
const sessionStates = new Map<string, string[]>();
const incoming: string[] = [];
const wire: WireEvent[] = [];
const marks: Record<string, number> = {};
let seq = 0;

const audioConstraints: MediaTrackConstraints = {
  // Default processing attenuates a steady test tone about tenfold within seconds.
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
};

function firstLine(msg: string): string {
  const i = msg.indexOf('\r\n');
  return i < 0 ? msg : msg.slice(0, i);
}

function track(session: Session, id: string): void {
  sessions.set(id, session);
  const states: string[] = [];
  sessionStates.set(id, states);
  session.stateChange.addListener((s: SessionState) => {
    states.push(s);
    marks[`${id}:${s}`] = now();
    if (s === SessionState.Established) attachRemoteAudio(id, session);
  });
}

function peerConnection(session: Session): RTCPeerConnection | undefined {
  const sdh = session.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
  return sdh?.peerConnection;
}

function remoteStream(session: Session): MediaStream | undefined {
  const pc = peerConnection(session);
  if (!pc) return undefined;
  const tracks = pc
    .getReceivers()
    .map((r) => r.track)
    .filter((t): t is MediaStreamTrack => !!t && t.kind === 'audio');
  return tracks.length ? new MediaStream(tracks) : undefined;
}

// WebAudio reads silence from a remote WebRTC stream unless it also plays in an unmuted <audio>.
function attachRemoteAudio(id: string, session: Session): void {
  const stream = remoteStream(session);
  if (!stream) return;
  let el = document.getElementById(`audio-${id}`) as HTMLAudioElement | null;
  if (!el) {
    el = document.createElement('audio');
    el.id = `audio-${id}`;
    el.autoplay = true;
    document.body.appendChild(el);
  }
  el.muted = false;
  el.srcObject = stream;
  void el.play().catch(() => undefined);
}

function getSession(id?: string): { id: string; session: Session } {
  const key = id ?? [...sessions.keys()].pop();
  const session = key ? sessions.get(key) : undefined;
  if (!key || !session) throw new Error(`no session ${id ?? '(latest)'}`);
  return { id: key, session };
}

const api: HarnessApi = {
  async register(wsUrl, user, password, opts = {}) {
    const domain = new URL(wsUrl).hostname;
    const uri = UserAgent.makeURI(`sip:${user}@${domain}`);
    if (!uri) throw new Error('bad uri');
    ua = new UserAgent({
      uri,
      authorizationUsername: user,
      authorizationPassword: password,
      transportOptions: { server: wsUrl, traceSip: false },
      logLevel: opts.logLevel ?? 'warn',
      logBuiltinEnabled: true,
      sessionDescriptionHandlerFactoryOptions: {
        // No public STUN default; loopback only.
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: opts.iceGatheringTimeout ?? 500,
      },
      delegate: {
        onInvite(invitation: Invitation) {
          const id = `in${++seq}`;
          track(invitation, id);
          incoming.push(id);
          marks[`${id}:invite`] = now();
        },
      },
    });
    // Timestamped wire log, for measuring click-to-INVITE etc.
    const transport = ua.transport;
    const send = transport.send.bind(transport);
    transport.send = (m: string) => {
      wire.push({ t: now(), dir: 'out', line: firstLine(m) });
      return send(m);
    };
    await ua.start();
    const onMessage = transport.onMessage;
    transport.onMessage = (m: string) => {
      wire.push({ t: now(), dir: 'in', line: firstLine(m) });
      onMessage?.(m);
    };

    registerer = new Registerer(ua, { expires: opts.expires ?? 300 });
    const started = now();
    return new Promise<RegisterResult>((resolve) => {
      let settled = false;
      const finish = (r: RegisterResult) => {
        if (!settled) {
          settled = true;
          resolve(r);
        }
      };
      registerer!.stateChange.addListener((s) => {
        if (s === RegistererState.Registered) finish({ ok: true, state: s, code: 200, ms: now() - started });
      });
      void registerer!
        .register({
          requestDelegate: {
            onAccept: (r) =>
              finish({ ok: true, state: registerer!.state, code: r.message.statusCode ?? 200, ms: now() - started }),
            onReject: (r) =>
              finish({
                ok: false,
                state: registerer!.state,
                code: r.message.statusCode ?? 0,
                reason: r.message.reasonPhrase,
                ms: now() - started,
              }),
          },
        })
        .catch((e: unknown) =>
          finish({ ok: false, state: registerer!.state, code: 0, reason: String(e), ms: now() - started }),
        );
      setTimeout(
        () => finish({ ok: false, state: registerer!.state, code: 0, reason: 'timeout', ms: now() - started }),
        10_000,
      );
    });
  },

  async unregister() {
    if (registerer) await registerer.unregister();
    if (ua) await ua.stop();
  },

  async call(target, opts = {}) {
    if (!ua) throw new Error('not registered');
    const domain = ua.configuration.uri.host;
    const targetUri = UserAgent.makeURI(target.includes('@') ? target : `sip:${target}@${domain}`);
    if (!targetUri) throw new Error(`bad target ${target}`);
    const id = `out${++seq}`;
    marks[`${id}:click`] = now();
    const inviter = new Inviter(ua, targetUri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: audioConstraints, video: false } },
      earlyMedia: opts.earlyMedia ?? false,
    });
    track(inviter, id);
    await inviter.invite({
      requestDelegate: {
        onReject: (r) => {
          marks[`${id}:reject${r.message.statusCode}`] = now();
        },
      },
    });
    return id;
  },

  async answer(id) {
    const { id: key, session } = getSession(id ?? incoming[incoming.length - 1]);
    if (!(session instanceof Invitation)) throw new Error(`${key} is not incoming`);
    marks[`${key}:answer`] = now();
    await session.accept({
      sessionDescriptionHandlerOptions: { constraints: { audio: audioConstraints, video: false } },
    });
    return key;
  },

  async hangup(id) {
    const { session } = getSession(id);
    switch (session.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (session instanceof Inviter) await session.cancel();
        else if (session instanceof Invitation) await session.reject();
        break;
      case SessionState.Established:
        await session.bye();
        break;
      default:
        break;
    }
  },

  state(id) {
    try {
      return getSession(id).session.state;
    } catch {
      return undefined;
    }
  },
  states: (id) => sessionStates.get(id) ?? [],
  incoming: () => [...incoming],
  registrationState: () => registerer?.state,
  wire: () => [...wire],
  marks: () => ({ ...marks }),

  async measureTone(freq, opts = {}) {
    const { id, session } = getSession(opts.id);
    attachRemoteAudio(id, session);
    const stream = remoteStream(session);
    if (!stream) throw new Error('no remote stream');
    return measureTone(stream, freq, opts.frames ?? 10, opts.intervalMs ?? 100);
  },

  async stats(id) {
    const pc = peerConnection(getSession(id).session);
    if (!pc) return [];
    const out: Record<string, unknown>[] = [];
    (await pc.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp' || s.type === 'outbound-rtp' || s.type === 'candidate-pair') out.push({ ...s });
    });
    return out;
  },
};

(window as unknown as { rig: HarnessApi }).rig = api;
document.title = 'rig-ready';
