// `dispositions.changed`: core tells every window the set a manager saved, so a Dialer page open
// in another tab offers the new outcomes without a reload.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/app-core';
import { dispatch } from '../../../src/core/rpc/dispatch';
import { events as contractEvents, type EventName } from '../../../src/shared/contract';
import { defaultDispositions } from '../../../src/shared/domain/disposition';
import { openTestCore } from '../support/test-core';

let open: Core | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('dispositions.changed', () => {
  it('is emitted by core with the new set after a save, and not after a refused one', async () => {
    const { core } = await openTestCore('relance-dispositions-changed-');
    open = core;
    const events: { event: EventName; payload: unknown }[] = [];
    core.subscribe((event, payload) => {
      if (event === 'dispositions.changed') events.push({ event, payload });
    });
    const added = {
      ...defaultDispositions.find((d) => d.id === 'answered')!,
      id: 'essai-a-refaire',
      labels: { fr: 'Essai à refaire', en: 'Test drive to redo' },
    };
    const saved = await dispatch(core.handlers, 'dispositions.update', { set: [...defaultDispositions, added] });
    expect(saved.ok).toBe(true);
    expect(events).toEqual([{ event: 'dispositions.changed', payload: saved.ok ? saved.value : null }]);
    expect((events[0]!.payload as { id: string }[]).at(-1)!.id).toBe('essai-a-refaire');
    // Declared in the contract, so both transports carry it.
    expect(contractEvents['dispositions.changed'].safeParse(events[0]!.payload).success).toBe(true);

    const refused = await dispatch(core.handlers, 'dispositions.update', {
      set: defaultDispositions.map((d) =>
        d.id === 'refused' ? { ...d, retry: { afterMinutes: 60, maxAttempts: 1 } } : d,
      ),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'set.9.retry' } });
    expect(events).toHaveLength(1);
  });
});
