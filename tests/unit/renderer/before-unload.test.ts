import { describe, expect, it } from 'vitest';
import { holdUnload } from '../../../src/renderer/app/useBeforeUnload';

/** What the page's `beforeunload` answers: cancelled means the browser (or Electron's shell) asks. */
const cancelsUnload = (page: EventTarget) => {
  const event = new Event('beforeunload', { cancelable: true });
  page.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('unsaved changes before a reload or a close', () => {
  it('cancels the unload in the Electron shell too, where the main process asks the seller', () => {
    // The preload's bridge is there: this is the Electron window, not a browser tab.
    const electronPage = Object.assign(new EventTarget(), { relance: {} });
    const release = holdUnload(electronPage);
    expect(cancelsUnload(electronPage)).toBe(true);
    release();
    expect(cancelsUnload(electronPage)).toBe(false);
  });

  it('cancels it in a browser tab until released', () => {
    const tab = new EventTarget();
    const release = holdUnload(tab);
    expect(cancelsUnload(tab)).toBe(true);
    release();
    expect(cancelsUnload(tab)).toBe(false);
  });
});
