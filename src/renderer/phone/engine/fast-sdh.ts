// sip.js's web SessionDescriptionHandler with a bounded ICE wait, offer rollback, and a
// pre-warmed peer connection.
//
// 1. Bounded wait: the INVITE (or the 200 answer) leaves at the first usable candidate
//    (ice-policy.ts) instead of when gathering completes, still capped by the gathering timeout.
// 2. Pre-warming: one peer connection is kept with `iceCandidatePoolSize: 1`, so Chrome has
//    gathered its candidates before the click; they surface within a millisecond of
//    setLocalDescription. With an unreachable STUN server the grace was spent while warming.
// 3. Rollback: the base class has no rollbackDescription, so after a refused hold re-INVITE the
//    connection stayed in have-local-offer with the transceiver at sendonly and every later
//    re-INVITE failed (SIP.js#685). Here a refused offer is rolled back and directions restored.
import { Web, type Session, type SessionDescriptionHandlerFactory } from 'sip.js';
import { candidatesInSdp, gatheringVerdict, parseCandidate, type Candidate } from './ice-policy';

// Through the Web namespace: a deep import of sip.js/lib/platform/web trips the layer lint.
const SessionDescriptionHandler = Web.SessionDescriptionHandler;
type MediaStreamFactory = Web.MediaStreamFactory;
type SessionDescriptionHandlerConfiguration = Web.SessionDescriptionHandlerConfiguration;
type SessionDescriptionHandlerOptions = Web.SessionDescriptionHandlerOptions;
type Logger = ConstructorParameters<typeof Web.SessionDescriptionHandler>[0];

export type GatheringEnd = 'srflx-or-relay' | 'host-udp' | 'host-udp-after-grace' | 'complete' | 'timeout';

/** How one wait for ICE candidates ended (kept for diagnostics, tests and the bench). */
export interface GatheringReport {
  why: GatheringEnd;
  /** From the start of this wait to its end. */
  waitedMs: number;
  /** Chrome's gathering state when the wait ended: 'gathering' means we did not wait for the rest. */
  gatheringState: RTCIceGatheringState;
  candidates: string[];
  warm: boolean;
  restart: boolean;
}

export interface FastSdhOptions {
  iceServersConfigured: boolean;
  srflxGraceMs: number;
  /** Epoch ms when this connection started its candidate pool (pre-warmed), if it did. */
  warmSince?: number;
  now: () => number;
  onGathering?: (report: GatheringReport) => void;
}

const describe = (c: Candidate) => `${c.type}/${c.protocol}`;

export class FastSessionDescriptionHandler extends SessionDescriptionHandler {
  readonly gatheringReports: GatheringReport[] = [];
  private endedBy: GatheringEnd | undefined;
  private waiting = false;
  private warmUsed = false;
  private stopWatching: (() => void) | undefined;
  private directionsBeforeOffer: Map<RTCRtpTransceiver, RTCRtpTransceiverDirection> | undefined;
  private agreedBeforeOffer: RTCSessionDescriptionInit | undefined;

  constructor(
    logger: Logger,
    mediaStreamFactory: MediaStreamFactory,
    configuration: SessionDescriptionHandlerConfiguration,
    private readonly fast: FastSdhOptions,
  ) {
    super(logger, mediaStreamFactory, configuration);
  }

  get warm(): boolean {
    return this.fast.warmSince !== undefined;
  }

  protected override updateDirection(options?: SessionDescriptionHandlerOptions): Promise<void> {
    const pc = this.peerConnection;
    if (pc?.signalingState === 'stable') {
      this.directionsBeforeOffer = new Map(pc.getTransceivers().map((t) => [t, t.direction]));
      const remote = pc.currentRemoteDescription;
      this.agreedBeforeOffer = remote ? { type: remote.type, sdp: remote.sdp } : undefined;
    }
    return super.updateDirection(options);
  }

  /** Called by sip.js when the other side refused our offer (non-2xx to a re-INVITE). */
  async rollbackDescription(): Promise<void> {
    const pc = this.peerConnection;
    if (!pc) return;
    const agreed = this.agreedBeforeOffer;
    this.agreedBeforeOffer = undefined;
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    else if (pc.signalingState === 'have-remote-offer') await pc.setRemoteDescription({ type: 'rollback' });
    const saved = this.directionsBeforeOffer;
    this.directionsBeforeOffer = undefined;
    for (const [transceiver, direction] of saved ?? []) {
      if (transceiver.direction !== 'stopped' && transceiver.direction !== direction) transceiver.direction = direction;
    }
    // Chrome 156 leaves the receiver without a decoder after rolling back a local offer (packets
    // arrive, nothing plays). Replaying the last agreed exchange locally, off the wire, restores it;
    // credentials and fingerprints are unchanged, so the other side notices nothing.
    if (!agreed) return;
    if (agreed.type === 'answer') {
      await pc.setLocalDescription(await pc.createOffer());
      await pc.setRemoteDescription(agreed);
    } else {
      await pc.setRemoteDescription(agreed);
      await pc.setLocalDescription(await pc.createAnswer());
    }
  }

  override iceGatheringComplete(): void {
    if (this.waiting && this.endedBy === undefined) {
      this.endedBy = this.peerConnection?.iceGatheringState === 'complete' ? 'complete' : 'timeout';
    }
    super.iceGatheringComplete();
  }

  protected override waitForIceGatheringComplete(restart = false, timeout = 0): Promise<void> {
    this.stopWatching?.();
    const pc = this.peerConnection;
    const start = this.fast.now();
    const fromPool = !restart && this.fast.warmSince !== undefined && !this.warmUsed;
    this.warmUsed = true;
    const gatheringStart = fromPool ? this.fast.warmSince! : start;
    const candidates = candidatesInSdp(pc?.localDescription?.sdp);
    this.endedBy = undefined;
    this.waiting = true;
    const promise = super.waitForIceGatheringComplete(restart, timeout);
    if (!pc) return promise;

    let recheck: ReturnType<typeof setTimeout> | undefined;
    const onCandidate = (event: RTCPeerConnectionIceEvent) => {
      const c = event.candidate?.candidate ? parseCandidate(event.candidate.candidate) : undefined;
      if (c) candidates.push(c);
      evaluate();
    };
    const cleanup = () => {
      pc.removeEventListener('icecandidate', onCandidate);
      if (recheck !== undefined) clearTimeout(recheck);
      recheck = undefined;
      this.waiting = false;
      this.stopWatching = undefined;
    };
    const evaluate = () => {
      if (!this.waiting) return;
      const verdict = gatheringVerdict({
        candidates,
        iceServersConfigured: this.fast.iceServersConfigured,
        sinceGatheringStartMs: this.fast.now() - gatheringStart,
        srflxGraceMs: this.fast.srflxGraceMs,
      });
      if (verdict.done) {
        this.endedBy = verdict.why;
        this.iceGatheringComplete();
      } else if (verdict.recheckInMs !== undefined && recheck === undefined) {
        recheck = setTimeout(() => {
          recheck = undefined;
          evaluate();
        }, verdict.recheckInMs);
      }
    };
    this.stopWatching = cleanup;
    pc.addEventListener('icecandidate', onCandidate);
    promise.then(
      () => {
        const report: GatheringReport = {
          why: this.endedBy ?? 'complete',
          waitedMs: this.fast.now() - start,
          gatheringState: pc.iceGatheringState,
          candidates: candidatesInSdp(pc.localDescription?.sdp).map(describe),
          warm: fromPool,
          restart,
        };
        cleanup();
        this.gatheringReports.push(report);
        this.fast.onGathering?.(report);
      },
      () => cleanup(),
    );
    // The base class resolves at once when gathering is already complete.
    if (this.waiting) evaluate();
    return promise;
  }
}

export interface SdhProviderConfig {
  peerConnection: RTCConfiguration;
  iceGatheringTimeoutMs: number;
  srflxGraceMs: number;
  mediaStreamFactory: MediaStreamFactory;
  now: () => number;
  logger: () => Logger;
  /** Keep one pre-warmed peer connection ready (default true). */
  warm: boolean;
  /** Replace the warm connection after this long, so its candidates stay current. */
  warmMaxAgeMs: number;
  /** Latest moment to warm the next connection once one was taken. */
  rewarmDelayMs: number;
  onGathering?: (report: GatheringReport) => void;
  /** Every peer connection made, warm or not (the page's reaper counts them). */
  onPeerConnection?: (pc: RTCPeerConnection) => void;
}

/** Hands sip.js a session description handler, pre-warmed when one is ready. */
export class SdhProvider {
  private warmSdh: FastSessionDescriptionHandler | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly config: SdhProviderConfig) {}

  readonly factory: SessionDescriptionHandlerFactory = (_session: Session) => {
    const sdh = this.take() ?? this.create(false);
    // The engine re-warms once this call is set up or over (a pool gathering now would compete
    // with it); this timer only covers a call that stays ringing.
    if (this.config.warm) setTimeout(() => this.ensureWarm(), this.config.rewarmDelayMs);
    return sdh;
  };

  get hasWarm(): boolean {
    return this.warmSdh !== undefined;
  }

  /** Start a pool now (idempotent). */
  ensureWarm(): void {
    if (this.disposed || this.warmSdh) return;
    this.warmSdh = this.create(true);
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const stale = this.warmSdh;
      this.warmSdh = undefined;
      stale?.close();
      this.ensureWarm();
    }, this.config.warmMaxAgeMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.warmSdh?.close();
    this.warmSdh = undefined;
  }

  private take(): FastSessionDescriptionHandler | undefined {
    const sdh = this.warmSdh;
    this.warmSdh = undefined;
    if (sdh && sdh.peerConnection?.connectionState === 'closed') return undefined;
    return sdh;
  }

  private create(warm: boolean): FastSessionDescriptionHandler {
    const c = this.config;
    const iceServersConfigured = (c.peerConnection.iceServers ?? []).length > 0;
    const sdh = new FastSessionDescriptionHandler(
      c.logger(),
      c.mediaStreamFactory,
      {
        iceGatheringTimeout: c.iceGatheringTimeoutMs,
        peerConnectionConfiguration: { ...c.peerConnection, iceCandidatePoolSize: warm ? 1 : 0 },
      },
      {
        iceServersConfigured,
        srflxGraceMs: c.srflxGraceMs,
        ...(warm ? { warmSince: c.now() } : {}),
        now: c.now,
        ...(c.onGathering ? { onGathering: c.onGathering } : {}),
      },
    );
    if (sdh.peerConnection) c.onPeerConnection?.(sdh.peerConnection);
    return sdh;
  }
}
