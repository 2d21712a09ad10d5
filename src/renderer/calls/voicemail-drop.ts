import type { CallReason } from '../../shared/domain/calling-rules';
import type { VoicemailDropVerdict } from '../../shared/domain/voicemail';
import type { CallState } from '../phone/engine/types';

/**
 * "Drop voicemail": the steps after the seller presses the button, as explicit states.
 * idle → fetching → playing → hanging-up → logging → done, or failed at the step that broke.
 * If fetching or playing fails the call is left up (the seller can still speak); a call the
 * other side ended during the message is not hung up again.
 */
export type DropState =
  | { kind: 'idle' }
  | { kind: 'fetching' }
  | { kind: 'playing'; name: string }
  | { kind: 'hanging-up' }
  | { kind: 'logging' }
  | { kind: 'done'; logged: 'logged' | 'pending' }
  | { kind: 'failed'; step: 'fetch' | 'play' | 'hangup' | 'log'; message: string };

export interface DropSteps {
  /** The default message's audio. */
  fetchDefault(): Promise<{ id: string; name: string; audio: ArrayBuffer }>;
  /** Plays into the call in place of the microphone; resolves at the end (or when the call ends). */
  play(audio: ArrayBuffer): Promise<void>;
  /** Whether the call is still up (the answering machine may hang up first). */
  isLive(): boolean;
  hangup(): Promise<void>;
  /** Logs "voicemail left" on the call's record. */
  log(messageId: string): Promise<'logged' | 'pending'>;
}

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const dropBusy = (state: DropState): boolean =>
  state.kind === 'fetching' || state.kind === 'playing' || state.kind === 'hanging-up' || state.kind === 'logging';

export async function runVoicemailDrop(steps: DropSteps, onState: (state: DropState) => void): Promise<DropState> {
  const to = (state: DropState) => {
    onState(state);
    return state;
  };
  to({ kind: 'fetching' });
  let message: { id: string; name: string; audio: ArrayBuffer };
  try {
    message = await steps.fetchDefault();
  } catch (error) {
    return to({ kind: 'failed', step: 'fetch', message: text(error) });
  }
  to({ kind: 'playing', name: message.name });
  try {
    await steps.play(message.audio);
  } catch (error) {
    return to({ kind: 'failed', step: 'play', message: text(error) });
  }
  if (steps.isLive()) {
    to({ kind: 'hanging-up' });
    try {
      await steps.hangup();
    } catch (error) {
      // Ended meanwhile by the other side: the message was left all the same.
      if (steps.isLive()) return to({ kind: 'failed', step: 'hangup', message: text(error) });
    }
  }
  to({ kind: 'logging' });
  try {
    return to({ kind: 'done', logged: await steps.log(message.id) });
  } catch (error) {
    return to({ kind: 'failed', step: 'log', message: text(error) });
  }
}

/** Why the button cannot be pressed now (shown next to it), or undefined when it can. */
export type DropBlock =
  | { kind: 'not-answered' }
  | { kind: 'checking' }
  | { kind: 'cannot-check' }
  | { kind: 'rules'; reasons: CallReason[] }
  | { kind: 'no-default' };

export function dropBlock(input: {
  state: DropState;
  callState: CallState;
  /** null while core is asked; 'unavailable' when it could not answer. */
  verdict: VoicemailDropVerdict | 'unavailable' | null;
  /** null while the messages are loading. */
  hasDefault: boolean | null;
}): DropBlock | undefined {
  // Once started, the steps run to their end whatever the call does.
  if (input.state.kind !== 'idle' && input.state.kind !== 'failed') return undefined;
  if (input.callState !== 'active') return { kind: 'not-answered' };
  if (input.verdict === null || input.hasDefault === null) return { kind: 'checking' };
  if (input.verdict === 'unavailable') return { kind: 'cannot-check' };
  if (!input.verdict.allowed) return { kind: 'rules', reasons: input.verdict.reasons };
  if (!input.hasDefault) return { kind: 'no-default' };
  return undefined;
}
