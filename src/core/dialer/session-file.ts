import { z } from 'zod';
import { DialerModeSchema } from '../../shared/domain/dialer';
import { DialerSettingsSchema } from '../../shared/domain/settings';
import type { Store } from '../store';
import type { Session } from './machine';

const SessionSchema = z.object({
  id: z.string().min(1),
  listId: z.string().min(1),
  mode: DialerModeSchema,
  timings: DialerSettingsSchema,
  prepareNext: z.literal(false).optional(),
});

const OpenSessionSchema = z.object({
  session: SessionSchema,
  startedAt: z.string(),
  /** The entry whose call was about to leave, written before it left. */
  dialing: z.object({ entryId: z.string(), number: z.string(), at: z.string() }).optional(),
});
export type OpenSession = z.infer<typeof OpenSessionSchema>;

const FileSchema = z.object({ open: OpenSessionSchema.nullable() });
type SessionFile = z.infer<typeof FileSchema>;

/**
 * The running dialer session on disk (`dialer-session.json`): written when it starts, before
 * each call leaves, and when it ends. A session still open at start-up is one the app did not
 * stop, and is offered again as interrupted.
 */
export interface SessionFileStore {
  /** The session the app did not stop, if any. */
  open(): OpenSession | null;
  begin(session: Session, at: Date): Promise<void>;
  dialing(session: Session, target: { entryId: string; number: string }, at: Date): Promise<void>;
  end(sessionId: string): Promise<void>;
}

export async function openSessionFile(store: Store): Promise<SessionFileStore> {
  const doc = await store.document<SessionFile>('dialer-session', {
    schemaVersion: 1,
    migrations: [],
    schema: FileSchema,
    defaults: { open: null },
  });
  return {
    open: () => (doc.data.open ? structuredClone(doc.data.open) : null),
    begin: (session, at) =>
      doc.update((data) => {
        data.open = { session: structuredClone(session), startedAt: at.toISOString() };
      }),
    dialing: (session, { entryId, number }, at) =>
      doc.update((data) => {
        if (data.open?.session.id !== session.id)
          data.open = { session: structuredClone(session), startedAt: at.toISOString() };
        data.open.dialing = { entryId, number, at: at.toISOString() };
      }),
    end: (sessionId) =>
      doc.update((data) => {
        if (data.open?.session.id === sessionId) data.open = null;
      }),
  };
}
