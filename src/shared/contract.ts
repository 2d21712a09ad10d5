import { z } from 'zod';
import { CallEventSchema } from './domain/call-event';
import { dialerEvents, dialerRequests } from './domain/dialer';
import { voicemailEvents, voicemailRequests } from './domain/voicemail';
import { ColumnMappingSchema, ImportProgressSchema, ImportReportSchema, importFormats } from './domain/import-report';
import { CallbackSchema, ConsentRecordSchema, LeadDraftSchema, LeadSchema, StageSchema } from './domain/lead';
import { LeadPageSchema, LeadQuerySchema, LeadSummarySchema } from './domain/lead-query';
import { LogLevelSchema, SettingsPatchSchema, SettingsViewSchema } from './domain/settings';
import { StoreProblemSchema } from './domain/store-problem';
import { UpdateStatusSchema } from './domain/updates';
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

const leadId = z.string().min(1).max(64);
/** A file crossing the boundary: name for reports, bytes as base64 (encoding is detected in core). */
const fileContent = { fileName: z.string().min(1).max(260), contentBase64: z.string().max(128 * 1024 * 1024) };

export const LeadEditSchema = LeadDraftSchema.pick({
  contact: true,
  vehicles: true,
  tradeIn: true,
  source: true,
  owner: true,
  tags: true,
  comments: true,
})
  .partial()
  .strict();

export const ImportInspectionSchema = z.object({
  format: z.enum(importFormats),
  /** CSV only: what was detected, the first rows, and the guessed mapping (header -> target field). */
  encoding: z.string().optional(),
  separator: z.string().optional(),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: ColumnMappingSchema,
});

export const MappingPresetSchema = z.object({ name: z.string().min(1).max(100), mapping: ColumnMappingSchema });

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
  'leads.search': {
    input: LeadQuerySchema.extend({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    output: LeadPageSchema,
  },
  'leads.get': { input: z.object({ id: leadId }).strict(), output: LeadSchema },
  'leads.create': { input: z.object({ draft: LeadDraftSchema }).strict(), output: LeadSchema },
  /** Leads already holding one of these numbers (E.164) or this e-mail: the new-lead form warns before creating a double. */
  'leads.findDuplicates': {
    input: z
      .object({
        phones: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number')).max(20),
        email: z.string().trim().max(254).optional(),
      })
      .strict(),
    output: z.array(LeadSummarySchema),
  },
  'leads.update': { input: z.object({ id: leadId, changes: LeadEditSchema }).strict(), output: LeadSchema },
  'leads.setStage': { input: z.object({ id: leadId, stage: StageSchema }).strict(), output: LeadSchema },
  'leads.addNote': {
    input: z.object({ id: leadId, text: z.string().trim().min(1).max(10_000) }).strict(),
    output: LeadSchema,
  },
  'leads.setCallback': {
    input: z
      .object({
        id: leadId,
        dueAt: z.string().datetime(),
        scope: CallbackSchema.shape.scope,
        owner: z.string().max(100).optional(),
        note: z.string().max(2000).optional(),
      })
      .strict(),
    output: LeadSchema,
  },
  'leads.completeCallback': { input: z.object({ id: leadId, callbackId: z.string() }).strict(), output: LeadSchema },
  'leads.snoozeCallback': {
    input: z.object({ id: leadId, callbackId: z.string(), dueAt: z.string().datetime() }).strict(),
    output: LeadSchema,
  },
  'leads.addConsent': {
    input: z.object({ id: leadId, consent: ConsentRecordSchema.omit({ id: true, revokedAt: true }) }).strict(),
    output: LeadSchema,
  },
  'leads.revokeConsent': { input: z.object({ id: leadId, consentId: z.string() }).strict(), output: LeadSchema },
  'leads.merge': { input: z.object({ keepId: leadId, otherId: leadId }).strict(), output: LeadSchema },
  'leads.delete': {
    input: z.object({ id: leadId }).strict(),
    output: z.object({ undoToken: z.string(), expiresAt: z.string() }),
  },
  'leads.undoDelete': { input: z.object({ undoToken: z.string() }).strict(), output: LeadSchema },
  'leads.facets': {
    input: empty,
    output: z.object({
      total: z.number().int(),
      owners: z.array(z.string()),
      sources: z.array(z.string()),
      tags: z.array(z.string()),
    }),
  },
  'leads.loadSample': {
    input: z.object({ count: z.number().int().min(1).max(100_000).default(200) }).strict(),
    output: z.object({ created: z.number().int() }),
  },
  'leads.inspectImport': { input: z.object(fileContent).strict(), output: ImportInspectionSchema },
  'leads.import': {
    input: z
      .object({
        ...fileContent,
        format: z.enum(importFormats).optional(),
        mapping: ColumnMappingSchema.optional(),
        keepValid: z.boolean().default(false),
        dryRun: z.boolean().default(false),
        /** Chosen by the screen: `leads.importProgress` events carry it while this import runs. */
        progressId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    output: ImportReportSchema.extend({ rejectsCsvBase64: z.string().optional() }),
  },
  'leads.mappingPresets': { input: empty, output: z.array(MappingPresetSchema) },
  'leads.saveMappingPreset': { input: MappingPresetSchema.strict(), output: z.array(MappingPresetSchema) },
  'leads.export': {
    input: z
      .object({
        format: z.enum(importFormats),
        query: LeadQuerySchema.optional(),
        separator: z.enum([';', ',']).optional(),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
      count: z.number().int(),
    }),
  },
  /** The SIP password, for the softphone's registration; never logged, never stored by the page. */
  'phone.credentials': { input: empty, output: z.object({ password: z.string().nullable() }) },
  /** The lead behind a caller ID or a dialled number, matched on any phone in any format. */
  'phone.matchCaller': {
    input: z.object({ number: z.string().min(1).max(256) }).strict(),
    output: z.object({
      lead: z.object({ id: z.string(), name: z.string(), others: z.number().int().nonnegative() }).nullable(),
    }),
  },
  /**
   * One softphone call event. Core acknowledges once it is safe: for `ended`, after the call
   * record is durable in the journal; the page keeps and resends anything unacknowledged.
   */
  'calls.report': { input: CallEventSchema, output: z.object({ recorded: z.boolean() }) },
  /** Settings > Diagnostics: a zip of versions, settings without secrets, data check, last calls, logs. */
  'diagnostics.export': {
    input: empty,
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/zip'),
      contentBase64: z.string(),
      bytes: z.number().int().nonnegative(),
      entries: z.array(z.string()),
    }),
  },
  /** Lines the page sends to renderer.log / sip.log (redacted in core, budgeted per minute). */
  'logs.append': {
    input: z
      .object({
        entries: z
          .array(
            z
              .object({
                stream: z.enum(['renderer', 'sip']),
                level: LogLevelSchema,
                message: z.string().max(65_536),
                meta: z.record(z.string(), z.unknown()).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
    output: z.object({ written: z.number().int().nonnegative(), dropped: z.number().int().nonnegative() }),
  },
  /** Where self-update stands; 'off' says why (a per-machine install says so here). */
  'updates.status': { input: empty, output: UpdateStatusSchema },
  ...dialerRequests,
  ...voicemailRequests,
  'shell.openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'settings.changed': SettingsViewSchema,
  /** Leads changed (ids), or many at once after an import or sample load ('all'). */
  'leads.changed': z.object({ ids: z.union([z.array(z.string()), z.literal('all')]) }),
  /** A running `leads.import` that asked for it (progressId): rows read, then writing. */
  'leads.importProgress': z.object({ progressId: z.string(), progress: ImportProgressSchema }),
  'store.problem': StoreProblemSchema,
  ...dialerEvents,
  ...voicemailEvents,
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
