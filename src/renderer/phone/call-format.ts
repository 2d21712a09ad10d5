import type { CallState, PhoneCall, RegistrationState } from './engine/types';

/** "0:07", "12:34", "1:02:03": a call timer a seller reads at a glance. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Talk time once answered, ringing time before. */
export function callClock(call: PhoneCall, now: number): number {
  const from = call.answeredAt ?? call.startedAt;
  return (call.endedAt ?? now) - from;
}

/** States in which the call has media and the in-call controls apply. */
export const inCallStates: readonly CallState[] = ['active', 'holding', 'held', 'resuming'];
export const isInCall = (call: PhoneCall): boolean => inCallStates.includes(call.state);

/** The call that DTMF keys and the keypad act on: the one being talked to. */
export function talkingCall(calls: readonly PhoneCall[]): PhoneCall | undefined {
  return calls.find((call) => call.state === 'active');
}

export type RegistrationTone = 'ok' | 'busy' | 'problem' | 'off';

export function registrationTone(state: RegistrationState): RegistrationTone {
  switch (state.kind) {
    case 'registered':
      return 'ok';
    case 'connecting':
    case 'reconnecting':
      return 'busy';
    case 'failed':
      return 'problem';
    case 'unconfigured':
    case 'unregistered':
      return 'off';
  }
}

/** Keys a seller can type on the keyboard during a call to send DTMF. */
export const dtmfKeys = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);
