import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Transport } from '../shared/client';
import type { Result } from '../shared/result';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../shared/ipc-channels';

/*
 * Sandboxed preload (built to CommonJS): the page gets exactly two functions. No raw
 * ipcRenderer, no IpcRendererEvent (it carries `sender`), no Node, no env.
 */

const transport: Transport = {
  async request(method, payload) {
    try {
      return (await ipcRenderer.invoke(REQUEST_CHANNEL, { method, payload })) as Result<unknown>;
    } catch (error) {
      // Main never throws for a request; a rejection means the channel itself is gone.
      return {
        ok: false,
        error: { code: 'transport-closed', message: error instanceof Error ? error.message : String(error) },
      };
    }
  },
  subscribe(listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('relance', transport);
