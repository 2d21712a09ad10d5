import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RuleSet } from '../../shared/domain/calling-rules';
import type { ConsentRecord, Lead } from '../../shared/domain/lead';
import {
  formatOfFileName,
  formatOfMimeType,
  VOICEMAIL_MAX_BYTES,
  VOICEMAIL_MAX_MESSAGES,
  VoicemailMessageSchema,
  voicemailMimeTypes,
  type VoicemailDropVerdict,
  type VoicemailList,
  type VoicemailMessage,
} from '../../shared/domain/voicemail';
import { parsePhone } from '../../shared/phone';
import { AppFailure } from '../../shared/result';
import { isBase64Text } from '../base64';
import { checkVoicemailDrop } from '../calling-rules';
import { silentLogger, type Logger } from '../log';
import { newRecordId, writeFileDurably, type Store } from '../store';
import { ensureDir, removeStaleTemps } from '../store/durable-write';
import { formatName, sniffAudioFormat } from './audio-format';

/** `<dataDir>/voicemail/`: the audio files. The index is the document `voicemail.json` beside it. */
export const VOICEMAIL_DIR = 'voicemail';

/** A drop whose call record was not written yet; kept on disk so a restart still logs it. */
const PendingDropSchema = z.object({
  recordId: z.string(),
  callId: z.string(),
  dialerSessionId: z.string().optional(),
  at: z.string(),
});
type PendingDrop = z.infer<typeof PendingDropSchema>;

const IndexSchema = z.object({
  messages: z.array(VoicemailMessageSchema),
  defaultId: z.string().nullable(),
  pendingDrops: z.array(PendingDropSchema),
});
type VoicemailIndex = z.infer<typeof IndexSchema>;

/** A pending drop older than this is given up (its call will never be recorded). */
const PENDING_MAX_AGE_MS = 2 * 86_400_000;
const FILE_RE = /^([0-9A-HJKMNP-TV-Z]{26})\.(wav|mp3|ogg|webm)$/;

export interface CallOfDrop {
  /** The journal id the call's record has (or will have). */
  recordId: string;
  dialerSessionId?: string;
}

export interface VoicemailDeps {
  store: Pick<Store, 'document' | 'dataDir'>;
  /** The active calling rules (settings' preset or the dealership's own set). */
  rules: () => RuleSet;
  /** Reads national numbers (settings.defaultRegion). */
  region: () => string;
  lead: (id: string) => Promise<Pick<Lead, 'consents' | 'contact'> | undefined>;
  /**
   * The lead holding a number (a call typed by hand carries no lead id): consents are the lead's,
   * so a drop on one of its numbers is checked against them.
   */
  leadIdByNumber?: (number: string) => Promise<string | undefined>;
  /** The record of a softphone call core has heard of (its `started` was reported). */
  findCall: (callId: string) => CallOfDrop | undefined;
  /**
   * Sets the "voicemail left" disposition on the call's record; `not-yet` while there is no
   * record yet, or while a dialer session is still on that call (its wrap-up takes it).
   */
  markVoicemailLeft: (call: CallOfDrop & { callId: string }) => Promise<'logged' | 'not-yet'>;
  onChange?: (list: VoicemailList) => void;
  now?: () => Date;
  log?: Logger;
}

export interface SaveInput {
  name: string;
  source: 'recorded' | 'imported';
  fileName?: string | undefined;
  mimeType?: string | undefined;
  contentBase64: string;
  durationMs?: number | undefined;
  makeDefault?: boolean | undefined;
}

export interface VoicemailService {
  list(): VoicemailList;
  save(input: SaveInput): Promise<{ saved: VoicemailMessage; list: VoicemailList }>;
  rename(id: string, name: string): Promise<VoicemailList>;
  /** The message's audio; without id, the default message's. */
  get(id?: string): Promise<{ message: VoicemailMessage; contentBase64: string }>;
  delete(id: string): Promise<VoicemailList>;
  setDefault(id: string): Promise<VoicemailList>;
  canDrop(input: { leadId?: string | undefined; number: string }): Promise<VoicemailDropVerdict>;
  logDrop(input: { callId: string; messageId?: string | undefined }): Promise<{
    recordId: string;
    status: 'logged' | 'pending';
  }>;
  /** Logs the drops still waiting for their record; call it when calls or the dialer change. */
  retryPending(): Promise<void>;
  readonly pendingCount: number;
}

// Rounded up: a file just over the limit must not read "2 MB; at most 2 MB".
const mb = (bytes: number) => String(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');

/** Bytes of a message, with the checks a person can act on (empty, too big, not audio, type mismatch). */
export function checkAudio(input: Pick<SaveInput, 'contentBase64' | 'mimeType' | 'fileName'>): {
  bytes: Buffer;
  format: VoicemailMessage['format'];
} {
  const b64 = input.contentBase64;
  if (b64.length % 4 !== 0 || !isBase64Text(b64))
    throw new AppFailure('invalid-request', 'the audio is not valid base64', 'contentBase64');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw new AppFailure('invalid-request', 'the message is empty', 'contentBase64');
  if (bytes.length > VOICEMAIL_MAX_BYTES)
    throw new AppFailure(
      'invalid-request',
      `the message is ${mb(bytes.length)} MB; at most ${mb(VOICEMAIL_MAX_BYTES)} MB`,
      'contentBase64',
    );
  const format = sniffAudioFormat(bytes);
  if (!format) throw new AppFailure('invalid-request', 'the file is not WAV, MP3, Ogg or WebM audio', 'contentBase64');
  if (input.mimeType) {
    const declared = formatOfMimeType(input.mimeType);
    if (declared !== format)
      throw new AppFailure(
        'invalid-request',
        `the file says ${input.mimeType} but holds ${formatName(format)} audio`,
        'mimeType',
      );
  }
  if (input.fileName) {
    const named = formatOfFileName(input.fileName);
    if (named !== format)
      throw new AppFailure(
        'invalid-request',
        named
          ? `the file is named .${path.extname(input.fileName).slice(1)} but holds ${formatName(format)} audio`
          : 'the file name must end in .wav, .mp3, .ogg or .webm',
        'fileName',
      );
  }
  return { bytes, format };
}

/**
 * Voicemail messages: audio files written durably (temp, fsync, rename) before the index names
 * them, and removed from the index before their file goes, so the index never points at nothing.
 * Files the index does not name (a crash between the two steps) are removed at open.
 */
export async function openVoicemailService(deps: VoicemailDeps): Promise<VoicemailService> {
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const dir = path.join(deps.store.dataDir, VOICEMAIL_DIR);
  const fileOf = (m: Pick<VoicemailMessage, 'id' | 'format'>) => path.join(dir, `${m.id}.${m.format}`);
  await ensureDir(dir);
  await removeStaleTemps(dir);
  const doc = await deps.store.document<VoicemailIndex>('voicemail', {
    schemaVersion: 1,
    migrations: [],
    schema: IndexSchema,
    defaults: { messages: [], defaultId: null, pendingDrops: [] },
  });

  // Mutations one at a time: a name check and its write must not interleave with another save.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  };

  const list = (): VoicemailList => ({
    messages: structuredClone(doc.data.messages) as VoicemailMessage[],
    defaultId: doc.data.defaultId,
  });
  const changed = () => {
    const view = list();
    deps.onChange?.(view);
    return view;
  };
  const find = (id: string): VoicemailMessage => {
    const message = doc.data.messages.find((m) => m.id === id);
    if (!message) throw new AppFailure('not-found', `no voicemail message ${id}`, 'id');
    return message as VoicemailMessage;
  };
  const checkName = (name: string, except?: string) => {
    if (doc.data.messages.some((m) => m.id !== except && sameName(m.name, name)))
      throw new AppFailure('conflict', `a message is already named "${name.trim()}"`, 'name');
  };

  await reconcile();

  async function reconcile(): Promise<void> {
    const names = new Set(await readdir(dir));
    const missing = doc.data.messages.filter((m) => !names.has(`${m.id}.${m.format}`));
    if (missing.length > 0) {
      log.warn('voicemail: message files missing, removed from the list', { ids: missing.map((m) => m.id) });
      await doc.update((data) => {
        data.messages = data.messages.filter((m) => !missing.some((gone) => gone.id === m.id));
        if (data.defaultId && !data.messages.some((m) => m.id === data.defaultId)) data.defaultId = null;
      });
    }
    const known = new Set(doc.data.messages.map((m) => `${m.id}.${m.format}`));
    for (const name of names) {
      if (FILE_RE.test(name) && !known.has(name)) {
        await unlink(path.join(dir, name)).catch(() => undefined);
        log.info('voicemail: removed a file no message names', { file: name });
      }
    }
    const fresh = doc.data.pendingDrops.filter((p) => now().getTime() - Date.parse(p.at) <= PENDING_MAX_AGE_MS);
    if (fresh.length !== doc.data.pendingDrops.length) {
      log.warn('voicemail: drops whose call was never recorded were given up', {
        records: doc.data.pendingDrops.filter((p) => !fresh.includes(p)).map((p) => p.recordId),
      });
      await doc.update((data) => {
        data.pendingDrops = fresh;
      });
    }
  }

  async function tryPending(): Promise<void> {
    for (const drop of [...doc.data.pendingDrops] as PendingDrop[]) {
      let status: 'logged' | 'not-yet';
      try {
        status = await deps.markVoicemailLeft({
          recordId: drop.recordId,
          callId: drop.callId,
          ...(drop.dialerSessionId ? { dialerSessionId: drop.dialerSessionId } : {}),
        });
      } catch (error) {
        // Another disposition won (the seller chose one, or the set lacks "voicemail left"): stop trying.
        log.warn('voicemail: "voicemail left" could not be logged', { record: drop.recordId, error: String(error) });
        status = 'logged';
      }
      if (status === 'logged')
        await doc.update((data) => {
          data.pendingDrops = data.pendingDrops.filter((p) => p.recordId !== drop.recordId);
        });
    }
  }

  return {
    list,
    get pendingCount() {
      return doc.data.pendingDrops.length;
    },

    save: (input) =>
      serial(async () => {
        const name = input.name.trim();
        checkName(name);
        if (doc.data.messages.length >= VOICEMAIL_MAX_MESSAGES)
          throw new AppFailure('conflict', `at most ${VOICEMAIL_MAX_MESSAGES} messages; delete one first`);
        const { bytes, format } = checkAudio(input);
        const message: VoicemailMessage = {
          id: newRecordId(now()),
          name,
          format,
          mimeType: voicemailMimeTypes[format],
          bytes: bytes.length,
          ...(input.durationMs ? { durationMs: input.durationMs } : {}),
          source: input.source,
          ...(input.fileName ? { fileName: input.fileName } : {}),
          createdAt: now().toISOString(),
        };
        await writeFileDurably(fileOf(message), bytes);
        await doc.update((data) => {
          data.messages.push(message);
          if (input.makeDefault || data.defaultId === null) data.defaultId = message.id;
        });
        log.info('voicemail: message saved', { id: message.id, format, bytes: message.bytes, source: input.source });
        return { saved: structuredClone(message), list: changed() };
      }),

    rename: (id, name) =>
      serial(async () => {
        find(id);
        checkName(name, id);
        await doc.update((data) => {
          const message = data.messages.find((m) => m.id === id)!;
          message.name = name.trim();
        });
        return changed();
      }),

    async get(id) {
      const wanted = id ?? doc.data.defaultId;
      if (!wanted) throw new AppFailure('not-found', 'no default voicemail message: choose one in Settings', 'id');
      const message = find(wanted);
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(message));
      } catch (error) {
        log.error('voicemail: message file unreadable', { id: message.id, error: String(error) });
        throw new AppFailure('not-found', `the audio of "${message.name}" is missing from the data folder`, 'id');
      }
      return { message: structuredClone(message), contentBase64: bytes.toString('base64') };
    },

    delete: (id) =>
      serial(async () => {
        const message = find(id);
        await doc.update((data) => {
          data.messages = data.messages.filter((m) => m.id !== id);
          if (data.defaultId === id) data.defaultId = null;
        });
        // After the index: a crash here leaves an unnamed file, removed at the next open.
        await unlink(fileOf(message)).catch((error: unknown) =>
          log.warn('voicemail: file not removed', { id, error: String(error) }),
        );
        return changed();
      }),

    setDefault: (id) =>
      serial(async () => {
        find(id);
        await doc.update((data) => {
          data.defaultId = id;
        });
        return changed();
      }),

    async canDrop({ leadId, number }) {
      const parsed = parsePhone(number, deps.region());
      const e164 = parsed.ok ? parsed.e164 : number;
      const id = leadId ?? (await deps.leadIdByNumber?.(number));
      const lead = id ? await deps.lead(id) : undefined;
      // An unknown caller has no consent on record.
      const consents: readonly ConsentRecord[] = lead?.consents ?? [];
      const verdict = checkVoicemailDrop(deps.rules(), {
        lead: { consents, contact: lead?.contact ?? {} },
        number: e164,
        now: now(),
      });
      return verdict.allowed ? { allowed: true } : { allowed: false, reasons: verdict.reasons };
    },

    logDrop: ({ callId, messageId }) =>
      serial(async () => {
        const call = deps.findCall(callId);
        if (!call)
          throw new AppFailure('not-found', `call ${callId} is unknown: its start was never reported`, 'callId');
        const drop = {
          recordId: call.recordId,
          callId,
          ...(call.dialerSessionId ? { dialerSessionId: call.dialerSessionId } : {}),
        };
        log.info('voicemail: message left', { record: call.recordId, messageId });
        const status = await deps.markVoicemailLeft(drop);
        if (status === 'logged') return { recordId: call.recordId, status };
        await doc.update((data) => {
          if (!data.pendingDrops.some((p) => p.recordId === call.recordId))
            data.pendingDrops.push({ ...drop, at: now().toISOString() });
        });
        return { recordId: call.recordId, status: 'pending' as const };
      }),

    retryPending: () => serial(tryPending),
  };
}
