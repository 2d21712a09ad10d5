/**
 * Realistic, deterministic sample leads for a French car dealership: demos, manual testing,
 * benchmarks of list/search/import at scale. Same seed + same `now` => same output.
 */
import type { ConsentRecord, LeadDraft, Phone, Stage, TradeIn, Vehicle } from '../../../shared/domain/lead';
import { parsePhone } from '../../../shared/phone';
import {
  APARTMENTS,
  BUSINESS_MAILBOXES,
  BUSINESS_TEMPLATES,
  CITIES,
  COMMENTS,
  CONSENT_WORDING,
  CONTACT_TIMES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  LOST_NOTES,
  MODELS,
  NOTES,
  SELLERS,
  SOURCES,
  STREETS,
  TRADE_IN_MODELS,
  type City,
  type Model,
  type TradeInModel,
} from './data';
import { Random, Table } from './prng';
import { isoUtc, utcYear } from './time';
import { VIN_ALPHABET, withVinCheckDigit } from './vin';

export interface SampleLeadOptions {
  /** PRNG seed; defaults to 1 so that two runs without options agree. */
  seed?: number;
  /** Reference time: createdAt spans the 18 months before it. Defaults to the current time. */
  now?: Date;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const STAGES = new Table<Stage>([
  ['new', 30],
  ['contacted', 27],
  ['appointment', 12],
  ['visited', 9],
  ['sold', 8],
  ['lost', 14],
]);
const INTERESTS = new Table<Vehicle['interest']>([
  ['buy', 80],
  ['lease', 12],
  ['test-drive', 8],
]);
const CITY_TABLE = new Table(CITIES);
const SOURCE_TABLE = new Table(SOURCES);
const DOMAIN_TABLE = new Table(EMAIL_DOMAINS);

// Second digit after the zone digit that the numbering plan (and libphonenumber) accept.
const MOBILE_6 = '01245678';
const MOBILE_7 = '3456789';
const LANDLINE_2ND: Record<City['zone'], string> = {
  1: '0123456789',
  2: '0123457',
  3: '0123456789',
  4: '123456789',
  5: '012345678',
};
const SIV_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ'; // I, O, U never appear in SIV plates

/** ASCII slug for emails: "Gaëlle" -> "gaelle", "N'Diaye" -> "ndiaye", "Da Silva" -> "dasilva". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}
// Folding is the one costly string operation per lead: do it once per name.
const FOLDED = new Map<string, string>([...FIRST_NAMES, ...LAST_NAMES].map((n) => [n, fold(n)]));
const folded = (name: string): string => FOLDED.get(name) ?? fold(name);

/** 9-digit national significant number (no trunk 0). */
function frenchNumber(r: Random, kind: 'mobile' | 'landline' | 'box', zone: City['zone']): string {
  if (kind === 'mobile') {
    return r.chance(0.65) ? '6' + r.pick(MOBILE_6) + r.digits(7) : '7' + r.pick(MOBILE_7) + r.digits(7);
  }
  if (kind === 'box') return '9' + r.digits(8);
  return String(zone) + r.pick(LANDLINE_2ND[zone]) + r.digits(7);
}

/** How people type a French number into a form or a CSV. */
function formatFrench(r: Random, nsn: string): string {
  const n = '0' + nsn;
  const pairs = (sep: string) =>
    n.slice(0, 2) + sep + n.slice(2, 4) + sep + n.slice(4, 6) + sep + n.slice(6, 8) + sep + n.slice(8);
  const intl = nsn[0] + ' ' + nsn.slice(1, 3) + ' ' + nsn.slice(3, 5) + ' ' + nsn.slice(5, 7) + ' ' + nsn.slice(7);
  const x = r.next();
  if (x < 0.45) return pairs(' ');
  if (x < 0.7) return n;
  if (x < 0.78) return pairs('.');
  if (x < 0.88) return '+33 ' + intl;
  if (x < 0.95) return '+33' + nsn;
  if (x < 0.98) return pairs('-');
  return '0033 ' + intl;
}

function frenchPhone(r: Random, kind: 'mobile' | 'landline' | 'box', zone: City['zone'], type: Phone['type']): Phone {
  const nsn = frenchNumber(r, kind, zone);
  // E.164 is built, not parsed: parsePhone costs ~35 µs, which alone would blow the 100k budget.
  // Every range above is valid in libphonenumber's max metadata; the tests parse each number.
  return { e164: '+33' + nsn, raw: flat(formatFrench(r, nsn)), type, preferred: false };
}

/** Belgian, Swiss or US mobile: rare, so it goes through parsePhone like a real input would. */
function foreignPhone(r: Random): Phone {
  let raw: string;
  const country = r.int(0, 2);
  if (country === 0) {
    const d = '4' + r.pick('789') + r.digits(7);
    raw = (r.chance(0.7) ? '+32 ' : '0032 ') + `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7)}`;
  } else if (country === 1) {
    const d = '7' + r.pick('6789') + r.digits(7);
    raw = `+41 ${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 7)} ${d.slice(7)}`;
  } else {
    const npa = r.pick(['212', '415', '617', '312', '202', '646', '718']);
    const d = String(r.int(2, 9)) + r.digits(2);
    const line = r.digits(4);
    raw = r.chance(0.5) ? `+1 (${npa}) ${d}-${line}` : `+1 ${npa}-${d}-${line}`;
  }
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new Error(`sample generator produced an invalid number: ${raw}`);
  return { e164: parsed.e164, raw, type: 'mobile', preferred: false };
}

function vin(r: Random, wmi: string, year: number): string {
  let s = wmi;
  for (let i = 0; i < 5; i++) s += VIN_ALPHABET[r.int(10, VIN_ALPHABET.length - 1)];
  s += '0'; // check digit placeholder
  s += 'ABCDEFGHJKLMNPRSTVWXY123456789'[(((year - 1980) % 30) + 30) % 30]; // model-year code
  s += VIN_ALPHABET[r.int(0, VIN_ALPHABET.length - 1)]; // plant
  s += r.digits(6);
  return flat(withVinCheckDigit(s));
}

/** SIV plate; the first letter roughly follows the year of first registration (AA in 2009, H* by 2024). */
function registration(r: Random, year: number): string {
  const first =
    year >= 2009 ? SIV_LETTERS[Math.min(7, Math.floor((year - 2009) / 2.2))] : r.pick(SIV_LETTERS.slice(0, 7));
  let left: string;
  do left = first + r.pick(SIV_LETTERS);
  while (left === 'SS' || left === 'WW');
  let right: string;
  do right = r.pick(SIV_LETTERS) + r.pick(SIV_LETTERS);
  while (right === 'SS');
  return flat(`${left}-${String(r.int(1, 999)).padStart(3, '0')}-${right}`);
}

/** Dealer prices end in 990 or 900 most of the time. */
function dealerPrice(r: Random, amount: number): number {
  const hundreds = Math.max(1, Math.round(amount / 100)) * 100;
  return r.chance(0.7) ? hundreds - 10 : hundreds;
}

interface Catalog {
  models: Table<Model>;
  vans: Table<Model> | undefined;
}

function vehicleOfInterest(
  r: Random,
  catalog: Catalog,
  nowYear: number,
  createdYear: number,
  business: boolean,
): { vehicle: Vehicle; ev: boolean } {
  const model = business && catalog.vans && r.chance(0.5) ? r.weighted(catalog.vans) : r.weighted(catalog.models);
  const used = model.since < createdYear && r.chance(0.6);
  const year = used ? r.int(Math.max(model.since, createdYear - 9), createdYear - 1) : Math.min(createdYear, nowYear);
  const trims = used && model.legacy && year <= model.legacy.until && r.chance(0.6) ? model.legacy.trims : model.trims;
  const trimIndex = r.int(0, trims.length - 1);
  const vehicle: Vehicle = {
    interest: r.weighted(INTERESTS),
    condition: used ? 'used' : 'new',
    year,
    make: model.make,
    model: model.model,
  };
  if (r.chance(0.9)) vehicle.trim = trims[trimIndex];
  const inStock = used || r.chance(0.4);
  if (inStock && r.chance(0.85)) {
    vehicle.stockNumber = flat(`${used ? 'VO' : 'VN'}-${String(createdYear % 100).padStart(2, '0')}-${r.digits(4)}`);
  }
  if (inStock && r.chance(0.5)) vehicle.vin = vin(r, model.wmi, year);
  if (used && r.chance(0.75)) vehicle.registration = registration(r, year);
  if (r.chance(0.85)) {
    const newPrice = model.base * (1 + trimIndex * 0.08);
    const amount = used ? newPrice * 0.87 ** (createdYear - year) * (0.9 + r.next() * 0.15) : newPrice;
    vehicle.price = { amount: dealerPrice(r, amount), currency: 'EUR', type: used ? 'asking' : 'quote' };
  }
  return { vehicle, ev: model.ev === true };
}

const tradeInCandidates = new Map<number, readonly TradeInModel[]>();

function tradeIn(r: Random, createdYear: number): TradeIn {
  let candidates = tradeInCandidates.get(createdYear);
  if (!candidates) {
    const sold = TRADE_IN_MODELS.filter((m) => m.from < createdYear);
    candidates = sold.length > 0 ? sold : TRADE_IN_MODELS;
    tradeInCandidates.set(createdYear, candidates);
  }
  const m = r.pick(candidates);
  const year = r.int(m.from, Math.max(m.from, Math.min(m.to, createdYear - 1)));
  const age = Math.max(1, createdYear - year);
  const t: TradeIn = {
    year,
    make: m.make,
    model: m.model,
    mileage: { value: Math.round(age * r.int(7_000, 19_000) + r.int(0, 999)), unit: 'km' },
  };
  if (r.chance(0.6)) t.registration = registration(r, year);
  if (r.chance(0.25)) t.vin = vin(r, m.wmi, year);
  return t;
}

function businessName(r: Random, city: City): string {
  return r
    .pick(BUSINESS_TEMPLATES)
    .replace('{s}', r.pick(LAST_NAMES))
    .replace('{c}', city.name)
    .replace('{d}', city.demonym);
}

function personalEmail(r: Random, first: string, last: string): string {
  const f = folded(first);
  const l = folded(last);
  const x = r.next();
  const local =
    x < 0.4
      ? `${f}.${l}`
      : x < 0.55
        ? `${f}${l}`
        : x < 0.7
          ? `${f[0]}${l}`
          : x < 0.85
            ? `${f}.${l}${r.int(1, 99)}`
            : x < 0.93
              ? `${l}.${f}`
              : `${f}${r.int(60, 99)}`;
  return flat(`${local}@${r.weighted(DOMAIN_TABLE)}`);
}

function businessEmail(r: Random, name: string): string {
  const slug = fold(
    name
      .replace(/&/g, ' ')
      .replace(/\b(SARL|SAS)\b/g, '')
      .trim()
      .replace(/\s+/g, '-'),
  ).replace(/-+/g, '-');
  return flat(`${r.pick(BUSINESS_MAILBOXES)}@${slug}.fr`);
}

const iso = isoUtc;

/**
 * Built strings are trees of cons strings until something reads them; reading one character
 * makes V8 flatten it in place, which cut the retained heap of 100k leads by about half.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** A pushed-to array keeps room for 16+ elements; 100k leads x 5 arrays makes that count. */
function exact<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice();
}

/**
 * Two people never share an e-mail in the sample: the importer rightly merges leads by e-mail,
 * and shared ones would chain strangers into one lead ("elodie.martin2@…" instead).
 */
function uniqueEmail(used: Set<string>, email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  let candidate = email;
  for (let n = 2; used.has(candidate); n++) candidate = email.replace('@', `${n}@`);
  used.add(candidate);
  return candidate;
}

export function generateSampleLeads(count: number, options: SampleLeadOptions = {}): LeadDraft[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const seed = options.seed ?? 1;
  const r = new Random(seed);
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const start = new Date(nowMs);
  start.setUTCMonth(start.getUTCMonth() - 18);
  const startMs = start.getTime();
  const nowYear = now.getUTCFullYear();
  const available = MODELS.filter(([m]) => m.since <= nowYear);
  const usable = available.length > 0 ? available : MODELS; // `now` before every model: keep going
  const vans = usable.filter(([m]) => m.van);
  const usedEmails = new Set<string>();
  const catalog: Catalog = { models: new Table(usable), vans: vans.length > 0 ? new Table(vans) : undefined };
  const idPrefix = `sample-${(seed >>> 0).toString(36)}-`;

  const leads: LeadDraft[] = new Array(count);
  for (let i = 0; i < count; i++) {
    // Office-ish hours (UTC 6–20 ≈ 8h–22h in Paris), clamped to the window.
    let createdMs = startMs + r.next() * (nowMs - startMs);
    createdMs = createdMs - (createdMs % DAY) + 6 * HOUR + r.next() * 14 * HOUR;
    if (createdMs > nowMs) createdMs = nowMs - r.next() * Math.min(HOUR, nowMs - startMs);
    if (createdMs < startMs) createdMs = startMs + r.next() * HOUR;
    createdMs = Math.floor(createdMs);
    const createdAt = iso(createdMs);
    const createdYear = utcYear(createdMs);

    const city = r.weighted(CITY_TABLE);
    const business = r.chance(0.08);
    const source = r.weighted(SOURCE_TABLE);
    const stage = r.weighted(STAGES);

    // Contact
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const fullName = business ? businessName(r, city) : undefined;

    const phones: Phone[] = [];
    if (r.chance(0.01)) {
      phones.push(foreignPhone(r));
      if (r.chance(0.5)) phones.push(frenchPhone(r, 'mobile', city.zone, 'mobile'));
    } else if (!r.chance(0.02)) {
      if (business) {
        phones.push(
          r.chance(0.6) ? frenchPhone(r, 'landline', city.zone, 'work') : frenchPhone(r, 'mobile', city.zone, 'mobile'),
        );
        if (r.chance(0.35)) phones.push(frenchPhone(r, 'mobile', city.zone, 'mobile'));
      } else {
        phones.push(
          r.chance(0.87)
            ? frenchPhone(r, 'mobile', city.zone, 'mobile')
            : frenchPhone(r, 'landline', city.zone, 'home'),
        );
        if (r.chance(0.2)) {
          const x = r.next();
          phones.push(
            x < 0.4
              ? frenchPhone(r, 'box', city.zone, 'home')
              : x < 0.75
                ? frenchPhone(r, 'landline', city.zone, 'work')
                : frenchPhone(r, 'mobile', city.zone, 'work'),
          );
        }
      }
    }
    if (phones.length > 0) (phones[phones.length > 1 && r.chance(0.2) ? 1 : 0] as Phone).preferred = true;

    // A lead without a phone came in by email: it always has one.
    const email = uniqueEmail(
      usedEmails,
      phones.length === 0 || r.chance(0.85)
        ? business
          ? businessEmail(r, fullName as string)
          : personalEmail(r, first, last)
        : undefined,
    );

    const roll = r.next();
    const address =
      roll < 0.8
        ? {
            street: flat(`${r.int(1, 150)}${r.chance(0.03) ? ' bis' : ''} ${r.pick(STREETS)}`),
            ...(r.chance(0.1) ? { apartment: r.pick(APARTMENTS) } : {}),
            city: city.name,
            postalCode: r.pick(city.postalCodes),
            country: 'FR',
          }
        : roll < 0.9
          ? { city: city.name, postalCode: r.pick(city.postalCodes), country: 'FR' }
          : undefined;

    const tags: string[] = [];
    const draft: LeadDraft = {
      contact: business
        ? { kind: 'business', fullName, phones: exact(phones) }
        : { kind: 'individual', firstName: first, lastName: last, phones: exact(phones) },
      vehicles: [],
      stage,
      tags,
      consents: [],
      createdAt,
    };
    if (email) draft.contact.email = email;
    if (address) draft.contact.address = address;
    if (r.chance(0.12)) draft.contact.preferredContactTime = r.pick(CONTACT_TIMES);

    // Vehicles: a phone-in may not name one yet; some compare two.
    let ev = false;
    const vehicleCount = r.chance(0.05) ? 0 : r.chance(0.15) ? 2 : 1;
    for (let v = 0; v < vehicleCount; v++) {
      const picked = vehicleOfInterest(r, catalog, nowYear, createdYear, business);
      if (v === 0) draft.vehicles = [picked.vehicle];
      else draft.vehicles.push(picked.vehicle);
      ev ||= picked.ev;
    }
    if (vehicleCount === 2) draft.vehicles = exact(draft.vehicles);
    if (r.chance(0.4)) draft.tradeIn = tradeIn(r, createdYear);

    draft.source =
      source === 'La Centrale'
        ? { name: source, provider: 'La Centrale', externalId: `LC${r.digits(9)}` }
        : source === 'Leboncoin'
          ? { name: source, provider: 'leboncoin', externalId: r.digits(10) }
          : { name: source };

    // Unassigned leads wait in the shared "new" queue; anything worked has an owner.
    if (stage !== 'new' || r.chance(0.5)) draft.owner = r.pick(SELLERS);

    if (ev) tags.push('VE');
    if (r.chance(0.25) || draft.vehicles.some((v) => v.interest === 'lease')) tags.push('Financement');
    if (draft.tradeIn && r.chance(0.8)) tags.push('Reprise');
    if (r.chance(0.06)) tags.push('Urgent');
    if (business && r.chance(0.6)) tags.push('Flotte');
    draft.tags = exact(tags);

    let lastContactMs = createdMs;
    if (stage !== 'new') {
      // Sellers call between 9h and 19h Paris time (7–17 UTC): move the random instant into those hours.
      const at = createdMs + r.next() * (nowMs - createdMs);
      const inHours = at - (at % DAY) + 7 * HOUR + r.next() * 10 * HOUR;
      lastContactMs = Math.floor(inHours >= createdMs && inHours <= nowMs ? inHours : at);
      draft.lastContactAt = iso(lastContactMs);
    }

    const preferred = phones.find((p) => p.preferred);
    if (preferred && r.chance(0.6)) {
      const channel: ConsentRecord['channel'] =
        source === 'Site web' || source === 'La Centrale' || source === 'Leboncoin'
          ? 'web-form'
          : source === 'Showroom' || source === "Salon de l'auto"
            ? 'in-person'
            : 'phone';
      // Web forms and showroom sheets collect consent on arrival; by phone, at the first call.
      const givenMs =
        channel === 'phone' && stage !== 'new' ? Math.min(lastContactMs, createdMs + r.int(0, 2) * DAY) : createdMs;
      const givenYear = utcYear(givenMs);
      const consent: ConsentRecord = {
        id: flat(`${idPrefix}consent-${i.toString(36)}`),
        number: preferred.e164,
        givenAt: givenMs === createdMs ? createdAt : iso(givenMs),
        channel,
        wording: CONSENT_WORDING[channel],
        proof: flat(
          `${channel === 'web-form' ? 'form' : channel === 'phone' ? 'rec' : 'scan'}-${givenYear}-${r.digits(6)}`,
        ),
      };
      if (r.chance(0.03)) consent.revokedAt = iso(Math.floor(givenMs + r.next() * (nowMs - givenMs)));
      draft.consents = [consent];
    }

    if (r.chance(0.3) || (stage === 'lost' && r.chance(0.4))) {
      const notes = [r.pick(NOTES)];
      if (r.chance(0.3)) {
        const second = r.pick(NOTES);
        if (second !== notes[0]) notes.push(second);
      }
      if (stage === 'lost' && r.chance(0.5)) notes.push(r.pick(LOST_NOTES));
      draft.notes = exact(notes);
    }
    if ((source === 'Site web' || source === 'La Centrale' || source === 'Leboncoin') && r.chance(0.25)) {
      draft.comments = r.pick(COMMENTS);
    }

    leads[i] = draft;
  }
  return leads;
}
