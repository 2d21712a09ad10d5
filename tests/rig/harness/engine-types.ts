// API of the engine test page (tests/rig/harness/engine-page.ts), shared with the Node side.
import type { CallEvent } from '../../../src/shared/domain/call-event';
import type { GatheringReport } from '../../../src/renderer/phone/engine/fast-sdh';
import type {
  AccountConfig,
  AudioDevices,
  ConnectionTestResult,
  PhoneSnapshot,
  RegistrationState,
} from '../../../src/renderer/phone/engine/types';
import type { ToneResult } from './types';

export type { AccountConfig, CallEvent, ConnectionTestResult, GatheringReport, PhoneSnapshot, ToneResult };

export interface EnginePageOptions {
  /** Default false here: tone tests need the raw microphone. */
  audioProcessing?: boolean;
  keepAlive?: { intervalMs: number; timeoutMs: number } | false;
  statsIntervalMs?: number;
  srflxGraceMs?: number;
  warmPeerConnection?: boolean;
  warmMaxAgeMs?: number;
  leadMatchTimeoutMs?: number;
  connectionTestTimeoutMs?: number;
  connectionTimeoutSec?: number;
  endedLingerMs?: number;
  /** A CANCEL or BYE with no final answer ends the call after this (engine default 32 s). */
  endAnswerTimeoutMs?: number;
  sipLogLevel?: 'debug' | 'log' | 'warn' | 'error';
}

/** A SIP message on the WebSocket; `text` is kept for INVITE and INFO requests only. */
export interface EngineWire {
  t: number;
  dir: 'in' | 'out';
  line: string;
  text?: string;
}

export interface EnginePageApi {
  create(options?: EnginePageOptions): void;
  configure(account: AccountConfig | null): Promise<void>;
  testConnection(account: AccountConfig): Promise<ConnectionTestResult>;
  snapshot(): PhoneSnapshot;
  registrationLog(): { at: number; state: RegistrationState }[];
  events(): CallEvent[];
  wire(): EngineWire[];
  clearWire(): void;
  /** Epoch ms marks: "<id>:click" (call() entered) and "<id>:returned". */
  marks(): Record<string, number>;
  call(target: string, options?: { leadId?: string }): Promise<string>;
  answer(id: string): Promise<void>;
  decline(id: string): Promise<void>;
  hangup(id: string): Promise<void>;
  hold(id: string): Promise<{ ok: boolean; error?: string }>;
  resume(id: string): Promise<{ ok: boolean; error?: string }>;
  setMuted(id: string, muted: boolean): void;
  sendDtmf(id: string, digits: string): Promise<void>;
  blindTransfer(id: string, target: string): Promise<void>;
  consult(id: string, target: string): Promise<string>;
  completeTransfer(id: string, consultationId: string): Promise<void>;
  setDevices(devices: Partial<AudioDevices>): Promise<void>;
  prepare(): Promise<void>;
  /** Plays a generated sine into the call (playIntoCall). */
  playTone(id: string, hz: number, seconds: number): Promise<void>;
  /** Numbers the lead matcher should know; every lookup is recorded. */
  setLeads(leads: Record<string, { leadId: string; name: string }>): void;
  matcherLookups(): string[];
  measureTone(id: string, freq: number, opts?: { frames?: number; intervalMs?: number }): Promise<ToneResult>;
  /** The microphone track actually handed to the peer connection: enabled? */
  senderEnabled(id: string): boolean | null;
  signalingState(id: string): string | null;
  /** inbound/outbound RTP counters of the call's peer connection. */
  rtpCounters(id: string): Promise<{ received: number; sent: number }>;
  /** Receiver tracks vs. the tracks the call's audio element plays (debugging). */
  remoteTracks(id: string): { receivers: string[]; playing: string[] };
  gathering(id: string): GatheringReport[];
  connectionTimes(): { wsOpenAt?: number; registeredAt?: number };
  hasWarmPeerConnection(): boolean;
  peerConnections(): { created: number; uncollected: number; collections: number };
  audioDevices(): Promise<{ kind: string; deviceId: string }[]>;
  dispose(): Promise<void>;
  heapBytes(): number;

  // Plain sip.js with its defaults, for the bench baseline.
  baselineRegister(wsUrl: string, user: string, password: string, iceServers: RTCIceServer[]): Promise<void>;
  baselineCall(target: string): Promise<string>;
  baselineHangup(id: string): Promise<void>;
  baselineState(id: string): string | undefined;
  baselineStop(): Promise<void>;
}
