import type { CallPlacer, PlaceRequest, Timers } from '../../../src/core/dialer/ports';

/** Timers on a manual clock: nothing waits for real time. */
export class ManualTimers implements Timers {
  #next = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void }>();

  /** `clock` can be shared with other services under test (the lead service's clock). */
  constructor(readonly clock: { now: number } = { now: Date.parse('2026-03-10T09:00:00Z') }) {}

  get now(): number {
    return this.clock.now;
  }

  set now(value: number) {
    this.clock.now = value;
  }

  set(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, fn });
    return id;
  }

  clear(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  get pending(): number {
    return this.#timers.size;
  }

  /** Moves the clock, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const t of this.#timers) if (t[1].at <= end && (!due || t[1].at < due[1].at)) due = t;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
  }
}

/** A softphone that starts every call (c1, c2…) unless told to fail. */
export class FakePlacer implements CallPlacer {
  readonly placed: PlaceRequest[] = [];
  readonly prepared: { leadId: string; number: string }[] = [];
  readonly hangups: { dialerSessionId: string; callId?: string }[] = [];
  failWith: string | undefined;
  onPlace: ((request: PlaceRequest) => void) | undefined;
  #n = 0;

  place(request: PlaceRequest): Promise<{ callId: string }> {
    this.placed.push(request);
    this.onPlace?.(request);
    if (this.failWith) return Promise.reject(new Error(this.failWith));
    return Promise.resolve({ callId: `c${++this.#n}` });
  }

  prepare(next: { leadId: string; number: string }): void {
    this.prepared.push(next);
  }

  hangup(request: { dialerSessionId: string; callId?: string }): void {
    this.hangups.push(request);
  }
}

/** Lets promise callbacks (picks, placements, saves) run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
