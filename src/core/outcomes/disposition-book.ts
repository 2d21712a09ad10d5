import { z } from 'zod';
import {
  DispositionSetSchema,
  defaultDispositions,
  duplicateLabelMessage,
  repeatedLabel,
  type Disposition,
} from '../../shared/domain/disposition';
import { AppFailure, describeZodError } from '../../shared/result';
import type { Store } from '../store';

/** The dealership's dispositions (labels, retry rules, stage changes), in the document `dispositions.json`. */
export interface DispositionBook {
  list(): Disposition[];
  get(id: string): Disposition | undefined;
  /** The disposition, or an invalid-request naming `field`. */
  require(id: string, field?: string): Disposition;
  /** Replaces the whole set; resolves once on disk. */
  update(set: readonly Disposition[]): Promise<Disposition[]>;
}

const FileSchema = z.object({ set: DispositionSetSchema });
type DispositionFile = z.infer<typeof FileSchema>;

const retryWithDoNotCallMessage = (id: string): string =>
  `disposition "${id}" has doNotCall on, so it cannot have a retry rule: do-not-call means the number is never called again`;

/**
 * The first disposition with both a retry rule and "do not call": do-not-call means the number
 * is never called again, so the retry could never run. Checked when a set is saved, not when
 * one is read (a file written before this check still loads).
 */
function retryWithDoNotCall(set: readonly Pick<Disposition, 'retry' | 'doNotCall'>[]): number | null {
  const index = set.findIndex((d) => d.doNotCall && d.retry !== null);
  return index < 0 ? null : index;
}

export interface DispositionBookOptions {
  /** Told the new set once an update is on disk (core emits `dispositions.changed` with it). */
  onChange?: (set: Disposition[]) => void;
}

export async function openDispositionBook(
  store: Store,
  options: DispositionBookOptions = {},
): Promise<DispositionBook> {
  const doc = await store.document<DispositionFile>('dispositions', {
    schemaVersion: 1,
    migrations: [],
    schema: FileSchema,
    defaults: () => ({ set: structuredClone([...defaultDispositions]) }),
  });
  const list = () => structuredClone(doc.data.set) as Disposition[];
  const get = (id: string) => doc.data.set.find((d) => d.id === id) as Disposition | undefined;
  return {
    list,
    get,
    require(id, field = 'disposition') {
      const found = get(id);
      if (!found) throw new AppFailure('invalid-request', `unknown disposition "${id}"`, field);
      return found;
    },
    async update(set) {
      const checked = DispositionSetSchema.safeParse(set);
      if (!checked.success) {
        const issue = describeZodError(checked.error)[0]!;
        throw new AppFailure('invalid-request', `set.${issue.field}: ${issue.message}`, `set.${issue.field}`);
      }
      const repeated = repeatedLabel(checked.data);
      if (repeated) {
        const field = `set.${repeated.index}.labels.${repeated.lang}`;
        throw new AppFailure('invalid-request', `${field}: ${duplicateLabelMessage}`, field);
      }
      const retried = retryWithDoNotCall(checked.data);
      if (retried !== null) {
        const field = `set.${retried}.retry`;
        throw new AppFailure(
          'invalid-request',
          `${field}: ${retryWithDoNotCallMessage(checked.data[retried]!.id)}`,
          field,
        );
      }
      await doc.update((data) => {
        data.set = checked.data;
      });
      options.onChange?.(list());
      return list();
    },
  };
}
