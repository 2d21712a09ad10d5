/**
 * The dialer page's confirmation line for list actions ("Liste créée", refreshed, deleted).
 * Like the leads' toasts it lasts a few seconds, and it goes as soon as the seller moves on:
 * a session starts or a new list is begun. `seq` only grows, so a stale timer never clears a
 * newer message.
 */
export const LIST_MESSAGE_MS = 6_000;

/** `text` is '' when nothing is shown. */
export type ListMessage = { readonly text: string; readonly seq: number };

export const noListMessage: ListMessage = { text: '', seq: 0 };

export type ListMessageEvent =
  | { kind: 'said'; text: string }
  /** The timer of message `seq` ran out. */
  | { kind: 'expired'; seq: number }
  | { kind: 'session-started' }
  | { kind: 'new-list-opened' };

export function nextListMessage(state: ListMessage, event: ListMessageEvent): ListMessage {
  switch (event.kind) {
    case 'said':
      return { text: event.text, seq: state.seq + 1 };
    case 'expired':
      return state.seq === event.seq ? cleared(state) : state;
    case 'session-started':
    case 'new-list-opened':
      return cleared(state);
  }
}

const cleared = (state: ListMessage): ListMessage => (state.text === '' ? state : { text: '', seq: state.seq });
