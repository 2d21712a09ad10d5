import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../../src/shared/domain/call-event';
import { CallEventOutbox, type SendResult } from '../../../../src/renderer/phone/call-event-outbox';

const at = '2025-03-10T09:00:00.000Z';
const started: CallEvent = { type: 'started', callId: 'c1', at, direction: 'outbound', number: '+33612345678' };
const answered: CallEvent = { type: 'answered', callId: 'c1', at };
const ended: CallEvent = { type: 'ended', callId: 'c1', at, hangupSide: 'local', sipStatus: 200 };

describe('call event outbox', () => {
  it('keeps events until core acknowledges them, and resends them in order', async () => {
    const delivered: string[] = [];
    let online = false;
    const outbox = new CallEventOutbox(async (event): Promise<SendResult> => {
      if (!online) return 'retry';
      delivered.push(event.type);
      return 'acknowledged';
    });
    await outbox.push(started);
    await outbox.push(answered);
    await outbox.push(ended);
    expect(delivered).toEqual([]);
    expect(outbox.pending).toBe(3);

    online = true;
    await outbox.flush();
    expect(delivered).toEqual(['started', 'answered', 'ended']);
    expect(outbox.pending).toBe(0);
  });

  it('drops a rejected event, reports it, and carries on with the next', async () => {
    const rejected: CallEvent[] = [];
    const delivered: string[] = [];
    const outbox = new CallEventOutbox(
      async (event) => {
        if (event.type === 'answered') return 'rejected';
        delivered.push(event.type);
        return 'acknowledged';
      },
      (event) => rejected.push(event),
    );
    await outbox.push(started);
    await outbox.push(answered);
    await outbox.push(ended);
    expect(delivered).toEqual(['started', 'ended']);
    expect(rejected).toEqual([answered]);
  });

  it('never sends two events at once, so core sees them in order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const delivered: string[] = [];
    const outbox = new CallEventOutbox(async (event) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      delivered.push(event.type);
      inFlight -= 1;
      return 'acknowledged';
    });
    await Promise.all([outbox.push(started), outbox.push(answered), outbox.push(ended)]);
    await outbox.flush();
    expect(maxInFlight).toBe(1);
    expect(delivered).toEqual(['started', 'answered', 'ended']);
  });
});
