import { describe, expect, it, vi } from 'vitest';
import type { RelanceClient } from '../../../src/shared/client';
import { fail, ok, type Result } from '../../../src/shared/result';
import { trackConnection } from '../../../src/renderer/app/connection';

function fakeClient(answers: Result<unknown>[]) {
  const calls: string[] = [];
  const client: RelanceClient = {
    request: (async (method: string) => {
      calls.push(method);
      return answers.shift() ?? ok({});
    }) as RelanceClient['request'],
    on: () => () => {},
  };
  return { client, calls };
}

const closed = fail('transport-closed', 'lost');

describe('trackConnection', () => {
  it('goes to reconnecting on transport-closed and probes until core answers', async () => {
    const timers: (() => void)[] = [];
    const { client, calls } = fakeClient([closed, closed, ok({ name: 'Relance' })]);
    const connection = trackConnection(client, { setTimer: (run) => timers.push(run) });
    const states: string[] = [];
    connection.subscribe(() => states.push(connection.getState()));
    const reconnected = vi.fn();
    connection.onReconnected(reconnected);

    const result = await connection.client.request('settings.get', {});
    expect(result.ok).toBe(false);
    expect(connection.getState()).toBe('reconnecting');
    expect(timers).toHaveLength(1);

    timers.shift()!();
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(connection.getState()).toBe('reconnecting');

    timers.shift()!();
    await vi.waitFor(() => expect(connection.getState()).toBe('connected'));
    expect(calls).toEqual(['settings.get', 'app.info', 'app.info']);
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(timers).toHaveLength(0);
  });

  it('treats any other answer, even an error, as connected', async () => {
    const timers: (() => void)[] = [];
    const { client } = fakeClient([closed, fail('internal', 'boom')]);
    const connection = trackConnection(client, { setTimer: (run) => timers.push(run) });
    await connection.client.request('settings.get', {});
    expect(connection.getState()).toBe('reconnecting');
    await connection.client.request('settings.get', {});
    expect(connection.getState()).toBe('connected');
  });

  it('runs one probe loop however many requests fail', async () => {
    const timers: (() => void)[] = [];
    const { client } = fakeClient([closed, closed, closed]);
    const connection = trackConnection(client, { setTimer: (run) => timers.push(run) });
    await Promise.all([
      connection.client.request('settings.get', {}),
      connection.client.request('store.problems', {}),
      connection.client.request('app.info', {}),
    ]);
    expect(timers).toHaveLength(1);
  });
});
