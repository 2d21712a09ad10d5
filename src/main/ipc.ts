import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Logger } from '../core/log';
import { dispatch } from '../core/rpc/dispatch';
import { RequestEnvelopeSchema, type EventSink, type Handlers } from '../shared/contract';
import { describeZodError, fail, type Result } from '../shared/result';
import type { UrlCheck } from './origin';

import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../shared/ipc-channels';

/** IPC needs no correlation id (invoke pairs replies itself); the rest of the wire envelope is shared with the web host. */
const IpcEnvelopeSchema = RequestEnvelopeSchema.pick({ method: true, payload: true }).strict();

export interface IpcOptions {
  handlers: Handlers;
  isAppUrl: UrlCheck;
  /** The one window allowed to talk to core; null while none is open. */
  getWindow: () => BrowserWindow | null;
  log?: Logger;
}

/**
 * Only the main frame of our own window, showing our own content, may call core. A page
 * that got navigated elsewhere, an iframe, or any other WebContents is refused.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  options: Pick<IpcOptions, 'isAppUrl' | 'getWindow'>,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !options.isAppUrl(frame.url)) return false;
  const ours = options.getWindow();
  if (!ours || ours.isDestroyed()) return false;
  return BrowserWindow.fromWebContents(event.sender)?.id === ours.id;
}

export async function handleRequest(
  event: IpcMainInvokeEvent,
  raw: unknown,
  options: IpcOptions,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event, options)) {
    options.log?.warn('ipc request refused', { senderUrl: event.senderFrame?.url ?? null });
    return fail('forbidden', 'Request refused: unknown sender');
  }
  const envelope = IpcEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return fail('invalid-request', 'Malformed request envelope', { issues: describeZodError(envelope.error) });
  }
  try {
    return await dispatch(options.handlers, envelope.data.method, envelope.data.payload, options.log);
  } catch (error) {
    // dispatch already turns handler failures into Results; this only catches a bug in it.
    options.log?.error('ipc dispatch crashed', { error: error instanceof Error ? error.message : String(error) });
    return fail('internal', `${envelope.data.method} failed`);
  }
}

/** Registers the single request channel; returns its removal. */
export function registerIpc(options: IpcOptions): () => void {
  ipcMain.handle(REQUEST_CHANNEL, (event, raw: unknown) => handleRequest(event, raw, options));
  return () => ipcMain.removeHandler(REQUEST_CHANNEL);
}

/** Pushes core events to our window, and only while it shows our own content. */
export function forwardEvents(
  subscribe: (sink: EventSink) => () => void,
  options: Pick<IpcOptions, 'isAppUrl' | 'getWindow'>,
): () => void {
  return subscribe((event, payload) => {
    const window = options.getWindow();
    if (!window || window.isDestroyed()) return;
    const contents = window.webContents;
    if (!options.isAppUrl(contents.getURL())) return;
    contents.send(EVENT_CHANNEL, event, payload);
  });
}
