import { describe, expect, it } from 'vitest';
import type { DialerEmit } from '../../../src/core/dialer/events';
import { RendererCallPlacer } from '../../../src/core/dialer/renderer-placer';
import { ManualTimers } from './fakes';

function setup() {
  const sent: { name: string; payload: Record<string, unknown> }[] = [];
  const emit: DialerEmit = (name, payload) => void sent.push({ name, payload: payload as Record<string, unknown> });
  const timers = new ManualTimers();
  return { sent, timers, placer: new RendererCallPlacer(emit, timers, 10_000) };
}
const request = { dialerSessionId: 'S1', leadId: 'lead1', number: '+33612345678' };

describe('placing calls through the renderer', () => {
  it('asks the softphone with an event and resolves with the call id it answers', async () => {
    const { sent, placer } = setup();
    const placing = placer.place(request);
    expect(sent).toEqual([{ name: 'dialer.placeCall', payload: { requestId: expect.any(String), ...request } }]);
    const requestId = sent[0]!.payload.requestId as string;
    expect(placer.settle({ requestId, callId: 'c7' })).toBe(true);
    await expect(placing).resolves.toEqual({ callId: 'c7' });
    expect(placer.settle({ requestId, callId: 'c7' })).toBe(false); // answered once only
  });

  it('rejects with the softphone’s words, or when no page answers in time', async () => {
    const { sent, timers, placer } = setup();
    const refused = placer.place(request);
    placer.settle({ requestId: sent[0]!.payload.requestId as string, problem: 'phone not registered' });
    await expect(refused).rejects.toThrow('phone not registered');
    const silent = placer.place(request);
    timers.advance(10_000);
    await expect(silent).rejects.toThrow('the phone did not start the call within 10 s');
    expect(placer.settle({ requestId: sent[1]!.payload.requestId as string, callId: 'late' })).toBe(false);
  });

  it('passes preparation and hang-up on as events', () => {
    const { sent, placer } = setup();
    placer.prepare({ leadId: 'lead2', number: '+33698765432' });
    placer.hangup({ dialerSessionId: 'S1' });
    expect(sent).toEqual([
      { name: 'dialer.prepareCall', payload: { leadId: 'lead2', number: '+33698765432' } },
      { name: 'dialer.hangup', payload: { dialerSessionId: 'S1' } },
    ]);
  });
});
