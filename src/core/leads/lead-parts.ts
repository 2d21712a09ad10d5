import type { ConsentRecord, Phone, Vehicle } from '../../shared/domain/lead';
import { fold } from './text';

/** Small pure helpers shared by creation, edits and merges. */

export type IdFactory = () => string;

/** One entry per E.164 number (first occurrence wins), and exactly one preferred when there are any. */
export function normalisePhones(phones: readonly Phone[]): Phone[] {
  const seen = new Map<string, Phone>();
  for (const p of phones) {
    const prior = seen.get(p.e164);
    if (!prior) seen.set(p.e164, { ...p });
    else if (p.preferred) prior.preferred = true;
  }
  const out = [...seen.values()];
  const preferred = out.findIndex((p) => p.preferred);
  out.forEach((p, i) => (p.preferred = i === Math.max(0, preferred)));
  return out;
}

/** Same vehicle: same VIN, else same stock number, else same interest/make/model/year. */
export function vehicleKey(v: Vehicle): string {
  if (v.vin) return `vin:${fold(v.vin)}`;
  if (v.stockNumber) return `stock:${fold(v.stockNumber)}`;
  return `v:${v.interest}|${fold(v.make)}|${fold(v.model)}|${v.year ?? ''}|${fold(v.trim ?? '')}`;
}

/** Same consent: same number given at the same time on the same channel (ids differ between imports). */
export const consentKey = (c: Pick<ConsentRecord, 'number' | 'givenAt' | 'channel'>) =>
  `${c.number}|${Date.parse(c.givenAt)}|${c.channel}`;

export function uniqueStrings(...lists: readonly (readonly string[])[]): string[] {
  // One short list (a lead's tags at import): no flat() copy and Set for nothing.
  if (lists.length === 1 && lists[0]!.length <= 1) return [...lists[0]!];
  return [...new Set(lists.flat())];
}

export const isBlank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

export const earliest = (a: string, b: string | undefined): string => (b && Date.parse(b) < Date.parse(a) ? b : a);
export function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Deep equality of JSON-like values; an absent key equals an undefined one, key order is ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
  return true;
}

/** Drops keys whose value is undefined, so stored leads carry no `"x": undefined` noise. */
export function compact<T extends object>(value: T): T {
  // A plain loop: entries/filter/fromEntries allocate three arrays per call, several calls per lead.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
