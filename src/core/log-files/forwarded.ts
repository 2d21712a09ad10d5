import type { LogLevel } from '../log';
import type { FileLogs } from './file-logs';

/** A line the page sends to core: its own events, or SIP signalling from the phone engine. */
export interface ForwardedLogEntry {
  stream: 'renderer' | 'sip';
  level: LogLevel;
  message: string;
  meta?: Record<string, unknown>;
}

export interface ForwardedLogResult {
  written: number;
  dropped: number;
}

export interface ForwardedLogOptions {
  /** Lines accepted per stream and per minute; a page stuck in a loop must not fill the disk. */
  perMinute?: number;
  now?: () => number;
}

/**
 * Writes forwarded lines to renderer.log / sip.log (redacted like every line), within a
 * per-minute budget. Lines over the budget are counted and reported once the minute is over.
 */
export function forwardedLogSink(
  logs: Pick<FileLogs, 'renderer' | 'sip'>,
  options: ForwardedLogOptions = {},
): (entries: readonly ForwardedLogEntry[]) => ForwardedLogResult {
  const perMinute = options.perMinute ?? 3000;
  const now = options.now ?? Date.now;
  const windows = {
    renderer: { start: -Infinity, used: 0, dropped: 0 },
    sip: { start: -Infinity, used: 0, dropped: 0 },
  };
  return (entries) => {
    let written = 0;
    let dropped = 0;
    for (const entry of entries) {
      const window = windows[entry.stream];
      const logger = logs[entry.stream];
      const at = now();
      if (at - window.start >= 60_000) {
        if (window.dropped > 0) {
          logger.warn('log lines dropped', { count: window.dropped, reason: `more than ${perMinute} in a minute` });
        }
        Object.assign(window, { start: at, used: 0, dropped: 0 });
      }
      if (window.used >= perMinute) {
        window.dropped++;
        dropped++;
        continue;
      }
      window.used++;
      logger[entry.level](entry.message, entry.meta);
      written++;
    }
    return { written, dropped };
  };
}
