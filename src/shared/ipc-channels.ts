/** The Electron IPC channels; the preload and main both import them from here. */
export const REQUEST_CHANNEL = 'relance:request';
export const EVENT_CHANNEL = 'relance:event';
