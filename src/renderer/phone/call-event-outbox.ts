import type { CallEvent } from '../../shared/domain/call-event';

export type SendResult = 'acknowledged' | 'retry' | 'rejected';

/**
 * Call events go to core in order and are kept here until core acknowledges them: a dropped
 * connection (web host restart, Electron reload of core) must not lose the end of a call.
 * A rejected event (core says it is invalid) is dropped with a console error rather than
 * blocking every later call.
 */
export class CallEventOutbox {
  readonly #queue: CallEvent[] = [];
  #sending = false;

  constructor(
    private readonly send: (event: CallEvent) => Promise<SendResult>,
    private readonly onRejected: (event: CallEvent) => void = () => undefined,
  ) {}

  get pending(): number {
    return this.#queue.length;
  }

  push(event: CallEvent): Promise<void> {
    this.#queue.push(event);
    return this.flush();
  }

  /** Sends what is queued, in order; stops at the first event that must be retried later. */
  async flush(): Promise<void> {
    if (this.#sending) return;
    this.#sending = true;
    try {
      while (this.#queue.length > 0) {
        const event = this.#queue[0]!;
        const result = await this.send(event);
        if (result === 'retry') return;
        this.#queue.shift();
        if (result === 'rejected') this.onRejected(event);
      }
    } finally {
      this.#sending = false;
    }
  }
}
