import type { z } from 'zod';
import type { RelanceClient } from '../../shared/client';
import type { voicemailEvents, voicemailRequests } from '../../shared/domain/voicemail';
import type { Result } from '../../shared/result';

type Table = typeof voicemailRequests;
export type VoicemailRequest = keyof Table;

/**
 * The voicemail requests, typed from their own table so the page compiles whether or not the
 * table is spread into the contract yet; the same `client.request` goes over the wire.
 */
export function voicemailRequest<M extends VoicemailRequest>(
  client: RelanceClient,
  method: M,
  input: z.input<Table[M]['input']>,
): Promise<Result<z.output<Table[M]['output']>>> {
  const request = client.request as unknown as (method: string, input: unknown) => Promise<Result<unknown>>;
  return request(method, input) as Promise<Result<z.output<Table[M]['output']>>>;
}

/** `voicemail.changed`: the list after any save, rename, delete or default change. */
export function onVoicemailChanged(
  client: RelanceClient,
  listener: (list: z.output<(typeof voicemailEvents)['voicemail.changed']>) => void,
): () => void {
  const on = client.on as unknown as (event: string, listener: (payload: unknown) => void) => () => void;
  return on('voicemail.changed', (payload) => listener(payload as never));
}
