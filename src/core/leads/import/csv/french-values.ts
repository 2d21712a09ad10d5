import type { ImportProblem } from '../../../../shared/domain/import-problems';
import { isoOfInstant } from '../../../calling-rules/zone-time';
import { zonedToUtc } from '../zone-time';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

const FR_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const PLAIN_DIGITS = /^\d+$/;
const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * `31/12/2025`, `31/12/2025 14:30`, `31-12-2025 14h30` or ISO 8601, read in `zone` (the dealership's
 * time zone) unless the value carries an offset. Returns an ISO UTC instant.
 */
export function parseFrenchDate(raw: string, zone = 'Europe/Paris'): ValueResult<string> {
  // A row often repeats a date (created = consent given): the last answer is kept.
  if (last && raw === last.raw && zone === last.zone) return last.result;
  const result = parseDate(raw, zone);
  last = { raw, zone, result };
  return result;
}

let last: { raw: string; zone: string; result: ValueResult<string> } | undefined;

function parseDate(raw: string, zone: string): ValueResult<string> {
  const s = raw.trim();
  const fr = FR_DATE.exec(s);
  if (fr) {
    const [, d, m, y, h, min, sec] = fr;
    const ms = zonedToUtc(zone, +y!, +m!, +d!, h ? +h : 0, min ? +min : 0, sec ? +sec : 0);
    return ms === undefined
      ? { ok: false, problem: { code: 'date-not-exist', value: raw } }
      : { ok: true, value: isoOfInstant(ms) };
  }
  if (!ISO_DATE.test(s)) {
    return { ok: false, problem: { code: 'date-invalid', value: raw } };
  }
  // An ISO value with its own offset is an instant already; without one it is wall-clock time in `zone`.
  const iso = ISO_PARTS.exec(s)!;
  const [, y, m, d, h, min, sec, frac, tz] = iso;
  const wall = zonedToUtc(tz ? 'UTC' : zone, +y!, +m!, +d!, h ? +h : 0, min ? +min : 0, sec ? +sec : 0);
  if (wall === undefined) return { ok: false, problem: { code: 'date-not-exist', value: raw } };
  const offsetMin = !tz || tz === 'Z' ? 0 : (tz[0] === '-' ? -1 : 1) * (+tz.slice(1, 3) * 60 + +tz.slice(-2));
  const ms = wall - offsetMin * 60_000 + (frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
  return { ok: true, value: isoOfInstant(ms) };
}

/**
 * `12 990,00 €`, `12990`, `12.990,50`, `12,990.50`, `12990.5` (thin or no-break spaces too).
 * A lone comma or dot followed by exactly three digits is a thousands separator only when both kinds appear.
 */
export function parseFrenchNumber(raw: string): ValueResult<{ value: number; currency?: string }> {
  let s = raw.trim();
  // Most prices and mileages are plain digits: same result as the general path, without its regexes.
  if (PLAIN_DIGITS.test(s)) return { ok: true, value: { value: Number(s) } };
  let currency: string | undefined;
  if (/€|\bEUR\b/i.test(s)) currency = 'EUR';
  else if (/\$|\bUSD\b/i.test(s)) currency = 'USD';
  else if (/£|\bGBP\b/i.test(s)) currency = 'GBP';
  else if (/\bCHF\b/i.test(s)) currency = 'CHF';
  s = s.replace(/€|\$|£|\b(EUR|USD|GBP|CHF|TTC|HT)\b/gi, '').replace(/[\s\u00a0\u202f']/g, '');
  if (s.includes(',') && s.includes('.')) {
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (s.includes(',')) {
    s = s.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, problem: { code: 'number-invalid', value: raw } };
  return { ok: true, value: { value: Number(s), ...(currency ? { currency } : {}) } };
}
