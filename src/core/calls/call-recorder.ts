import type { CallEvent } from '../../shared/domain/call-event';
import { CALL_RECORD_VERSION, type CallRecord } from '../../shared/domain/call-record';
import { AppFailure } from '../../shared/result';
import { sipDisposition } from '../outcomes/sip-disposition';
import { idTime, type Journal } from '../store';
import type { OpenCall, OpenCalls } from './open-calls';
import { callRecordId } from './record-id';

export interface Reported {
  /** Set on `ended`: the call's record id (also when the record was already saved). */
  recordId?: string;
  /** The record written by this `ended` (absent when it was a duplicate). */
  record?: CallRecord;
}

/**
 * Turns the softphone's call events into call records: kept on disk from `started`, written to
 * the journal on `ended` (durable before the promise resolves), with the disposition SIP proves.
 * Events are handled one at a time, in the order they arrive.
 */
export class CallRecorder {
  #chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly open: OpenCalls,
    private readonly journal: Pick<Journal, 'append'>,
  ) {}

  report(event: CallEvent): Promise<Reported> {
    const run = this.#chain.then(() => this.#handle(event));
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** The dialer's ring timeout is cancelling this call: its 487 then means "no answer". */
  markRingTimeout(callId: string): Promise<void> {
    const run = this.#chain.then(async () => {
      const call = this.open.get(callId);
      if (call && !call.ringTimedOut) await this.open.put({ ...call, ringTimedOut: true });
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /**
   * At start-up, calls still in progress are from before the app stopped: their page and media
   * are gone. Each becomes a record with what was known (start, ringing, answer), marked
   * interrupted, with no end and no disposition: the seller gives one.
   */
  interruptAll(): Promise<CallRecord[]> {
    const run = this.#chain.then(async () => {
      const written: CallRecord[] = [];
      for (const call of this.open.all()) {
        const record: CallRecord = { ...recordStart(call), ...dialerSession(call), interrupted: true };
        const { duplicate } = await this.journal.append(record);
        await this.open.close(call.callId, record.id);
        if (!duplicate) written.push(record);
      }
      return written;
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #handle(event: CallEvent): Promise<Reported> {
    const call = this.open.get(event.callId);
    const recorded = this.open.recordIdOf(event.callId);
    if (event.type === 'started') {
      // Sent again: already kept. A recorded call id with another start time is a new call (ids reused).
      if (call || (recorded && idTime(recorded) === Date.parse(event.at))) return {};
      await this.open.put({
        callId: event.callId,
        direction: event.direction,
        number: event.number,
        startedAt: event.at,
        ...(event.leadId ? { leadId: event.leadId } : {}),
        ...(event.dialerSessionId ? { dialerSessionId: event.dialerSessionId } : {}),
      });
      return {};
    }
    if (!call) {
      if (recorded) return event.type === 'ended' ? { recordId: recorded } : {};
      // invalid-request: the softphone drops it instead of retrying it forever.
      throw new AppFailure('invalid-request', `call ${event.callId} was never reported as started`, 'callId');
    }
    switch (event.type) {
      case 'ringing':
        if (!call.ringingAt) await this.open.put({ ...call, ringingAt: event.at });
        return {};
      case 'answered':
        if (!call.answeredAt) await this.open.put({ ...call, answeredAt: event.at });
        return {};
      case 'held':
      case 'resumed':
      case 'transferred':
        return {}; // not part of the record
      case 'ended': {
        const disposition = sipDisposition({
          direction: call.direction,
          sipStatus: event.sipStatus,
          answered: call.answeredAt !== undefined,
          ringTimedOut: call.ringTimedOut === true,
        });
        const record: CallRecord = {
          ...recordStart(call),
          endedAt: event.at,
          ...(event.sipStatus !== undefined ? { sipStatus: event.sipStatus } : {}),
          hangupSide: event.hangupSide,
          ...(disposition ? { disposition } : {}),
          ...(event.quality ? { quality: event.quality } : {}),
          ...dialerSession(call),
        };
        const { duplicate } = await this.journal.append(record);
        await this.open.close(call.callId, record.id);
        return duplicate ? { recordId: record.id } : { recordId: record.id, record };
      }
    }
  }
}

/** What a call's record says of its start; `id` and `v` first: the journal reads ids from each line's start. */
function recordStart(call: OpenCall): CallRecord {
  return {
    id: callRecordId(call.callId, Date.parse(call.startedAt)),
    v: CALL_RECORD_VERSION,
    ...(call.leadId ? { leadId: call.leadId } : {}),
    number: call.number,
    direction: call.direction,
    startedAt: call.startedAt,
    ...(call.ringingAt ? { ringingAt: call.ringingAt } : {}),
    ...(call.answeredAt ? { answeredAt: call.answeredAt } : {}),
  };
}

const dialerSession = (call: OpenCall) => (call.dialerSessionId ? { dialerSessionId: call.dialerSessionId } : {});
