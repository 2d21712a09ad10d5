import type { RequestInput } from '../shared/contract';

type Entry = RequestInput<'logs.append'>['entries'][number];
type PageLevel = 'debug' | 'log' | 'info' | 'warn' | 'error';

const levels: Record<PageLevel, Entry['level']> = {
  debug: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
};

/**
 * Sends the page's log lines (SIP engine, uncaught errors) to core's rotating log files in
 * batches, so a support export shows what the phone did. Core redacts and rate-limits; lines
 * that cannot be sent while disconnected are dropped rather than piling up in the page.
 */
export function createLogForwarder(
  send: (entries: Entry[]) => Promise<unknown>,
  options: { flushMs?: number; maxBatch?: number; maxPending?: number } = {},
) {
  const flushMs = options.flushMs ?? 1000;
  const maxBatch = options.maxBatch ?? 200;
  const maxPending = options.maxPending ?? 1000;
  let pending: Entry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async () => {
    timer = undefined;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      await send(batch).catch(() => undefined);
    }
  };

  return {
    push(stream: Entry['stream'], level: PageLevel, message: string): void {
      if (pending.length >= maxPending) return;
      pending.push({ stream, level: levels[level], message: message.slice(0, 65_536) });
      timer ??= setTimeout(() => void flush(), flushMs);
    },
    flush,
  };
}
