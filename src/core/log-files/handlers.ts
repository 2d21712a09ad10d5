import type { ForwardedLogEntry, ForwardedLogResult } from './forwarded';

/**
 * Core's handler for `logs.append` (renderer and SIP lines forwarded by the page). Typed
 * here until the contract carries the request; app-core spreads it into its handlers.
 */
export function logHandlers(sink: (entries: readonly ForwardedLogEntry[]) => ForwardedLogResult) {
  return {
    'logs.append': ({ entries }: { entries: ForwardedLogEntry[] }): ForwardedLogResult => sink(entries),
  };
}
