import { describe, expect, it, vi } from 'vitest';
import { createLogForwarder } from '../../../src/renderer/log-forwarder';

describe('page log forwarder', () => {
  it('batches lines, maps page levels to log levels, and bounds what it keeps', async () => {
    vi.useFakeTimers();
    const batches: unknown[][] = [];
    const forwarder = createLogForwarder(async (entries) => void batches.push(entries), {
      flushMs: 500,
      maxBatch: 2,
      maxPending: 3,
    });
    forwarder.push('sip', 'warn', 'REGISTER timed out');
    forwarder.push('sip', 'log', 'transport connected');
    forwarder.push('renderer', 'error', 'TypeError: x is undefined');
    forwarder.push('sip', 'debug', 'dropped: over maxPending');
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toEqual([
      [
        { stream: 'sip', level: 'warn', message: 'REGISTER timed out' },
        { stream: 'sip', level: 'info', message: 'transport connected' },
      ],
      [{ stream: 'renderer', level: 'error', message: 'TypeError: x is undefined' }],
    ]);
    vi.useRealTimers();
  });

  it('keeps going when core is unreachable', async () => {
    const forwarder = createLogForwarder(() => Promise.reject(new Error('closed')), { flushMs: 1 });
    forwarder.push('sip', 'error', 'a');
    await forwarder.flush();
    forwarder.push('sip', 'error', 'b');
    await expect(forwarder.flush()).resolves.toBeUndefined();
  });
});
