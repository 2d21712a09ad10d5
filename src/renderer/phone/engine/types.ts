// The softphone engine's public face: the React panel, the dialer bridge and the tests use only
// this. The engine owns sip.js, WebRTC and audio; it holds no React state.
import type { CallEvent } from '../../../shared/domain/call-event';
import type { CallQuality } from '../../../shared/domain/call-record';

export interface AccountConfig {
  /** ws:// or wss:// */
  server: string;
  /** sip:user@domain */
  uri: string;
  authorizationUsername: string;
  password: string;
  displayName: string;
  outboundProxy: string;
  dtmfMethod: 'rfc4733' | 'info';
  iceServers: RTCIceServer[];
  iceGatheringTimeoutMs: number;
  /** Calls in progress beyond which an incoming call is answered 486 by the app itself. */
  maxLines: number;
  declineCode: 486 | 603;
  /** Region for reading national numbers ("FR"). */
  defaultRegion: string;
}

export type RegistrationFailure =
  | 'unreachable' // WebSocket could not connect
  | 'tls' // wss handshake / certificate problem
  | 'unauthorized' // 401/403 after credentials
  | 'not-found' // 404 unknown user
  | 'timeout'
  | 'rejected' // any other final response
  | 'invalid-config'; // the account itself is unusable (detail lists the fields)

export type RegistrationState =
  | { kind: 'unconfigured' }
  | { kind: 'connecting'; attempt: number }
  | { kind: 'registered'; since: number }
  | { kind: 'reconnecting'; attempt: number; retryAt: number; lastError: string }
  | { kind: 'failed'; reason: RegistrationFailure; code?: number; detail: string }
  | { kind: 'unregistered' };

export type ConnectionTestResult =
  { ok: true; ms: number } | { ok: false; reason: RegistrationFailure; code?: number; detail: string };

/** Explicit call states; transitions live in call-machine.ts. */
export type CallState =
  | 'dialing' // INVITE being prepared/sent, no provisional response yet
  | 'ringing' // outbound: 180/183 received
  | 'incoming' // inbound: ringing here, not answered
  | 'connecting' // answered, media being set up
  | 'active'
  | 'holding' // hold re-INVITE in flight
  | 'held'
  | 'resuming'
  | 'ended';

export interface LiveQuality extends CallQuality {
  /** Worst of the three, for the small indicator. */
  grade: 'good' | 'fair' | 'poor';
}

export interface PhoneCall {
  id: string;
  direction: 'outbound' | 'inbound';
  /** E.164 when readable, else what was dialled/received. */
  number: string;
  displayName?: string;
  state: CallState;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  muted: boolean;
  /** Set when a hold/resume re-INVITE failed: the state shows the truth, this says why. */
  holdProblem?: string;
  /** This call waits while another one is active (call waiting). */
  waiting: boolean;
  leadId?: string;
  /** The matched lead's name, shown before answering. */
  leadName?: string;
  dialerSessionId?: string;
  quality?: LiveQuality;
  /** Final status and words, once ended. */
  end?: { sipStatus?: number; hangupSide: 'local' | 'remote' | 'system'; reason: string };
  /** Attended transfer: the consultation call this call will be transferred to. */
  consultationId?: string;
  /** Set when a transfer was refused or failed; the call is still here. */
  transferProblem?: string;
  /** Set while the connection to the server is lost or the call could not be refreshed after it came back. */
  networkProblem?: string;
  /** The other side put this call on hold (its re-INVITE offered sendonly/inactive). */
  remoteHold?: boolean;
  /** DTMF digits received by SIP INFO (application/dtmf-relay), in order. */
  receivedDtmf?: string;
}

export interface MissedCall {
  callId: string;
  number: string;
  displayName?: string;
  at: number;
  leadId?: string;
  leadName?: string;
}

export interface AudioDevices {
  microphoneId: string;
  speakerId: string;
  ringerId: string;
}

export interface PhoneSnapshot {
  registration: RegistrationState;
  calls: readonly PhoneCall[];
  missed: readonly MissedCall[];
  /** Microphone level 0..1, updated a few times per second while a call is up or the meter is on. */
  inputLevel: number;
  /** Set when a chosen device disappeared and the default is used instead. */
  deviceFallback?: { kind: 'microphone' | 'speaker' | 'ringer'; wantedId: string };
  /** What the ringer plays: a full ring, the soft call-waiting tone, or nothing. */
  ringtone: 'off' | 'ring' | 'soft';
  /** Recently ended calls, newest first (at most 20), until the dialer keeps its own list. */
  recent: readonly PhoneCall[];
}

export interface PlaceCallOptions {
  leadId?: string;
  dialerSessionId?: string;
}

export interface PhoneEngine {
  getSnapshot(): PhoneSnapshot;
  /** For useSyncExternalStore: called after every snapshot change. */
  subscribe(listener: () => void): () => void;
  /** Every call event, in order, for core (outcome log, dialer). */
  onCallEvent(listener: (event: CallEvent) => void): () => void;

  /** Start (or restart with) an account; null stops and unregisters. */
  configure(account: AccountConfig | null): Promise<void>;
  testConnection(account: AccountConfig): Promise<ConnectionTestResult>;

  /** Media and peer connection made ready before the click, so the INVITE leaves at once. */
  prepare(): Promise<void>;
  call(target: string, options?: PlaceCallOptions): Promise<string>;
  answer(callId: string): Promise<void>;
  decline(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  hold(callId: string): Promise<void>;
  resume(callId: string): Promise<void>;
  setMuted(callId: string, muted: boolean): void;
  sendDtmf(callId: string, digits: string): Promise<void>;
  blindTransfer(callId: string, target: string): Promise<void>;
  /** Attended transfer, step 1: holds `callId` and calls `target`; returns the consultation call id. */
  consult(callId: string, target: string): Promise<string>;
  /** Attended transfer, step 2: REFER with Replaces, then both legs end here. */
  completeTransfer(callId: string, consultationId: string): Promise<void>;
  setDevices(devices: Partial<AudioDevices>): Promise<void>;
  /** Plays an audio buffer into the call instead of the microphone (voicemail drop), resolves when done. */
  playIntoCall(callId: string, audio: ArrayBuffer): Promise<void>;
  setLeadMatcher(match: (number: string) => Promise<{ leadId: string; name: string } | undefined>): void;
  dispose(): Promise<void>;
}
