/// <reference types="vite/client" />
import type { Transport } from '../shared/client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web host, where the WebSocket transport is used. */
    relance?: Transport;
  }
}
export {};
