// Shared between the browser harness and the Node side (Playwright page.evaluate calls).

export interface RegisterOptions {
  expires?: number;
  iceGatheringTimeout?: number;
  logLevel?: 'debug' | 'log' | 'warn' | 'error';
}

export interface RegisterResult {
  ok: boolean;
  /** sip.js RegistererState */
  state: string | undefined;
  /** final SIP status code (200, 401, 403...), 0 on transport error/timeout */
  code: number;
  reason?: string;
  ms: number;
}

export interface ToneResult {
  /** frequency of the strongest bin above 50 Hz */
  peakHz: number;
  /** power (dB, averaged) around the expected frequency */
  targetDb: number;
  /** strongest bin more than 10 bins away from the expected frequency */
  otherMaxDb: number;
  marginDb: number;
  binHz: number;
}

/** First line of each SIP message on the WebSocket; t in epoch ms (fractional). */
export interface WireEvent {
  t: number;
  dir: 'in' | 'out';
  line: string;
}

export interface HarnessApi {
  register(wsUrl: string, user: string, password: string, opts?: RegisterOptions): Promise<RegisterResult>;
  unregister(): Promise<void>;
  /** target: "bob" or a full SIP URI; returns the session id */
  call(target: string, opts?: { earlyMedia?: boolean }): Promise<string>;
  /** answers the given (default: latest) incoming session */
  answer(id?: string): Promise<string>;
  hangup(id?: string): Promise<void>;
  /** sip.js SessionState of the given (default: latest) session */
  state(id?: string): string | undefined;
  states(id: string): string[];
  incoming(): string[];
  registrationState(): string | undefined;
  wire(): WireEvent[];
  /** epoch ms of events: "<id>:click", "<id>:Established", "<id>:invite", ... */
  marks(): Record<string, number>;
  measureTone(freq: number, opts?: { id?: string; frames?: number; intervalMs?: number }): Promise<ToneResult>;
  stats(id?: string): Promise<Record<string, unknown>[]>;
}
