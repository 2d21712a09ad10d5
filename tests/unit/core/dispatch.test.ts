import { describe, expect, it, vi } from 'vitest';
import { requests, type Handlers } from '../../../src/shared/contract';
import { AppFailure } from '../../../src/shared/result';
import { dispatch } from '../../../src/core/rpc/dispatch';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  // Every request of the contract, so the fixture follows the contract as it grows.
  const all = Object.fromEntries(Object.keys(requests).map((name) => [name, unused])) as unknown as Handlers;
  return {
    ...all,
    'app.info': () => ({ name: 'Relance', version: '1.0.0', shell: 'web', dataDir: '/d' }),
    'store.problems': () => [],
    ...overrides,
  };
}

describe('dispatch', () => {
  it('runs a valid request and wraps the value', async () => {
    expect(await dispatch(handlers(), 'app.info', {})).toEqual({
      ok: true,
      value: { name: 'Relance', version: '1.0.0', shell: 'web', dataDir: '/d' },
    });
  });

  it('refuses an unknown method without calling anything', async () => {
    const result = await dispatch(handlers(), 'settings.delete', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const proto = await dispatch(handlers(), 'toString', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('rejects an invalid payload before the handler runs, naming the field', async () => {
    const update = vi.fn();
    const result = await dispatch(handlers({ 'settings.update': update }), 'settings.update', {
      sip: { server: 'http://x' },
    });
    expect(update).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'sip.server' } });
    const extra = await dispatch(handlers({ 'settings.update': update }), 'settings.update', { admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(update).not.toHaveBeenCalled();
  });

  it('turns an AppFailure into its code and hides internal errors', async () => {
    const locked = await dispatch(
      handlers({
        'settings.clearSipPassword': () => {
          throw new AppFailure('locked-by-admin', 'locked', 'sip.password');
        },
      }),
      'settings.clearSipPassword',
      {},
    );
    expect(locked).toEqual({ ok: false, error: { code: 'locked-by-admin', message: 'locked', field: 'sip.password' } });
    const warn = vi.fn();
    const crashed = await dispatch(
      handlers({
        'store.problems': () => {
          throw new Error('EACCES /home/seller/secret/path');
        },
      }),
      'store.problems',
      {},
      { warn },
    );
    expect(crashed).toEqual({ ok: false, error: { code: 'internal', message: 'store.problems failed' } });
    expect(warn).toHaveBeenCalledOnce();
  });
});
