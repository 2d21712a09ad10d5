/*
 * Back and Forward while a form holds unsaved changes. With hash routing the address has already
 * changed when the page hears of the move (`hashchange`), so the move is hidden from the router,
 * undone (back to the form's own history entry) and only then is the user asked; agreeing does the
 * move again. Entries are named by the Navigation API's keys, so a jump of several steps (the Back
 * button's list) is undone and redone exactly, and the history stays as the user left it.
 */

/** `home`: the form's history entry; `onward`: where Back/Forward was going. */
export type HistoryHold =
  { kind: 'watching'; home: string } | { kind: 'returning'; home: string; onward: string } | { kind: 'leaving' };

export type HistoryHoldEvent =
  /** The current entry changed; `traversal`: by Back/Forward (or history.go), not by a link or the app. */
  | { kind: 'moved'; to: string; traversal: boolean }
  /** The user agreed to drop the changes and go where Back/Forward was going. */
  | { kind: 'leave'; onward: string };

export type HistoryHoldEffect =
  /** The router must not see this address change. */
  { kind: 'hide' } | { kind: 'traverse'; to: string } | { kind: 'ask'; onward: string };

export const watchHistory = (home: string): HistoryHold => ({ kind: 'watching', home });

export function historyHoldStep(
  state: HistoryHold,
  event: HistoryHoldEvent,
): { state: HistoryHold; effects: HistoryHoldEffect[] } {
  if (event.kind === 'leave') return { state: { kind: 'leaving' }, effects: [{ kind: 'traverse', to: event.onward }] };
  const { to, traversal } = event;
  switch (state.kind) {
    case 'leaving':
      return { state, effects: [] };
    case 'watching':
      if (to === state.home) return { state, effects: [] };
      // A link or the app itself moved on (the link guard already asked, or the app meant it):
      // if the form is still there, its entry is now this one.
      if (!traversal) return { state: watchHistory(to), effects: [] };
      return {
        state: { kind: 'returning', home: state.home, onward: to },
        effects: [{ kind: 'hide' }, { kind: 'traverse', to: state.home }],
      };
    case 'returning':
      if (to === state.home) {
        return { state: watchHistory(state.home), effects: [{ kind: 'hide' }, { kind: 'ask', onward: state.onward }] };
      }
      // Another Back/Forward before the way back landed: that one is where the user is going now.
      return {
        state: { ...state, onward: to },
        effects: [{ kind: 'hide' }, { kind: 'traverse', to: state.home }],
      };
  }
}

/** The few parts of `window.navigation` used here (not yet in TypeScript's DOM library). */
interface HistoryNavigation extends EventTarget {
  readonly currentEntry: { readonly key: string } | null;
  traverseTo(key: string): { committed: Promise<unknown>; finished: Promise<unknown> };
}

/** The hold in force, if any (one form with unsaved changes at a time, as for the link guard). */
let onHashChange: ((event: HashChangeEvent) => void) | null = null;
if (typeof window !== 'undefined') {
  // Added while the app's modules load, before the routers subscribe: window runs its listeners in
  // the order they were added, capture or not, and this one must be able to stop theirs.
  window.addEventListener('hashchange', (event) => onHashChange?.(event));
}

/**
 * Until the returned function is called, Back/Forward away from the current entry calls
 * `ask(go)` on the way back; `go` goes where the user was going. Without the Navigation API
 * (Firefox and Safari before their 2026 versions) Back/Forward go through as before.
 */
export function holdBackForward(ask: (go: () => void) => void): () => void {
  const navigation = (window as Window & { navigation?: HistoryNavigation }).navigation;
  const home = navigation?.currentEntry?.key;
  if (!navigation || !home) return () => {};
  let state = watchHistory(home);
  let traversal = false;

  const run = (event: HistoryHoldEvent, hashChange?: Event) => {
    const step = historyHoldStep(state, event);
    state = step.state;
    for (const effect of step.effects) {
      if (effect.kind === 'hide') hashChange?.stopImmediatePropagation();
      else if (effect.kind === 'ask') ask(() => run({ kind: 'leave', onward: effect.onward }));
      else {
        const { committed, finished } = navigation.traverseTo(effect.to);
        // The entry went (history cleared by the browser): nothing to undo or redo.
        committed.catch(() => {});
        finished.catch(() => {});
      }
    }
  };
  // Comes before `hashchange` and is the only one to say how the entry changed.
  const onEntryChange = (event: Event) => {
    traversal = (event as Event & { navigationType?: string }).navigationType === 'traverse';
  };
  const mine = (event: HashChangeEvent) => {
    const to = navigation.currentEntry?.key;
    if (to) run({ kind: 'moved', to, traversal }, event);
    traversal = false;
  };
  navigation.addEventListener('currententrychange', onEntryChange);
  onHashChange = mine;
  return () => {
    navigation.removeEventListener('currententrychange', onEntryChange);
    if (onHashChange === mine) onHashChange = null;
  };
}
