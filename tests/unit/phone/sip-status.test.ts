import { describe, expect, it } from 'vitest';
import {
  callFailureReason,
  classifyRegisterFailure,
  connectionTestFailure,
  sipStatusText,
} from '../../../src/renderer/phone/engine/sip-status';

describe('SIP status words', () => {
  it('names a status, preferring the response phrase', () => {
    expect(sipStatusText(486)).toBe('486 Busy Here');
    expect(sipStatusText(486, 'Occupé')).toBe('486 Occupé');
    expect(sipStatusText(499)).toBe('499 Failure');
    expect(sipStatusText(599)).toBe('599 Server Error');
    expect(sipStatusText(699)).toBe('699 Global Failure');
  });

  it('explains why a call failed', () => {
    expect(callFailureReason(486)).toBe('486 Busy Here: the line is busy');
    expect(callFailureReason(603)).toBe('603 Decline: the call was declined');
    expect(callFailureReason(404)).toBe('404 Not Found: unknown number or user');
    expect(callFailureReason(488)).toBe('488 Not Acceptable Here: no common audio format');
    expect(callFailureReason(302, 'Moved Temporarily')).toBe('302 Moved Temporarily');
  });
});

describe('REGISTER failures', () => {
  it('gives up on credentials and unknown users, retries timeouts and server trouble', () => {
    expect(classifyRegisterFailure(401)).toEqual({ retry: false, reason: 'unauthorized' });
    expect(classifyRegisterFailure(403)).toEqual({ retry: false, reason: 'unauthorized' });
    expect(classifyRegisterFailure(407)).toEqual({ retry: false, reason: 'unauthorized' });
    expect(classifyRegisterFailure(404)).toEqual({ retry: false, reason: 'not-found' });
    expect(classifyRegisterFailure(408)).toEqual({ retry: true });
    expect(classifyRegisterFailure(480)).toEqual({ retry: true });
    expect(classifyRegisterFailure(500)).toEqual({ retry: true });
    expect(classifyRegisterFailure(503)).toEqual({ retry: true });
    expect(classifyRegisterFailure(603)).toEqual({ retry: false, reason: 'rejected' });
    expect(classifyRegisterFailure(400)).toEqual({ retry: false, reason: 'rejected' });
  });

  it('maps a one-shot connection test to exactly one reason', () => {
    expect(connectionTestFailure(403)).toBe('unauthorized');
    expect(connectionTestFailure(404)).toBe('not-found');
    expect(connectionTestFailure(408)).toBe('timeout');
    expect(connectionTestFailure(503)).toBe('rejected');
  });
});
