import { DateTime } from 'luxon';
import { z } from 'zod';
import type { SkipReason } from '../../shared/domain/callback-list';
import type { Logger } from '../log';
import type { Store } from '../store';

/**
 * The rule for skip notes on a lead's timeline: a skip's reason is written there once per lead,
 * reason and day (the dealership's calendar day). A session started at night skips every lead
 * of its list, and each start or refresh checks them again: noting each time flooded timelines
 * with the same sentence. A new reason (the consent revoked after the hours were the problem)
 * is written at once; the same reason again the next day too, since the seller looks at that
 * day's history. The list entry always holds the latest skip.
 */
export interface NotedSkips {
  /** The lead's id. */
  id: string;
  /** yyyy-MM-dd in the dealership's zone. */
  day: string;
  /** skipNoteKey of the skips written that day. */
  keys: string[];
}

const NotedSkipsSchema = z.strictObject({
  id: z.string().min(1),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  keys: z.array(z.string()).max(50),
});

/** What makes two skips "the same reason": how the dialer refused, and the rules' reason codes. */
export function skipNoteKey(skip: Pick<SkipReason, 'kind' | 'reasons'>): string {
  return [skip.kind, ...[...new Set(skip.reasons.map((r) => r.code))].sort()].join(':');
}

/** The lead's record once this skip is noted, or undefined when that reason is on its timeline today. Pure. */
export function noteOnce(
  previous: Readonly<NotedSkips> | undefined,
  leadId: string,
  key: string,
  day: string,
): NotedSkips | undefined {
  if (previous?.day !== day) return { id: leadId, day, keys: [key] };
  if (previous.keys.includes(key)) return undefined;
  return { id: leadId, day, keys: [...previous.keys, key] };
}

export interface SkipNoterDeps {
  store: Pick<Store, 'collection'>;
  addNote: (leadId: string, text: string) => Promise<unknown>;
  /** The timeline's words for a skip. */
  text: (skip: SkipReason) => string;
  /** The dealership's zone: the day a skip belongs to. */
  zone: string;
  log: Logger;
}

/**
 * Writes a skip on the lead's timeline unless that reason is there already today (see
 * NotedSkips). What was written is kept in `dialer-skip-notes/`, so a restart does not write
 * it again. Decided and recorded in the turn it is asked, so two skips of one lead at once
 * write one note; a note that fails is forgotten again, so the next skip writes it.
 */
export async function openSkipNoter(deps: SkipNoterDeps): Promise<(leadId: string, skip: SkipReason) => Promise<void>> {
  const noted = await deps.store.collection<NotedSkips>('dialer-skip-notes', {
    itemSchema: NotedSkipsSchema,
    shards: 16,
  });
  return async (leadId, skip) => {
    const day = DateTime.fromISO(skip.at, { zone: deps.zone }).toISODate() ?? skip.at.slice(0, 10);
    const previous = noted.get(leadId) as NotedSkips | undefined;
    const next = noteOnce(previous, leadId, skipNoteKey(skip), day);
    if (!next) return;
    const recorded = noted
      .put(next)
      .catch((error: unknown) =>
        deps.log.warn('dialer: skip note not recorded', { lead: leadId, error: String(error) }),
      );
    try {
      await deps.addNote(leadId, deps.text(skip));
    } catch (error) {
      deps.log.warn('dialer: skip not noted on the lead', { lead: leadId, error: String(error) });
      if (noted.get(leadId) === next) await (previous ? noted.put(previous) : noted.delete(leadId)).catch(() => false);
    }
    await recorded;
  };
}
