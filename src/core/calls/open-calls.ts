import { z } from 'zod';
import type { Store } from '../store';

/** What is known of a call between `started` and `ended`. */
export const OpenCallSchema = z.object({
  callId: z.string(),
  direction: z.enum(['outbound', 'inbound']),
  number: z.string(),
  leadId: z.string().optional(),
  dialerSessionId: z.string().optional(),
  startedAt: z.string(),
  ringingAt: z.string().optional(),
  answeredAt: z.string().optional(),
  ringTimedOut: z.boolean().optional(),
});
export type OpenCall = z.infer<typeof OpenCallSchema>;

const FileSchema = z.object({
  open: z.record(z.string(), OpenCallSchema),
  /** Calls recorded lately, so an `ended` sent again is recognised (newest last). */
  recent: z.array(z.object({ callId: z.string(), recordId: z.string() })),
});
type OpenCallsFile = z.infer<typeof FileSchema>;

const RECENT = 200;

/**
 * Calls in progress, on disk (`calls-in-progress.json`): every call event is acknowledged only
 * once kept, so an `ended` that reaches a restarted core still finds its call's start.
 */
export interface OpenCalls {
  get(callId: string): OpenCall | undefined;
  recordIdOf(callId: string): string | undefined;
  all(): OpenCall[];
  put(call: OpenCall): Promise<void>;
  /** The call is in the journal: forget it, remember its record id. */
  close(callId: string, recordId: string): Promise<void>;
}

export async function openOpenCalls(store: Store): Promise<OpenCalls> {
  const doc = await store.document<OpenCallsFile>('calls-in-progress', {
    schemaVersion: 1,
    migrations: [],
    schema: FileSchema,
    defaults: { open: {}, recent: [] },
  });
  return {
    get: (callId) => doc.data.open[callId] as OpenCall | undefined,
    recordIdOf: (callId) => doc.data.recent.find((r) => r.callId === callId)?.recordId,
    all: () => Object.values(doc.data.open) as OpenCall[],
    put: (call) =>
      doc.update((data) => {
        data.open[call.callId] = call;
      }),
    close: (callId, recordId) =>
      doc.update((data) => {
        delete data.open[callId];
        data.recent = [...data.recent.filter((r) => r.callId !== callId), { callId, recordId }].slice(-RECENT);
      }),
  };
}
