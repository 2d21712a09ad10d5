import {
  RuleSetSchema,
  minutesOfDay,
  timeReasonCodes,
  weekdays,
  type AttemptLimit,
  type CallReason,
  type ContractRecord,
  type RuleSet,
  type ZoneSource,
} from '../../shared/domain/calling-rules';
import type { Address, ConsentRecord } from '../../shared/domain/lead';
import { isE164, resolveCalleeZone, type CalleePlace, type CalleeZone } from './callee-zone';
import { CompiledCalendar } from './holidays';
import {
  addCalendarDays,
  civilOfEpochDay,
  DAY_MS,
  hhmm,
  isoDateOfEpochDay,
  isoOfInstant,
  isValidZone,
  localTime,
  parseInstant,
  wallToInstant,
} from './zone-time';

/**
 * The calling rules engine: pure functions of a rule set (data) and a context. The clock (`now`)
 * and the fallback zone are passed in; nothing here reads the machine's time or zone. Caches
 * (compiled rule sets, zone offsets, holiday tables, per-callee answers at one instant) only remember
 * what the same inputs give.
 * When unsure it forbids: an unknown zone is checked in the dealership's zone, a number spanning
 * zones is checked in each of them.
 */

export interface CallContext {
  lead: { consents: readonly ConsentRecord[]; contact: { address?: Address } };
  /** The number to dial, E.164. */
  number: string;
  now: Date;
  /** This consumer's previous calls and attempts (any of the lead's numbers, any outcome). */
  attempts: readonly Date[];
  /** When this consumer refused further calls during a call. */
  refusals?: readonly Date[];
  /** Contracts in progress with this consumer. */
  contracts?: readonly ContractRecord[];
  doNotCall: {
    internal: ReadonlySet<string>;
    /** A copy of the national list that covers this number (E.164 numbers) and the day it was taken. */
    national?: { numbers: { has(e164: string): boolean }; asOf: Date };
  };
  /** IANA zone of the dealership: the callee's zone when nothing else tells it. */
  dealershipZone: string;
}

export type NextLegal =
  | { status: 'now'; at: Date }
  | { status: 'at'; at: Date }
  /** No legal instant within the rule set's search horizon (from `now`). */
  | { status: 'beyond-horizon'; horizonDays: number; searchedUntil: Date }
  /** Waiting lifts nothing: no consent, consent revoked, refusal for good, do-not-call, bad number. */
  | { status: 'not-by-waiting' };

interface ZoneInfo {
  /** The callee's zone as reported. */
  zone: string;
  zoneSource: ZoneSource;
  /** Every zone the call was checked in, the reported one first. */
  zonesChecked: string[];
}

export type CallVerdict =
  | ({ allowed: true } & ZoneInfo)
  | ({ allowed: false; reasons: CallReason[]; nextLegal: NextLegal; nextLegalAt?: Date } & ZoneInfo);

// ---- compiled rule sets

interface CompiledRules {
  rules: RuleSet;
  /** Per weekday (0 = Monday): [start, end) in seconds of the day. */
  windows: (readonly (readonly [number, number])[])[];
  calendar: CompiledCalendar | undefined;
  nationalCountries: ReadonlySet<string>;
  /** Per callee (interned and immutable, a few hundred in a list): see CalleeRules. */
  callees: Map<CalleeZone, CalleeRules>;
}

/**
 * What a rule set says about one callee place set. A list asks "callable now?" for 100k leads at
 * the same instant, and they share a few hundred callees: the windows and holidays are read once
 * per callee and instant, not per lead. Each answer is keyed by every input it depends on.
 */
interface CalleeRules {
  /** Holiday region of each place. */
  regions: (string | undefined)[];
  /** timeAllows at instant `timeAt`. */
  timeAt: number;
  timeOk: boolean;
  /** timeReasons at instant `reasonsAt` (copied out: each verdict owns its reasons). */
  reasonsAt: number;
  reasons: readonly CallReason[];
  /** searchTime from `searchFrom` until `searchUntil`. */
  searchFrom: number;
  searchUntil: number;
  searchAt: number | undefined;
}

/** Bounds `callees` (a custom set of many dealership zones, a long-running process). */
const CALLEES_LIMIT = 10_000;

function calleeRules(c: CompiledRules, callee: CalleeZone): CalleeRules {
  let k = c.callees.get(callee);
  if (!k) {
    if (c.callees.size >= CALLEES_LIMIT) c.callees.clear();
    k = {
      regions: callee.places.map((p) => placeRegion(c, p)),
      timeAt: NaN,
      timeOk: false,
      reasonsAt: NaN,
      reasons: [],
      searchFrom: NaN,
      searchUntil: NaN,
      searchAt: undefined,
    };
    c.callees.set(callee, k);
  }
  return k;
}

function timeAllowsAt(c: CompiledRules, callee: CalleeZone, k: CalleeRules, ms: number): boolean {
  if (k.timeAt !== ms) {
    k.timeOk = timeAllows(c, callee.places, k.regions, ms);
    k.timeAt = ms;
  }
  return k.timeOk;
}

const compiled = new WeakMap<RuleSet, CompiledRules>();

/** The last rule set asked for: a list asks the same one 100k times in a row. */
let lastRules: RuleSet | undefined;
let lastCompiled: CompiledRules | undefined;

/** Validates a rule set once (clear zod errors) and keeps its compiled form for this object. */
export function compileRules(rules: RuleSet): CompiledRules {
  if (rules === lastRules) return lastCompiled!;
  let c = compiled.get(rules);
  if (!c) {
    const parsed = RuleSetSchema.safeParse(rules);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new TypeError(`invalid rule set '${rules?.id ?? '?'}': ${issue.path.join('.')}: ${issue.message}`);
    }
    c = {
      rules,
      windows: weekdays.map((d) =>
        rules.windows[d].map((w) => [minutesOfDay(w.start) * 60, minutesOfDay(w.end) * 60] as const),
      ),
      calendar: rules.holidays ? new CompiledCalendar(rules.holidays) : undefined,
      nationalCountries: new Set(rules.doNotCall.nationalCountries),
      callees: new Map(),
    };
    compiled.set(rules, c);
  }
  lastRules = rules;
  lastCompiled = c;
  return c;
}

let lastValidZone: string | undefined;

function checkContext(ctx: CallContext): void {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) throw new TypeError('now must be a valid Date');
  const zone = ctx.dealershipZone;
  if (zone === lastValidZone) return;
  if (!isValidZone(zone)) throw new RangeError(`dealershipZone '${zone}' is not an IANA time zone`);
  lastValidZone = zone;
}

// ---- time rules (windows, closed days, holidays) at one instant

/** The proleptic Gregorian year of a day count, without a Date. */
export function yearOfEpochDay(epochDay: number): number {
  return civilOfEpochDay(epochDay).year;
}

function placeRegion(c: CompiledRules, place: CalleePlace): string | undefined {
  return c.calendar?.regionFor(place.country, place.subdivision);
}

/** Whether the windows and holidays allow a call at `ms` in every place. */
function timeAllows(
  c: CompiledRules,
  places: readonly CalleePlace[],
  regions: readonly (string | undefined)[],
  ms: number,
) {
  for (let i = 0; i < places.length; i++) {
    const lt = localTime(places[i]!.zone, ms);
    const windows = c.windows[lt.weekday]!;
    let inside = false;
    for (const [start, end] of windows) if (lt.secondOfDay >= start && lt.secondOfDay < end) inside = true;
    if (!inside) return false;
    if (c.calendar?.holiday(lt.epochDay, yearOfEpochDay(lt.epochDay), regions[i])) return false;
  }
  return true;
}

function timeReasons(
  c: CompiledRules,
  places: readonly CalleePlace[],
  regions: readonly (string | undefined)[],
  ms: number,
): CallReason[] {
  const reasons: CallReason[] = [];
  places.forEach((place, i) => {
    const zone = place.zone;
    const lt = localTime(zone, ms);
    const weekday = weekdays[lt.weekday]!;
    const localDate = isoDateOfEpochDay(lt.epochDay);
    const windows = c.windows[lt.weekday]!;
    if (windows.length === 0) {
      reasons.push({ code: lt.weekday >= 5 ? 'weekend' : 'day-closed', zone, localDate, weekday });
    }
    const holiday = c.calendar?.holiday(lt.epochDay, yearOfEpochDay(lt.epochDay), regions[i]);
    if (holiday) reasons.push({ code: 'holiday', zone, localDate, name: { ...holiday } });
    if (windows.length > 0 && !windows.some(([s, e]) => lt.secondOfDay >= s && lt.secondOfDay < e)) {
      reasons.push({
        code: 'outside-window',
        zone,
        localTime: hhmm(lt.secondOfDay),
        weekday,
        windows: [...c.rules.windows[weekday]],
      });
    }
  });
  return reasons;
}

/** A fresh copy of a remembered time reason, nested objects included. */
function copyReason(r: CallReason): CallReason {
  switch (r.code) {
    case 'outside-window':
      return { ...r, windows: r.windows.map((w) => ({ ...w })) };
    case 'holiday':
      return { ...r, name: { ...r.name } };
    default:
      return { ...r };
  }
}

/** Offsets lie within UTC-12 … UTC+14: a local day's instants start no earlier than this before its UTC day. */
const MAX_AHEAD_MS = 14 * 3_600_000;

/**
 * The first instant >= `from` and < `until` at which the windows and holidays allow a call in every
 * place. Allowed instants form intervals; the first one starts at `from` or at some window start,
 * so only those are tried, in time order, day by day: bounded by the horizon, never endless.
 */
function searchTime(
  c: CompiledRules,
  places: readonly CalleePlace[],
  regions: readonly (string | undefined)[],
  from: number,
  until: number,
): number | undefined {
  if (from >= until) return undefined;
  if (timeAllows(c, places, regions, from)) return from;
  let day = Math.min(...places.map((p) => localTime(p.zone, from).epochDay));
  const pending: number[] = [];
  for (;;) {
    const weekday = (((day + 3) % 7) + 7) % 7;
    for (const place of places) {
      for (const [start] of c.windows[weekday]!) {
        const t = wallToInstant(place.zone, day * DAY_MS + start * 1000);
        if (t > from && t < until) pending.push(t);
      }
    }
    pending.sort((a, b) => a - b);
    // Candidates of later local days all fall after this instant, so these are in their final order.
    const settled = (day + 1) * DAY_MS - MAX_AHEAD_MS;
    const done = day * DAY_MS - MAX_AHEAD_MS >= until;
    while (pending.length > 0 && (done || pending[0]! < settled)) {
      const t = pending.shift()!;
      if (timeAllows(c, places, regions, t)) return t;
    }
    if (done) return undefined;
    day++;
  }
}

// ---- consent, refusal, attempts

interface ConsentState {
  active: boolean;
  revokedAt?: number;
}

/** The latest decision wins: a revocation after the newest consent still in force blocks. */
function consentState(consents: readonly ConsentRecord[], number: string, scope: 'number' | 'lead', now: number) {
  latestConsent(consents, number, scope, now);
  const state: ConsentState = { active: lastGiven > -Infinity && lastGiven > lastRevoked };
  if (!state.active && lastRevoked > -Infinity) state.revokedAt = lastRevoked;
  return state;
}

const CONSENT_ACTIVE = 0;
const CONSENT_NONE = 1;
const CONSENT_REVOKED = 2;

/** consentState for the quick path: a code, no object (100k of them per list refresh). */
function consentCode(consents: readonly ConsentRecord[], number: string, scope: 'number' | 'lead', now: number) {
  latestConsent(consents, number, scope, now);
  if (lastGiven > -Infinity && lastGiven > lastRevoked) return CONSENT_ACTIVE;
  return lastRevoked > -Infinity ? CONSENT_REVOKED : CONSENT_NONE;
}

// latestConsent's results: module state rather than a returned pair, so a decision allocates nothing.
let lastGiven = -Infinity;
let lastRevoked = -Infinity;

function latestConsent(consents: readonly ConsentRecord[], number: string, scope: 'number' | 'lead', now: number) {
  lastGiven = -Infinity;
  lastRevoked = -Infinity;
  for (const c of consents) {
    if (scope === 'number' && c.number !== number) continue;
    // Read on each decision (parseInstant is cheap) rather than remembered per record: a per-lead
    // cache of 100k entries cost more in memory and collection than it saved.
    const given = parseInstant(c.givenAt);
    if (given > now) continue;
    const revoked = c.revokedAt === undefined ? Infinity : parseInstant(c.revokedAt);
    if (revoked <= now) {
      if (revoked > lastRevoked) lastRevoked = revoked;
    } else if (given > lastGiven) lastGiven = given;
  }
}

function hasOngoingContract(contracts: readonly ContractRecord[] | undefined, now: number): boolean {
  return (contracts ?? []).some(
    (k) => parseInstant(k.startedAt) <= now && (k.endsAt === undefined || parseInstant(k.endsAt) > now),
  );
}

/** Slack around "N calendar days" before asking the zone: DST moves a day by at most an hour (we allow two). */
const CALENDAR_SLACK_MS = 2 * 3_600_000;

/** The attempts still inside the rolling window at `now`, when there are at least the limit; else undefined. */
function attemptsAtLimit(limit: AttemptLimit, attempts: readonly Date[], zone: string, now: number) {
  if (attempts.length < limit.maxAttempts) return undefined;
  const inWindow: number[] = [];
  return countInWindow(limit, attempts, zone, now, inWindow) < limit.maxAttempts ? undefined : inWindow;
}

/** How many attempts are inside the rolling window at `now` (pushed to `into` when given). */
function countInWindow(limit: AttemptLimit, attempts: readonly Date[], zone: string, now: number, into?: number[]) {
  const span = limit.windowDays * DAY_MS;
  let count = 0;
  for (const a of attempts) {
    const at = a.getTime();
    if (Number.isNaN(at)) throw new TypeError('attempts must hold valid Dates');
    const age = now - at;
    // An attempt dated after `now` (clock skew) counts too: unsure means forbid.
    if (
      age < span - CALENDAR_SLACK_MS ||
      (age <= span + CALENDAR_SLACK_MS && addCalendarDays(zone, at, limit.windowDays) > now)
    ) {
      count++;
      into?.push(at);
    }
  }
  return count;
}

/** At the limit: how many, and when the window frees (enough attempts turn windowDays old). */
function attemptLimitReason(limit: AttemptLimit, inWindow: readonly number[], zone: string) {
  const ends = inWindow.map((at) => addCalendarDays(zone, at, limit.windowDays)).sort((a, b) => a - b);
  const freesAt = ends[inWindow.length - limit.maxAttempts]!;
  const reason: CallReason & { code: 'attempt-limit' } = {
    code: 'attempt-limit',
    count: inWindow.length,
    maxAttempts: limit.maxAttempts,
    windowDays: limit.windowDays,
    freesAt: isoOfInstant(freesAt),
  };
  return { reason, freesAt };
}

// ---- the decision

interface Evaluation {
  callee: CalleeZone;
  k: CalleeRules;
  reasons: CallReason[];
  /** Earliest instant the non-window rules (attempts, a refusal for a while) allow; -Infinity if none block. */
  notBefore: number;
  /** Some reason that waiting does not lift. */
  final: boolean;
}

const NOT_CALLABLE = Symbol('not callable');

/**
 * Every rule, every reason. `quick` (the list's "callable now?") stops at the first reason and
 * returns NOT_CALLABLE instead, skipping the work of explaining.
 */
function evaluate(c: CompiledRules, ctx: CallContext, quick: true): Evaluation | typeof NOT_CALLABLE;
function evaluate(c: CompiledRules, ctx: CallContext, quick?: false): Evaluation;
function evaluate(c: CompiledRules, ctx: CallContext, quick = false): Evaluation | typeof NOT_CALLABLE {
  checkContext(ctx);
  const rules = c.rules;
  const now = ctx.now.getTime();
  const number = ctx.number;
  if (!isE164(number)) {
    if (quick) return NOT_CALLABLE;
    const callee = resolveCalleeZone('', undefined, ctx.dealershipZone);
    const k = calleeRules(c, callee);
    return { callee, k, reasons: [{ code: 'invalid-number', number }], notBefore: now, final: true };
  }
  const reasons: CallReason[] = [];
  let notBefore = -Infinity;
  let final = false;

  if (rules.consent.required && quick) {
    const code = consentCode(ctx.lead.consents, number, rules.consent.scope, now);
    if (code === CONSENT_REVOKED) return NOT_CALLABLE;
    if (code === CONSENT_NONE && !(rules.consent.exceptOngoingContract && hasOngoingContract(ctx.contracts, now)))
      return NOT_CALLABLE;
  } else if (rules.consent.required) {
    const consent = consentState(ctx.lead.consents, number, rules.consent.scope, now);
    if (consent.revokedAt !== undefined) {
      // A contract lifts the need for consent, not a revocation: "never call again after it".
      reasons.push({ code: 'consent-revoked', number, revokedAt: isoOfInstant(consent.revokedAt) });
      final = true;
    } else if (!consent.active && !(rules.consent.exceptOngoingContract && hasOngoingContract(ctx.contracts, now))) {
      reasons.push({ code: 'no-consent', number, scope: rules.consent.scope });
      final = true;
    }
  }

  if (rules.refusal.blocks && ctx.refusals && ctx.refusals.length > 0) {
    const last = Math.max(...ctx.refusals.map((r) => r.getTime()));
    if (Number.isNaN(last)) throw new TypeError('refusals must hold valid Dates');
    const refusedAt = isoOfInstant(last);
    if (rules.refusal.forDays === null) {
      reasons.push({ code: 'refused', refusedAt });
      final = true;
    } else {
      const zone = resolveCalleeZone(number, ctx.lead.contact.address, ctx.dealershipZone).zone;
      const until = addCalendarDays(zone, last, rules.refusal.forDays);
      if (until > now) {
        reasons.push({ code: 'refused', refusedAt, until: isoOfInstant(until) });
        notBefore = Math.max(notBefore, until);
      }
    }
  }

  if (quick && (reasons.length > 0 || notBefore > now)) return NOT_CALLABLE;

  // After consent, which rules out many leads of a list without asking where they are.
  const callee = resolveCalleeZone(number, ctx.lead.contact.address, ctx.dealershipZone);
  const k = calleeRules(c, callee);

  const dnc = rules.doNotCall;
  if (dnc.internal && ctx.doNotCall.internal.has(number)) {
    reasons.push({ code: 'on-internal-dnc', number });
    final = true;
  }
  const numberCountry = callee.numberCountry;
  // A number whose country we cannot tell may be on the list: checked.
  if (dnc.national !== 'off' && (numberCountry === undefined || c.nationalCountries.has(numberCountry))) {
    const list = ctx.doNotCall.national;
    if (!list) {
      if (dnc.national === 'required') {
        reasons.push({ code: 'national-dnc-missing', number });
        final = true;
      }
    } else {
      const listAsOf = isoOfInstant(list.asOf.getTime());
      if (list.numbers.has(number)) {
        reasons.push({ code: 'on-national-dnc', number, listAsOf });
        final = true;
      }
      if (now - list.asOf.getTime() > dnc.nationalMaxAgeDays * DAY_MS) {
        reasons.push({ code: 'national-dnc-stale', number, listAsOf, maxAgeDays: dnc.nationalMaxAgeDays });
        final = true;
      }
    }
  }

  if (quick && reasons.length > 0) return NOT_CALLABLE;

  for (const limit of rules.attemptLimits) {
    if (quick) {
      const n = ctx.attempts.length < limit.maxAttempts ? 0 : countInWindow(limit, ctx.attempts, callee.zone, now);
      if (n >= limit.maxAttempts) return NOT_CALLABLE;
      continue;
    }
    const inWindow = attemptsAtLimit(limit, ctx.attempts, callee.zone, now);
    if (!inWindow) continue;
    const { reason, freesAt } = attemptLimitReason(limit, inWindow, callee.zone);
    reasons.push(reason);
    notBefore = Math.max(notBefore, freesAt);
  }

  // The cheap boolean first: most decisions in a list are "callable now".
  if (!timeAllowsAt(c, callee, k, now)) {
    if (quick) return NOT_CALLABLE;
    if (k.reasonsAt !== now) {
      k.reasons = timeReasons(c, callee.places, k.regions, now);
      k.reasonsAt = now;
    }
    for (const r of k.reasons) reasons.push(copyReason(r));
  }
  return { callee, k, reasons, notBefore, final };
}

function nextFrom(c: CompiledRules, ctx: CallContext, e: Evaluation): NextLegal {
  const now = ctx.now.getTime();
  if (e.reasons.length === 0) return { status: 'now', at: new Date(now) };
  if (e.final || e.reasons.some((r) => !timeReasonCodes.has(r.code) && !(r.code === 'refused' && r.until))) {
    return { status: 'not-by-waiting' };
  }
  const until = now + c.rules.nextLegalHorizonDays * DAY_MS;
  const from = Math.max(now, e.notBefore);
  const k = e.k;
  // Leads of a list share the callee and, unless attempts or a refusal push it, the start.
  if (k.searchFrom !== from || k.searchUntil !== until) {
    k.searchAt = searchTime(c, e.callee.places, k.regions, from, until);
    k.searchFrom = from;
    k.searchUntil = until;
  }
  const at = k.searchAt;
  return at === undefined
    ? { status: 'beyond-horizon', horizonDays: c.rules.nextLegalHorizonDays, searchedUntil: new Date(until) }
    : { status: 'at', at: new Date(at) };
}

/** May this number be called now under these rules? Every reason when not, and the next legal time. */
export function checkCall(rules: RuleSet, ctx: CallContext): CallVerdict {
  const c = compileRules(rules);
  const e = evaluate(c, ctx);
  const { zone, source: zoneSource } = e.callee;
  const zonesChecked = e.callee.zones.slice();
  if (e.reasons.length === 0) return { allowed: true, zone, zoneSource, zonesChecked };
  const nextLegal = nextFrom(c, ctx, e);
  const reasons = e.reasons;
  // Literals rather than spreads: the explaining path runs for whole lists too.
  return nextLegal.status === 'at'
    ? { allowed: false, reasons, nextLegal, nextLegalAt: nextLegal.at, zone, zoneSource, zonesChecked }
    : { allowed: false, reasons, nextLegal, zone, zoneSource, zonesChecked };
}

/**
 * Whether the call is allowed now, without the explanation: for a list of 100k leads ("who is
 * callable now"). Always the same answer as `checkCall(...).allowed`.
 */
export function isCallableNow(rules: RuleSet, ctx: CallContext): boolean {
  return evaluate(compileRules(rules), ctx, true) !== NOT_CALLABLE;
}

/** The next instant every rule allows this call (now if allowed now). */
export function nextLegalTime(rules: RuleSet, ctx: CallContext): NextLegal {
  const c = compileRules(rules);
  return nextFrom(c, ctx, evaluate(c, ctx));
}

export type VoicemailVerdict = { allowed: true } | { allowed: false; reasons: CallReason[] };

/**
 * May a recorded message be left on this consumer's answering machine? Under the French rules
 * (CPCE L.34-5) only with consent in force for the number: a contract in progress is not enough.
 */
export function checkVoicemailDrop(
  rules: RuleSet,
  ctx: Pick<CallContext, 'lead' | 'number' | 'now'>,
): VoicemailVerdict {
  const c = compileRules(rules);
  if (!c.rules.voicemailDrop.requiresConsent) return { allowed: true };
  const consent = consentState(ctx.lead.consents, ctx.number, c.rules.consent.scope, ctx.now.getTime());
  return consent.active
    ? { allowed: true }
    : { allowed: false, reasons: [{ code: 'voicemail-needs-consent', number: ctx.number }] };
}
