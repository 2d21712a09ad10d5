// The call state machine: every PhoneCall.state change goes through `transition`, so the panel
// can only show states the SIP dialog really reached (a hold is 'held' only after the 2xx).
import type { CallState } from './types';

export type CallMachineEvent =
  /** 180/183 on an outbound call (repeats are allowed). */
  | 'progress'
  /** The seller answered an incoming call; media is being set up. */
  | 'answer'
  /** The dialog is confirmed (2xx/ACK). */
  | 'established'
  /** A hold re-INVITE was sent. */
  | 'hold'
  | 'hold-ok'
  | 'hold-failed'
  /** A resume re-INVITE was sent. */
  | 'resume'
  | 'resume-ok'
  | 'resume-failed'
  /** Any end: BYE, CANCEL, final error, transport loss. */
  | 'end';

const TABLE: Readonly<Record<CallState, Readonly<Partial<Record<CallMachineEvent, CallState>>>>> = {
  dialing: { progress: 'ringing', established: 'active', end: 'ended' },
  ringing: { progress: 'ringing', established: 'active', end: 'ended' },
  incoming: { answer: 'connecting', end: 'ended' },
  connecting: { established: 'active', end: 'ended' },
  active: { hold: 'holding', end: 'ended' },
  holding: { 'hold-ok': 'held', 'hold-failed': 'active', end: 'ended' },
  held: { resume: 'resuming', end: 'ended' },
  resuming: { 'resume-ok': 'active', 'resume-failed': 'held', end: 'ended' },
  ended: {},
};

export type TransitionResult = { ok: true; state: CallState } | { ok: false; error: string };

const WORDS: Record<CallMachineEvent, string> = {
  progress: 'mark as ringing',
  answer: 'answer',
  established: 'connect',
  hold: 'hold',
  'hold-ok': 'confirm the hold of',
  'hold-failed': 'undo the hold of',
  resume: 'resume',
  'resume-ok': 'confirm the resume of',
  'resume-failed': 'undo the resume of',
  end: 'end',
};

/** Pure: the next state, or why the event is not allowed in this state. */
export function transition(state: CallState, event: CallMachineEvent): TransitionResult {
  const next = TABLE[state][event];
  if (next === undefined) return { ok: false, error: `cannot ${WORDS[event]} a call that is ${state}` };
  return { ok: true, state: next };
}

export function allowedEvents(state: CallState): CallMachineEvent[] {
  return Object.keys(TABLE[state]) as CallMachineEvent[];
}

/** Not ended: the call holds a line. */
export const isLive = (state: CallState): boolean => state !== 'ended';

/** Answered and not ended: media exists (or is on hold). */
export const isConnected = (state: CallState): boolean =>
  state === 'active' || state === 'holding' || state === 'held' || state === 'resuming';

/** Our microphone must not reach the other side in these states. */
export const isOnHoldLocally = (state: CallState): boolean =>
  state === 'holding' || state === 'held' || state === 'resuming';
