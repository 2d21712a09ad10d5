// SIP final responses in words a seller (and support) can read, and what they mean for
// registration (give up and say why, or retry later).
import type { RegistrationFailure } from './types';

const PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  415: 'Unsupported Media Type',
  420: 'Bad Extension',
  423: 'Interval Too Brief',
  480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist',
  482: 'Loop Detected',
  483: 'Too Many Hops',
  484: 'Address Incomplete',
  485: 'Ambiguous',
  486: 'Busy Here',
  487: 'Request Terminated',
  488: 'Not Acceptable Here',
  491: 'Request Pending',
  500: 'Server Internal Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Server Time-out',
  600: 'Busy Everywhere',
  603: 'Decline',
  604: 'Does Not Exist Anywhere',
  606: 'Not Acceptable',
};

const MEANING: Readonly<Record<number, string>> = {
  401: 'the server refused the credentials',
  403: 'the server refused this call (account or calling rights)',
  404: 'unknown number or user',
  407: 'the server refused the credentials',
  408: 'no answer in time',
  410: 'the number no longer exists',
  480: 'not reachable right now',
  481: 'the other side no longer knows this call',
  484: 'incomplete number',
  486: 'the line is busy',
  487: 'cancelled before answer',
  488: 'no common audio format',
  491: 'another change of this call was in progress',
  500: 'server error',
  502: 'the network beyond the server failed',
  503: 'service unavailable',
  504: 'the network beyond the server did not answer',
  600: 'busy everywhere',
  603: 'the call was declined',
  604: 'the number does not exist',
};

/** "486 Busy Here" (the response's own phrase wins when given). */
export function sipStatusText(code: number, phrase?: string): string {
  const words =
    phrase?.trim() || PHRASES[code] || (code >= 600 ? 'Global Failure' : code >= 500 ? 'Server Error' : 'Failure');
  return `${code} ${words}`;
}

/** "486 Busy Here: the line is busy", for the call log's end reason. */
export function callFailureReason(code: number, phrase?: string): string {
  const meaning = MEANING[code];
  return meaning ? `${sipStatusText(code, phrase)}: ${meaning}` : sipStatusText(code, phrase);
}

/** A final response to REGISTER: give up with a reason, or retry with backoff. */
export function classifyRegisterFailure(code: number): { retry: false; reason: RegistrationFailure } | { retry: true } {
  if (code === 401 || code === 403 || code === 407) return { retry: false, reason: 'unauthorized' };
  if (code === 404 || code === 604) return { retry: false, reason: 'not-found' };
  // Timeouts, server trouble and transport errors (sip.js reports those as 408/503) pass.
  if (code === 408 || code === 480 || code >= 500)
    return code >= 600 ? { retry: false, reason: 'rejected' } : { retry: true };
  return { retry: false, reason: 'rejected' };
}

/** Failure reason for a one-shot connection test (no retry there). */
export function connectionTestFailure(code: number): RegistrationFailure {
  const verdict = classifyRegisterFailure(code);
  if (!verdict.retry) return verdict.reason;
  return code === 408 ? 'timeout' : 'rejected';
}
