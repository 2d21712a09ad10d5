/**
 * Pending callbacks for sample leads, so the list's "callback due" filters (overdue, today, this
 * week) show something on demo data. Drawn from their own PRNG stream: the leads generated for a
 * seed stay exactly what they were without callbacks (tests and benches depend on them).
 */
import { DateTime } from 'luxon';
import type { Callback, Lead, LeadDraft, Stage, TimelineEntry } from '../../../shared/domain/lead';
import { DEFAULT_ZONE } from '../callback-due';
import { SELLERS } from './data';
import { Random, Table } from './prng';
import type { SampleLeadOptions } from './generate-leads';
import { isoUtc } from './time';

/** A callback as the sample proposes it; the lead service gives it an id when the lead is made. */
export type SampleCallback = Omit<Callback, 'id' | 'doneAt'> & { status: 'pending' };

/** Share of leads with a pending callback by stage: ~12 % overall; none once sold or lost. */
const CALLBACK_SHARE: Record<Stage, number> = {
  new: 0.1,
  contacted: 0.22,
  appointment: 0.12,
  visited: 0.2,
  sold: 0,
  lost: 0,
};

const CALLBACK_NOTES = [
  'Rappeler pour la proposition de reprise',
  "Attend l'accord de financement",
  "Confirmer l'essai du week-end",
  'Rappeler après 17h, au travail avant',
  'Voir avec sa femme, rappeler',
  'Envoyer le devis puis rappeler',
  'Relancer sur le véhicule en stock',
  'Rappeler pour la date de livraison',
];

// Showroom hours (Paris time): Monday to Friday 9h–19h, Saturday 9h–18h, closed on Sunday.
const OPENS = 9 * 60;
const closes = (day: DateTime): number => (day.weekday === 6 ? 18 * 60 : 19 * 60);
const SLOT = 15; // sellers book callbacks on the quarter hour
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Most missed callbacks are from earlier today or yesterday; a few linger for days.
const DAYS_AGO = new Table<number>([
  [0, 3],
  [1, 3],
  [2, 2],
  [3, 1],
  [4, 1],
]);

/** Derives the callbacks' stream from the leads' seed, far from it (golden-ratio mix). */
const callbackSeed = (seed: number): number => Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0;

/** A quarter hour of showroom time on `day` within [fromMin, toMin) minutes of the day, or null. */
function slotOn(r: Random, day: DateTime, fromMin: number, toMin: number): DateTime | null {
  if (day.weekday === 7) return null;
  const first = Math.ceil(Math.max(OPENS, fromMin) / SLOT);
  const last = Math.floor((Math.min(closes(day), toMin) - 1) / SLOT);
  if (last < first) return null;
  const minutes = r.int(first, last) * SLOT;
  return day.startOf('day').set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

const minuteOfDay = (t: DateTime): number => t.hour * 60 + t.minute + (t.second > 0 || t.millisecond > 0 ? 1 : 0);

/** Hours to four days ago, in showroom hours; null when the lead is younger than that. */
function overdue(r: Random, local: DateTime, createdMs: number): DateTime | null {
  const daysAgo = r.weighted(DAYS_AGO);
  for (let back = daysAgo; back <= daysAgo + 3; back++) {
    const day = local.minus({ days: back });
    const slot = slotOn(r, day, 0, back === 0 ? minuteOfDay(local) - 30 : 24 * 60);
    if (slot && slot.toMillis() > createdMs) return slot;
  }
  return null;
}

/** Later today in showroom hours, or the next open morning when today is over. */
function laterToday(r: Random, local: DateTime): DateTime {
  return slotOn(r, local, minuteOfDay(local) + 15, 24 * 60) ?? nextOpenDay(r, local, 1);
}

/** A day after today and up to Saturday of this (ISO) week; next week when the week is over. */
function laterThisWeek(r: Random, local: DateTime): DateTime {
  const daysLeft = 6 - local.weekday; // Saturday is 6
  return nextOpenDay(r, local, daysLeft >= 1 ? r.int(1, daysLeft) : 8 - local.weekday);
}

function nextOpenDay(r: Random, local: DateTime, ahead: number): DateTime {
  let day = local.plus({ days: ahead });
  if (day.weekday === 7) day = day.plus({ days: 1 });
  return slotOn(r, day, 0, 24 * 60) as DateTime; // any Monday–Saturday has slots
}

/**
 * One entry per draft (same order): the pending callback the sample gives that lead, if any.
 * About 12 % of leads get one, relative to `now`: ~40 % overdue, ~25 % later today, the rest
 * later this week, on the quarter hour in showroom hours (Paris). Same seed + now => same output.
 */
export function sampleCallbacks(
  drafts: readonly LeadDraft[],
  options: SampleLeadOptions = {},
): (SampleCallback | undefined)[] {
  const r = new Random(callbackSeed(options.seed ?? 1));
  const nowMs = (options.now ?? new Date()).getTime();
  const local = DateTime.fromMillis(nowMs, { zone: DEFAULT_ZONE });
  return drafts.map((draft) => {
    if (!r.chance(CALLBACK_SHARE[draft.stage])) return undefined;
    const createdMs = draft.createdAt ? Date.parse(draft.createdAt) : nowMs;
    const x = r.next();
    const due =
      (x < 0.4 ? overdue(r, local, createdMs) : null) ?? (x < 0.65 ? laterToday(r, local) : laterThisWeek(r, local));
    const dueMs = due.toMillis();
    // Planned hours to a week ahead; not before the lead came in, not after now.
    const setMs = Math.max(createdMs, Math.min(dueMs - r.int(2 * HOUR, 7 * DAY), nowMs));
    // A lead's owner calls back; unassigned leads are for whoever is free.
    const mine = draft.owner !== undefined && r.chance(0.85);
    const callback: SampleCallback = {
      dueAt: isoUtc(dueMs),
      owner: draft.owner ?? r.pick(SELLERS),
      scope: mine ? 'owner' : 'anyone',
      status: 'pending',
      createdAt: isoUtc(setMs),
    };
    if (r.chance(0.6)) callback.note = r.pick(CALLBACK_NOTES);
    return callback;
  });
}

/** The lead with the sample's callback and its "callback set" history line, in time order. */
export function withSampleCallback(lead: Lead, callback: SampleCallback, newId: () => string): Lead {
  const id = newId();
  const entry = {
    id: newId(),
    at: callback.createdAt,
    author: callback.owner,
    kind: 'callback-set',
    callbackId: id,
    dueAt: callback.dueAt,
  } satisfies TimelineEntry;
  const at = Date.parse(callback.createdAt);
  const after = lead.timeline.findIndex((e) => Date.parse(e.at) > at);
  const timeline =
    after === -1 ? [...lead.timeline, entry] : [...lead.timeline.slice(0, after), entry, ...lead.timeline.slice(after)];
  return { ...lead, callbacks: [...lead.callbacks, { id, ...callback }], timeline };
}
