import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeepAlive } from '../../../src/renderer/phone/engine/keep-alive';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keep-alive', () => {
  it('pings every interval while the server answers', async () => {
    const ping = vi.fn(() => Promise.resolve());
    const onDead = vi.fn();
    const k = new KeepAlive({ intervalMs: 1000, timeoutMs: 300, ping, onDead });
    k.start();
    await vi.advanceTimersByTimeAsync(3500);
    expect(ping).toHaveBeenCalledTimes(3);
    expect(onDead).not.toHaveBeenCalled();
    k.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('declares the connection dead when a ping gets no answer in time, once', async () => {
    const onDead = vi.fn();
    const k = new KeepAlive({ intervalMs: 1000, timeoutMs: 300, ping: () => new Promise(() => undefined), onDead });
    k.start();
    await vi.advanceTimersByTimeAsync(1299);
    expect(onDead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onDead).toHaveBeenCalledWith('no answer to a keep-alive ping within 300 ms');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(k.active).toBe(false);
  });

  it('declares it dead when the ping fails or cannot be sent', async () => {
    const onDead = vi.fn();
    new KeepAlive({
      intervalMs: 100,
      timeoutMs: 50,
      ping: () => Promise.reject(new Error('not connected')),
      onDead,
    }).start();
    await vi.advanceTimersByTimeAsync(100);
    expect(onDead).toHaveBeenCalledWith('keep-alive ping failed: not connected');
    const onDead2 = vi.fn();
    const throwing = () => {
      throw new Error('boom');
    };
    new KeepAlive({ intervalMs: 100, timeoutMs: 50, ping: throwing, onDead: onDead2 }).start();
    await vi.advanceTimersByTimeAsync(100);
    expect(onDead2.mock.calls[0]?.[0]).toMatch(/could not be sent/);
  });

  it('ignores a late answer after it was stopped or restarted', async () => {
    let answer: () => void = () => undefined;
    const onDead = vi.fn();
    const ping = vi.fn(() => new Promise<void>((r) => (answer = r)));
    const k = new KeepAlive({ intervalMs: 100, timeoutMs: 1000, ping, onDead });
    k.start();
    await vi.advanceTimersByTimeAsync(100);
    k.stop();
    answer();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ping).toHaveBeenCalledTimes(1);
    expect(onDead).not.toHaveBeenCalled();
  });

  it('refuses nonsense settings', () => {
    expect(
      () => new KeepAlive({ intervalMs: 0, timeoutMs: 1, ping: () => Promise.resolve(), onDead: () => undefined }),
    ).toThrow(/must be positive/);
  });
});
