import { z } from 'zod';
import { DoNotCallEntrySchema, type DoNotCallEntry } from '../../shared/domain/disposition';
import type { Store } from '../store';

/**
 * The dealership's own do-not-call list (`do-not-call.json`): numbers the dialer never dials.
 * Kept in memory as a set so the dialer's check costs nothing.
 */
export interface DoNotCallList {
  has(e164: string): boolean;
  /** The live set of listed numbers (the rules engine's `doNotCall.internal`). */
  readonly numbers: ReadonlySet<string>;
  list(): DoNotCallEntry[];
  /** Resolves once on disk; a number already listed keeps its first entry. */
  add(entry: Omit<DoNotCallEntry, 'addedAt'>, at: Date): Promise<DoNotCallEntry[]>;
  /** Resolves true when the number was listed, once on disk. */
  remove(e164: string): Promise<boolean>;
}

const FileSchema = z.object({ numbers: z.array(DoNotCallEntrySchema) });
type DoNotCallFile = z.infer<typeof FileSchema>;

export async function openDoNotCallList(store: Store): Promise<DoNotCallList> {
  const doc = await store.document<DoNotCallFile>('do-not-call', {
    schemaVersion: 1,
    migrations: [],
    schema: FileSchema,
    defaults: { numbers: [] },
  });
  const numbers = new Set(doc.data.numbers.map((n) => n.number));
  const list = () => structuredClone(doc.data.numbers) as DoNotCallEntry[];
  return {
    has: (e164) => numbers.has(e164),
    numbers,
    list,
    async add(entry, at) {
      const parsed = DoNotCallEntrySchema.parse({ ...entry, addedAt: at.toISOString() });
      if (!numbers.has(parsed.number)) {
        // In memory first: from this instant no call to it can start, even before the disk write ends.
        numbers.add(parsed.number);
        await doc.update((data) => {
          data.numbers.push(parsed);
        });
      } else {
        await doc.flush();
      }
      return list();
    },
    async remove(e164) {
      if (!numbers.has(e164)) return false;
      numbers.delete(e164);
      await doc.update((data) => {
        data.numbers = data.numbers.filter((n) => n.number !== e164);
      });
      return true;
    },
  };
}
