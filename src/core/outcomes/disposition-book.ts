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

export async function openDispositionBook(store: Store): Promise<DispositionBook> {
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
      await doc.update((data) => {
        data.set = checked.data;
      });
      return list();
    },
  };
}
