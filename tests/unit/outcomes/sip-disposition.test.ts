import { describe, expect, it } from 'vitest';
import { sipDisposition, type CallEnd } from '../../../src/core/outcomes/sip-disposition';

const out = (sipStatus: number | undefined, extra: Partial<CallEnd> = {}): CallEnd => ({
  direction: 'outbound',
  sipStatus,
  answered: false,
  ringTimedOut: false,
  ...extra,
});

describe('disposition from SIP', () => {
  it.each([
    ['486 Busy Here', out(486), 'busy'],
    ['600 Busy Everywhere', out(600), 'busy'],
    ['404 Not Found', out(404), 'invalid-number'],
    ['484 Address Incomplete', out(484), 'invalid-number'],
    ['604 Does Not Exist Anywhere', out(604), 'invalid-number'],
    ['603 Decline', out(603), 'declined'],
    ['480 Temporarily Unavailable', out(480), 'no-answer'],
    ['408 Request Timeout', out(408), 'no-answer'],
    ['487 after the dialer ring timeout', out(487, { ringTimedOut: true }), 'no-answer'],
    ['no final status after the ring timeout', out(undefined, { ringTimedOut: true }), 'no-answer'],
    ['487 cancelled by the seller', out(487), undefined],
    ['no final status, no timeout (network lost)', out(undefined), undefined],
    ['answered (a person or a voicemail: the seller says)', out(200, { answered: true }), undefined],
    ['answered then 486 on a re-INVITE', out(486, { answered: true }), undefined],
    ['500 Server Error', out(500), undefined],
    ['503 Service Unavailable', out(503), undefined],
    ['inbound 486 (we were busy)', out(486, { direction: 'inbound' }), undefined],
    ['inbound 487 (caller gave up)', out(487, { direction: 'inbound', ringTimedOut: true }), undefined],
  ])('%s -> %s', (_name, end, expected) => {
    expect(sipDisposition(end)).toBe(expected);
  });
});
