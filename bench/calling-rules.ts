// Calling rules engine: decisions per second for 10k sample leads (the generator's, with their
// consents, numbers and addresses, plus 0-5 earlier attempts) against the FR preset, median of runs.
// checkCall explains (every reason, next legal time); isCallableNow is the list screen's yes/no.
// Two moments: a weekday 11:00 (about half callable) and a Saturday 23:00 (none callable: every
// checkCall also searches the next legal time). The figure, 100k decisions under 200 ms,
// is the 10k leads taken 10 times through isCallableNow.
// Baseline in the same process: the same weekday decisions written the obvious way (libphonenumber
// parse, a luxon DateTime in the callee's zone, date-holidays isHoliday per lead), on a slice.
import { performance } from 'node:perf_hooks';
import Holidays from 'date-holidays';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DateTime } from 'luxon';
import { checkCall, isCallableNow, type CallContext } from '../src/core/calling-rules';
import { preferredPhone } from '../src/core/leads/lead-facts';
import { generateSampleLeads } from '../src/core/leads/sample/generate-leads';
import { FR_RULES } from '../src/shared/domain/calling-rules';
import { median, type BenchSection } from './harness';
import { rng } from './synthetic';

const LEADS = Number(process.env.BENCH_RULES_LEADS ?? 10_000);
const RUNS = 7;
const NAIVE_SLICE = 1_000;
const WEEKDAY = new Date('2026-06-10T09:00:00Z'); // Wednesday 11:00 in Paris
const SATURDAY_NIGHT = new Date('2026-06-13T21:00:00Z'); // Saturday 23:00 in Paris

function makeContexts(now: Date): CallContext[] {
  const r = rng(5);
  const drafts = generateSampleLeads(LEADS, { seed: 9, now: new Date('2026-06-01T10:00:00Z') });
  const internal = new Set<string>();
  const contexts: CallContext[] = [];
  for (const d of drafts) {
    const number = preferredPhone(d);
    if (!number) continue;
    if (r() < 0.01) internal.add(number);
    // 0 to 5 earlier attempts over the last 40 days: some leads hit the 4-in-30-days limit.
    const attempts = Array.from(
      { length: Math.floor(r() * 6) },
      () => new Date(now.getTime() - Math.floor(r() * 40 * 86_400_000)),
    );
    contexts.push({
      lead: d,
      number,
      now,
      attempts,
      doNotCall: { internal },
      dealershipZone: 'Europe/Paris',
    });
  }
  return contexts;
}

function timeAll(contexts: readonly CallContext[], times = 1): { ms: number; allowed: number } {
  let allowed = 0;
  const t = performance.now();
  for (let k = 0; k < times; k++) for (const c of contexts) if (checkCall(FR_RULES, c).allowed) allowed++;
  return { ms: performance.now() - t, allowed };
}

function timeQuick(contexts: readonly CallContext[], times = 1): number {
  const t = performance.now();
  for (let k = 0; k < times; k++) for (const c of contexts) isCallableNow(FR_RULES, c);
  return performance.now() - t;
}

/** The same weekday decision, written without the engine's caches. */
function naiveCheck(c: CallContext, holidays: Holidays): boolean {
  const parsed = parsePhoneNumberFromString(c.number);
  if (!parsed?.isValid()) return false;
  const zone = parsed.country === 'FR' ? 'Europe/Paris' : c.dealershipZone;
  const local = DateTime.fromJSDate(c.now, { zone });
  if (local.weekday > 5) return false;
  const minutes = local.hour * 60 + local.minute;
  if (!((minutes >= 600 && minutes < 780) || (minutes >= 840 && minutes < 1200))) return false;
  if (holidays.isHoliday(c.now)) return false;
  const consented = c.lead.consents.some((k) => k.number === c.number && !k.revokedAt);
  if (!consented || c.doNotCall.internal.has(c.number)) return false;
  const recent = c.attempts.filter((a) => local.diff(DateTime.fromJSDate(a, { zone }), 'days').days < 30);
  return recent.length < 4;
}

export const callingRulesSection: BenchSection = {
  name: 'calling rules',
  async run() {
    const s = 'calling rules';
    const day = makeContexts(WEEKDAY);
    const night = day.map((c) => ({ ...c, now: SATURDAY_NIGHT }));
    const n = day.length;

    const cold = timeAll(day); // first pass: zone offsets and holiday tables not cached yet
    const dayRuns = Array.from({ length: RUNS }, () => timeAll(day));
    const quickRuns = Array.from({ length: RUNS }, () => timeQuick(day));
    const nightRuns = Array.from({ length: RUNS }, () => timeAll(night));
    const quickTenfold = Array.from({ length: RUNS }, () => timeQuick(day, 10));
    const fullTenfold = Array.from({ length: 3 }, () => timeAll(day, 10).ms);
    const dayMs = median(dayRuns.map((r) => r.ms));
    const quickMs = median(quickRuns);

    const holidays = new Holidays('FR');
    const slice = day.slice(0, NAIVE_SLICE);
    const naiveRuns = Array.from({ length: 3 }, () => {
      const t = performance.now();
      for (const c of slice) naiveCheck(c, holidays);
      return ((performance.now() - t) * n) / slice.length;
    });
    const naiveMs = median(naiveRuns);
    const perSecond = (ms: number) => Math.round((n / ms) * 1000);

    return [
      { section: s, name: `checkCall, ${n} leads, first pass (cold caches)`, value: cold.ms, unit: 'ms' },
      {
        section: s,
        name: `checkCall, ${n} leads, weekday 11:00 (${dayRuns[0]!.allowed} callable), median of ${RUNS}`,
        value: dayMs,
        unit: 'ms',
        baseline: naiveMs,
      },
      {
        section: s,
        name: `isCallableNow, ${n} leads, weekday 11:00, median of ${RUNS}`,
        value: quickMs,
        unit: 'ms',
        baseline: naiveMs,
      },
      {
        section: s,
        name: `checkCall, ${n} leads, Saturday 23:00 (none callable, next legal time), median of ${RUNS}`,
        value: median(nightRuns.map((r) => r.ms)),
        unit: 'ms',
      },
      { section: s, name: 'checkCall decisions per second, weekday', value: perSecond(dayMs), unit: 'count' },
      { section: s, name: 'isCallableNow decisions per second, weekday', value: perSecond(quickMs), unit: 'count' },
      {
        section: s,
        name: `naive decisions per second, weekday (on ${slice.length} leads)`,
        value: perSecond(naiveMs),
        unit: 'count',
      },
      {
        section: s,
        name: `isCallableNow, ${n * 10} decisions (the ${n} leads x10), median of ${RUNS}`,
        value: median(quickTenfold),
        unit: 'ms',
        target: '< 200 ms',
      },
      {
        section: s,
        name: `checkCall, ${n * 10} decisions (the ${n} leads x10), median of 3`,
        value: median(fullTenfold),
        unit: 'ms',
      },
    ];
  },
};
