import { z } from 'zod';
import { CallOutcomeSchema, type CallOutcome } from '../../shared/domain/disposition';
import { StoreError, idMonth, type Document, type Store } from '../store';

/**
 * The seller's dispositions and notes of saved calls. The journal is write-once (an append with
 * an existing id is dropped as a duplicate, and replay keeps the first line), so a later
 * disposition cannot rewrite the record: it goes here, one document per month of the record id
 * (`call-outcomes-YYYY-MM.json`, so a write rewrites one month only), and wins on read.
 */
export interface OutcomeLog {
  get(recordId: string): Promise<CallOutcome | undefined>;
  /** Resolves once on disk. */
  set(recordId: string, outcome: CallOutcome): Promise<void>;
}

const FileSchema = z.object({ outcomes: z.record(z.string(), CallOutcomeSchema) });
type OutcomeFile = z.infer<typeof FileSchema>;

export function openOutcomeLog(store: Store): OutcomeLog {
  const month = (recordId: string): Promise<Document<OutcomeFile>> => {
    const m = idMonth(recordId);
    if (m === null) return Promise.reject(new StoreError('invalid-record', `not a call record id: ${recordId}`));
    // The store caches documents by name: each month is opened (read) once.
    return store.document<OutcomeFile>(`call-outcomes-${m}`, {
      schemaVersion: 1,
      migrations: [],
      schema: FileSchema,
      defaults: { outcomes: {} },
    });
  };
  return {
    async get(recordId) {
      const doc = await month(recordId);
      const found = doc.data.outcomes[recordId];
      return found ? (structuredClone(found) as CallOutcome) : undefined;
    },
    async set(recordId, outcome) {
      const parsed = CallOutcomeSchema.parse(outcome);
      const doc = await month(recordId);
      await doc.update((data) => {
        data.outcomes[recordId] = parsed;
      });
    },
  };
}
