import type { OpenCalls } from '../calls/open-calls';
import { callRecordId } from '../calls/record-id';
import type { CallOfDrop } from './voicemail-service';

/**
 * The record a softphone call has or will have: the call recorder names it from the call id and
 * the reported start, so a call still in progress already knows its record id.
 */
export function callLookup(open: Pick<OpenCalls, 'get' | 'recordIdOf'>): (callId: string) => CallOfDrop | undefined {
  return (callId) => {
    const call = open.get(callId);
    if (call)
      return {
        recordId: callRecordId(callId, Date.parse(call.startedAt)),
        ...(call.dialerSessionId ? { dialerSessionId: call.dialerSessionId } : {}),
      };
    const recordId = open.recordIdOf(callId);
    return recordId ? { recordId } : undefined;
  };
}
