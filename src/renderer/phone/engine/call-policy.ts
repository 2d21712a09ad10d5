// Lines, call waiting and busy: sip.js accepts every INVITE it gets, so the policy is ours.
import type { CallState, PhoneCall } from './types';

export type IncomingDecision =
  /** No other call: ring normally. */
  | { action: 'ring' }
  /** Another call is up and a line is free: ring softly (call waiting). */
  | { action: 'waiting' }
  /** Every line is taken: answer 486 Busy Here ourselves (and list it as missed). */
  | { action: 'busy' };

/**
 * `liveCalls` counts every call not ended, ringing ones included, so a flood of INVITEs gets
 * one call-waiting prompt and 486 for the rest.
 */
export function decideIncoming(liveCalls: number, maxLines: number): IncomingDecision {
  if (!Number.isInteger(maxLines) || maxLines < 1) throw new Error(`maxLines must be at least 1, got ${maxLines}`);
  if (liveCalls >= maxLines) return { action: 'busy' };
  return liveCalls === 0 ? { action: 'ring' } : { action: 'waiting' };
}

/** An outbound call takes a line too. */
export function canPlaceCall(liveCalls: number, maxLines: number): { ok: true } | { ok: false; error: string } {
  if (liveCalls >= maxLines) {
    return {
      ok: false,
      error: `all ${maxLines} line${maxLines > 1 ? 's are' : ' is'} in use: end or transfer a call first`,
    };
  }
  return { ok: true };
}

/** Calls to put on hold before answering or placing another one (only one call talks at a time). */
export function callsToHold(calls: readonly Pick<PhoneCall, 'id' | 'state'>[], except: string): string[] {
  return calls.filter((c) => c.id !== except && c.state === 'active').map((c) => c.id);
}

/** A ringing call waits when another call already holds a line and is not itself ringing. */
export function isWaiting(call: Pick<PhoneCall, 'id'>, calls: readonly Pick<PhoneCall, 'id' | 'state'>[]): boolean {
  return calls.some((c) => c.id !== call.id && c.state !== 'ended' && c.state !== 'incoming');
}

/** What the ringer should play for the calls shown. */
export function ringtoneFor(calls: readonly Pick<PhoneCall, 'state' | 'waiting'>[]): 'off' | 'ring' | 'soft' {
  const ringing = calls.filter((c) => c.state === 'incoming');
  if (ringing.some((c) => !c.waiting)) return 'ring';
  return ringing.length > 0 ? 'soft' : 'off';
}

/** An inbound call that ended without being answered or declined by the seller is a missed call. */
export function isMissed(call: {
  direction: PhoneCall['direction'];
  answered: boolean;
  declinedBySeller: boolean;
  state: CallState;
}): boolean {
  return call.direction === 'inbound' && call.state === 'ended' && !call.answered && !call.declinedBySeller;
}
