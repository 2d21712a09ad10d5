// Dead-connection detection. A WebSocket whose peer vanished (server frozen, NAT state lost)
// may stay "open" for many minutes; sip.js's own CRLF keep-alive never acts on a missing reply.
// We send an OPTIONS ping every interval; any response proves the path, none within the
// timeout declares the connection dead so the engine can reconnect.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface KeepAliveOptions {
  intervalMs: number;
  timeoutMs: number;
  /** Resolves on any SIP response; rejects or never settles when the path is dead. */
  ping: () => Promise<unknown>;
  onDead: (detail: string) => void;
  timers?: Timers;
}

export class KeepAlive {
  private timer: unknown;
  private running = false;
  private generation = 0;
  private readonly timers: Timers;

  constructor(private readonly options: KeepAliveOptions) {
    if (!(options.intervalMs > 0) || !(options.timeoutMs > 0)) {
      throw new Error(
        `keep-alive interval and timeout must be positive (got ${options.intervalMs}/${options.timeoutMs})`,
      );
    }
    this.timers = options.timers ?? realTimers;
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    this.stop();
    this.running = true;
    this.schedule(++this.generation);
  }

  stop(): void {
    this.running = false;
    this.generation++;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(gen: number): void {
    this.timer = this.timers.setTimeout(() => this.beat(gen), this.options.intervalMs);
  }

  private beat(gen: number): void {
    if (gen !== this.generation) return;
    let settled = false;
    const deadline = this.timers.setTimeout(() => {
      if (settled || gen !== this.generation) return;
      settled = true;
      this.stop();
      this.options.onDead(`no answer to a keep-alive ping within ${this.options.timeoutMs} ms`);
    }, this.options.timeoutMs);
    const finish = (alive: boolean, detail?: string) => {
      if (settled || gen !== this.generation) return;
      settled = true;
      this.timers.clearTimeout(deadline);
      if (alive) {
        this.schedule(gen);
      } else {
        this.stop();
        this.options.onDead(detail ?? 'keep-alive ping failed');
      }
    };
    let p: Promise<unknown>;
    try {
      p = this.options.ping();
    } catch (e) {
      finish(false, `keep-alive ping could not be sent: ${String(e)}`);
      return;
    }
    p.then(
      () => finish(true),
      (e: unknown) => finish(false, `keep-alive ping failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}
