import { z } from 'zod';
import { SettingsPatchSchema, SettingsViewSchema } from './domain/settings';
import { StoreProblemSchema } from './domain/store-problem';
import { AppErrorSchema } from './result';

/**
 * The one contract between the UI and core. Both transports (Electron IPC and the
 * web host's WebSocket) carry exactly these requests and events; handlers, the
 * preload and the renderer client are all typed from this table.
 */
const empty = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.literal('Relance'),
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const requests = {
  'app.info': { input: empty, output: AppInfoSchema },
  'settings.get': { input: empty, output: SettingsViewSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsViewSchema },
  'settings.setSipPassword': {
    input: z.object({ password: z.string().min(1).max(256) }).strict(),
    output: SettingsViewSchema,
  },
  'settings.clearSipPassword': { input: empty, output: SettingsViewSchema },
  'store.problems': { input: empty, output: z.array(StoreProblemSchema) },
  'shell.openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'settings.changed': SettingsViewSchema,
  'store.problem': StoreProblemSchema,
} as const satisfies Record<string, z.ZodType>;

export type RequestName = keyof typeof requests;
export type EventName = keyof typeof events;
export type RequestInput<M extends RequestName> = z.input<(typeof requests)[M]['input']>;
export type ParsedInput<M extends RequestName> = z.output<(typeof requests)[M]['input']>;
export type RequestOutput<M extends RequestName> = z.output<(typeof requests)[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const isRequestName = (name: string): name is RequestName => Object.hasOwn(requests, name);

/** Core implements one function per request; the transports call them through `dispatch`. */
export type Handlers = { [M in RequestName]: (input: ParsedInput<M>) => Promise<RequestOutput<M>> | RequestOutput<M> };

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

// Wire envelopes, shared by both transports.
export const RequestEnvelopeSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

export type ServerMessage =
  | { kind: 'response'; id: number; result: z.infer<typeof ResultSchema> }
  | { kind: 'event'; event: EventName; payload: unknown };
