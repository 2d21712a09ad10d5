import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CallbackEntry, SkipReason } from '../../shared/domain/callback-list';
import { leadDisplayName } from '../../shared/domain/lead';
import type { DialTarget } from '../../shared/domain/dialer';
import type { DoNotCallList } from '../outcomes/do-not-call';
import type { CallbackLists } from './callback-lists';
import type { LeadAccess } from './lead-access';
import { inCallingOrder, isCallable, orderFacts, type OrderFacts } from './list-order';
import type { Session } from './machine';
import { chooseNumber } from './number-choice';
import type { CallPermission } from './ports';

const SLICE = 200;

export interface PickerDeps {
  lists: Pick<CallbackLists, 'entries' | 'put'>;
  leads: Pick<LeadAccess, 'peek'>;
  doNotCall: Pick<DoNotCallList, 'has'>;
  permission: CallPermission;
  now: () => number;
  seller: () => string;
  lastCallAt: (leadId: string) => number | undefined;
  /** Writes the skip on the lead's timeline (once per reason and day: see skip-note-log.ts); never rejects. */
  noteSkip: (leadId: string, skip: SkipReason) => Promise<void>;
}

/**
 * Chooses the session's next lead: the first callable entry in list order whose lead has a
 * number off the do-not-call list that the calling rules allow now. Every entry passed over is
 * marked skipped with the reasons and the next legal time, and noted on the lead's timeline
 * (a reason already noted that day is not written again).
 * The chosen entry is claimed (`calling`) on disk before the lead is returned: it is never
 * offered twice, even after a crash.
 */
export function createPicker(deps: PickerDeps): (session: Session) => Promise<DialTarget | null> {
  // A pick orders the whole list again (thousands of entries, a few date parses each), once per
  // call. Facts are kept per entry object while its lead object and last call stay the same:
  // entries and leads are replaced on every write, never changed in place.
  const known = new WeakMap<
    CallbackEntry,
    { lead: unknown; lastCall: number | undefined; seller: string; facts: OrderFacts }
  >();
  const factsOf = (entry: CallbackEntry, seller: string): OrderFacts => {
    const lead = deps.leads.peek(entry.leadId);
    const lastCall = deps.lastCallAt(entry.leadId);
    const hit = known.get(entry);
    if (hit && hit.lead === lead && hit.lastCall === lastCall && hit.seller === seller) return hit.facts;
    const facts = orderFacts(entry, lead, lastCall, seller);
    known.set(entry, { lead, lastCall, seller, facts });
    return facts;
  };
  return async (session) => {
    const now = deps.now();
    const seller = deps.seller();
    const at = new Date(now);
    const callable = deps.lists.entries(session.listId).filter((e) => isCallable(e, seller, now));
    const ordered = inCallingOrder(callable, (e) => factsOf(e, seller));
    const writes: Promise<unknown>[] = [];
    const skip = (entry: CallbackEntry, reason: SkipReason, noteIt: boolean) => {
      const { sessionId: _s, ...rest } = entry;
      writes.push(deps.lists.put([{ ...rest, status: 'skipped', skip: reason }]));
      if (noteIt) writes.push(deps.noteSkip(entry.leadId, reason));
    };
    let skipped = 0;
    for (const entry of ordered) {
      // A list the rules forbid as a whole (a Sunday) is skipped in slices: the process stays responsive.
      if (++skipped % SLICE === 0) {
        await Promise.all(writes.splice(0));
        await nextTurn();
      }
      const lead = deps.leads.peek(entry.leadId);
      if (!lead) {
        skip(entry, { kind: 'lead-missing', reasons: [], at: at.toISOString() }, false);
        continue;
      }
      const choice = chooseNumber(lead, (n) => deps.doNotCall.has(n), deps.permission, at);
      if (!choice.ok) {
        skip(entry, { ...choice.skip, at: at.toISOString() }, true);
        continue;
      }
      const { skip: _skip, ...rest } = entry;
      writes.push(deps.lists.put([{ ...rest, status: 'calling', sessionId: session.id }]));
      await Promise.all(writes);
      return {
        entryId: entry.id,
        leadId: lead.id,
        number: choice.number,
        name: leadDisplayName(lead.contact) || choice.number,
      };
    }
    await Promise.all(writes);
    return null;
  };
}
