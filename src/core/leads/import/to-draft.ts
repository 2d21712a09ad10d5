import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import {
  ContactSchema,
  stages,
  type Address,
  type LeadDraft,
  type Phone,
  type Stage,
  type TradeIn,
  type Vehicle,
} from '../../../shared/domain/lead';
import { parseFrenchDate, parseFrenchNumber } from './csv/french-values';
import type { ImportField } from './mapping';
import { phoneToE164 } from './phone-e164';

/** A problem with one cell (or the row, without column): becomes an ImportReject with the line. */
export interface CellProblem {
  column?: string;
  reason: string;
}

export interface ConvertContext {
  /** Reads national phone numbers (settings.defaultRegion). */
  region: string;
  /** Reads dates without an offset. */
  zone: string;
}

export type FieldValues = Partial<Record<ImportField, { header: string; value: string }[]>>;

/** Row cells -> non-empty values grouped by field, in column order; `ignore` and unmapped columns dropped. */
export function groupCells(
  cells: readonly string[],
  columns: readonly (ImportField | undefined)[],
  headers: readonly string[],
): FieldValues {
  // Dictionary object from the start: ~30 keyed adds per row would otherwise walk shape
  // transitions and then normalise the object to a dictionary anyway (100k times per import).
  const values = Object.create(null) as FieldValues;
  for (let i = 0; i < columns.length; i++) {
    const field = columns[i];
    const value = cells[i]?.trim();
    if (!field || field === 'ignore' || !value) continue;
    (values[field] ??= []).push({ header: headers[i]!, value });
  }
  return values;
}

const stageWords: Record<string, Stage> = {
  new: 'new',
  nouveau: 'new',
  nouvelle: 'new',
  'a traiter': 'new',
  contacted: 'contacted',
  contacte: 'contacted',
  'en cours': 'contacted',
  appointment: 'appointment',
  rdv: 'appointment',
  'rendez vous': 'appointment',
  visited: 'visited',
  venu: 'visited',
  visite: 'visited',
  'venu en concession': 'visited',
  sold: 'sold',
  vendu: 'sold',
  lost: 'lost',
  perdu: 'lost',
};

const interestWords: Record<string, Vehicle['interest']> = {
  buy: 'buy',
  achat: 'buy',
  lease: 'lease',
  loa: 'lease',
  lld: 'lease',
  location: 'lease',
  leasing: 'lease',
  'test drive': 'test-drive',
  essai: 'test-drive',
};

const conditionWords: Record<string, NonNullable<Vehicle['condition']>> = {
  new: 'new',
  neuf: 'new',
  neuve: 'new',
  vn: 'new',
  used: 'used',
  occasion: 'used',
  vo: 'used',
};

const countryNames: Record<string, string> = {
  france: 'FR',
  belgique: 'BE',
  belgium: 'BE',
  suisse: 'CH',
  switzerland: 'CH',
  luxembourg: 'LU',
  allemagne: 'DE',
  germany: 'DE',
  espagne: 'ES',
  spain: 'ES',
  italie: 'IT',
  italy: 'IT',
  monaco: 'MC',
  'royaume uni': 'GB',
  'united kingdom': 'GB',
  'pays bas': 'NL',
  netherlands: 'NL',
  portugal: 'PT',
};

// Stage, interest, condition and country columns repeat a handful of words over 100k rows.
const normalizedWords = new Map<string, string>();

export function normalizeWord(s: string): string {
  let out = normalizedWords.get(s);
  if (out === undefined) {
    out = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (normalizedWords.size >= 10_000) normalizedWords.clear();
    normalizedWords.set(s, out);
  }
  return out;
}

const EMAIL = ContactSchema.shape.email.unwrap();
const VIN = /^[A-HJ-NPR-Z0-9]{1,17}$/;

const phoneFieldType: Partial<Record<ImportField, Phone['type']>> = {
  phone: 'other',
  phoneMobile: 'mobile',
  phoneHome: 'home',
  phoneWork: 'work',
  phoneFax: 'fax',
  phoneOther: 'other',
};

const phoneFieldEntries = Object.entries(phoneFieldType) as [ImportField, Phone['type']][];
const stageAllowed = `${stages.join(', ')} (or nouveau, contacté, rdv, venu, vendu, perdu)`;

/**
 * One row's values -> a LeadDraft, or the reasons it cannot be one. Pure; every problem is
 * reported (not only the first) so the user fixes a row once.
 */
export function valuesToDraft(
  values: FieldValues,
  ctx: ConvertContext,
): { draft?: LeadDraft; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const one = (field: ImportField) => values[field]?.[0];
  const text = (field: ImportField, max: number) => {
    const v = one(field);
    if (!v) return undefined;
    if (v.value.length > max) {
      problems.push({ column: v.header, reason: `'${v.value.slice(0, 30)}…' is longer than ${max} characters` });
      return undefined;
    }
    return v.value;
  };
  const year = (field: ImportField) => {
    const v = one(field);
    if (!v) return undefined;
    const n = /^\d{4}$/.test(v.value) ? Number(v.value) : NaN;
    if (!(n >= 1900 && n <= 2100)) problems.push({ column: v.header, reason: `year '${v.value}' is not a year` });
    return n >= 1900 && n <= 2100 ? n : undefined;
  };
  const date = (field: ImportField) => {
    const v = one(field);
    if (!v) return undefined;
    const r = parseFrenchDate(v.value, ctx.zone);
    if (!r.ok) problems.push({ column: v.header, reason: r.reason });
    return r.ok ? r.value : undefined;
  };
  const vin = (field: ImportField) => {
    const v = one(field);
    if (!v) return undefined;
    const s = v.value.replace(/[\s-]/g, '').toUpperCase();
    if (!VIN.test(s))
      problems.push({
        column: v.header,
        reason: `VIN '${v.value}' is not valid (at most 17 letters and digits, no I, O or Q)`,
      });
    return VIN.test(s) ? s : undefined;
  };
  const word = <T>(field: ImportField, table: Record<string, T>, what: string, allowed: string) => {
    const v = one(field);
    if (!v) return undefined;
    const found = table[normalizeWord(v.value)];
    if (found === undefined)
      problems.push({ column: v.header, reason: `${what} '${v.value}' is not one of ${allowed}` });
    return found;
  };

  // Phones: typed columns give the type; the plain "Téléphone" column is the preferred number.
  const phones: Phone[] = [];
  let preferredE164: string | undefined;
  for (const [field, type] of phoneFieldEntries) {
    for (const { header, value } of values[field] ?? []) {
      // Without a separator the split is the value itself (the regex split costs ~1 µs a value).
      const raws = /[/|\n]/.test(value) ? value.split(/\s*[/|\n]\s*/).filter(Boolean) : value ? [value] : [];
      for (const raw of raws) {
        const e164 = phoneToE164(raw, ctx.region);
        if (!e164) {
          problems.push({ column: header, reason: `phone '${raw}' is not a valid number` });
          continue;
        }
        if (field === 'phone') preferredE164 ??= e164;
        const existing = phones.find((p) => p.e164 === e164);
        if (existing) {
          if (existing.type === 'other') existing.type = type;
          continue;
        }
        phones.push({ e164, raw: raw.slice(0, 64), type, preferred: false });
      }
    }
  }
  // A number in the plain column and again in a typed one keeps the typed column's type.
  for (const p of phones) p.preferred = p.e164 === (preferredE164 ?? phones[0]?.e164);

  let email: string | undefined;
  const emailValue = one('email');
  if (emailValue) {
    const candidate = emailValue.value.toLowerCase();
    if (EMAIL.safeParse(candidate).success) email = candidate;
    else problems.push({ column: emailValue.header, reason: `e-mail '${emailValue.value}' is not valid` });
  }
  if (phones.length === 0 && !email && !problems.some((p) => /phone|e-mail/.test(p.reason)))
    problems.push({ reason: 'no phone and no e-mail: nothing to call' });

  const address: Address = {};
  const street = text('street', 200);
  const postalCode = text('postalCode', 20);
  const city = text('city', 100);
  if (street) address.street = street;
  if (postalCode) address.postalCode = postalCode;
  if (city) address.city = city;
  const countryValue = one('country');
  if (countryValue) {
    const upper = countryValue.value.toUpperCase();
    const code = /^[A-Z]{2}$/.test(upper) ? upper : countryNames[normalizeWord(countryValue.value)];
    if (code) address.country = code;
    else
      problems.push({
        column: countryValue.header,
        reason: `country '${countryValue.value}' is not known (use a 2-letter code such as FR)`,
      });
  }

  const company = text('company', 200);
  const firstName = text('firstName', 100);
  const lastName = text('lastName', 100);
  const fullName = text('fullName', 200) ?? company;

  // Vehicle of interest: make and model are both required by ADF; one without the other is an error.
  const vehicle = buildVehicle();
  function buildVehicle(): Vehicle | undefined {
    const make = text('vehicleMake', 60);
    const model = text('vehicleModel', 80);
    const rest = {
      interest: word(
        'vehicleInterest',
        interestWords,
        'interest',
        'achat, LOA/location, essai (buy, lease, test-drive)',
      ),
      condition: word('vehicleCondition', conditionWords, 'condition', 'neuf/VN, occasion/VO (new, used)'),
      year: year('vehicleYear'),
      trim: text('vehicleTrim', 80),
      vin: vin('vehicleVin'),
      stockNumber: text('vehicleStock', 40),
      registration: text('vehicleRegistration', 20)?.toUpperCase(),
    };
    let price: Vehicle['price'];
    const priceValue = one('vehiclePrice');
    if (priceValue) {
      const r = parseFrenchNumber(priceValue.value);
      if (!r.ok || r.value.value < 0)
        problems.push({ column: priceValue.header, reason: `price '${priceValue.value}' is not a number` });
      else {
        const currency = (one('vehicleCurrency')?.value.toUpperCase() ?? r.value.currency ?? 'EUR').replace('€', 'EUR');
        if (/^[A-Z]{3}$/.test(currency)) price = { amount: r.value.value, currency };
        else
          problems.push({
            column: one('vehicleCurrency')!.header,
            reason: `currency '${currency}' is not a currency code such as EUR`,
          });
      }
    }
    const anyDetail = Object.values(rest).some((v) => v !== undefined) || price !== undefined;
    if (!make && !model) {
      if (anyDetail)
        problems.push({
          column: values.vehicleMake?.[0]?.header,
          reason: 'vehicle details given without make and model',
        });
      return undefined;
    }
    if (!make) {
      problems.push({ reason: `vehicle make is missing (model '${model}' given)` });
      return undefined;
    }
    if (!model) {
      problems.push({ reason: `vehicle model is missing (make '${make}' given)` });
      return undefined;
    }
    // Spelled out (same key order as `{ ...rest, interest, make, model, price }`): spreading then
    // overriding a key took the slow generic path, ~8 µs a row.
    return compact({
      interest: rest.interest ?? 'buy',
      condition: rest.condition,
      year: rest.year,
      trim: rest.trim,
      vin: rest.vin,
      stockNumber: rest.stockNumber,
      registration: rest.registration,
      make,
      model,
      price,
    }) as Vehicle;
  }

  let tradeIn: TradeIn | undefined;
  const mileageValue = one('tradeInMileage');
  let mileage: TradeIn['mileage'];
  if (mileageValue) {
    const r = parseFrenchNumber(
      mileageValue.value.replace(/\b(km|kms|kilom[eè]tres?)\b/gi, '').replace(/\bmi(les)?\b/gi, ''),
    );
    if (!r.ok || !Number.isInteger(r.value.value) || r.value.value < 0)
      problems.push({
        column: mileageValue.header,
        reason: `mileage '${mileageValue.value}' is not a whole number of km`,
      });
    else mileage = { value: r.value.value, unit: /\bmi(les)?\b/i.test(mileageValue.value) ? 'mi' : 'km' };
  }
  const tradeInParts = compact({
    year: year('tradeInYear'),
    make: text('tradeInMake', 60),
    model: text('tradeInModel', 80),
    vin: vin('tradeInVin'),
    registration: text('tradeInRegistration', 20)?.toUpperCase(),
    mileage,
  });
  if (Object.keys(tradeInParts).length > 0) tradeIn = tradeInParts as TradeIn;

  const stage = word('stage', stageWords, 'stage', stageAllowed);
  const sourceName = text('source', 100);
  const provider = text('sourceProvider', 100);
  const externalId = text('sourceId', 100);
  const tagsValue = one('tags')?.value;
  const tags = tagsValue ? [...new Set(tagsValue.split(/\s*[,;|]\s*/).filter((t) => t.length > 0))] : [];
  const tooLongTag = tags.find((t) => t.length > 50);
  if (tooLongTag)
    problems.push({
      column: one('tags')!.header,
      reason: `tag '${tooLongTag.slice(0, 30)}…' is longer than 50 characters`,
    });

  const consentAt = date('consentGivenAt');
  const wording = text('consentWording', 2000);
  const consents: LeadDraft['consents'] = [];
  if (consentAt !== undefined || wording !== undefined) {
    const number = phones.find((p) => p.preferred)?.e164;
    if (!consentAt && !one('consentGivenAt'))
      problems.push({
        column: one('consentWording')?.header,
        reason: 'consent wording given without the date it was given',
      });
    else if (!wording && consentAt)
      problems.push({
        column: one('consentGivenAt')?.header,
        reason: 'consent date given without the wording shown to the consumer',
      });
    else if (consentAt && wording && !number)
      problems.push({ column: one('consentGivenAt')?.header, reason: 'consent given but no phone number it covers' });
    else if (consentAt && wording && number)
      consents.push({
        id: consentId(number, consentAt, wording),
        number,
        givenAt: consentAt,
        channel: 'other',
        wording,
      });
  }

  const notes = (values.notes ?? []).map((v) => v.value.slice(0, 10_000));
  const createdAt = date('createdAt');
  const lastContactAt = date('lastContactAt');
  const comments = text('comments', 10_000);
  const preferredContactTime = text('preferredContactTime', 200);
  const owner = text('owner', 100);

  if (problems.length > 0) return { problems };
  const draft: LeadDraft = compact({
    contact: compact({
      kind: company ? 'business' : 'individual',
      firstName,
      lastName,
      fullName,
      phones,
      email,
      address: Object.keys(address).length > 0 ? address : undefined,
      preferredContactTime,
    }) as LeadDraft['contact'],
    vehicles: vehicle ? [vehicle] : [],
    tradeIn,
    source:
      sourceName || provider || externalId
        ? compact({ name: sourceName ?? provider ?? '', provider, externalId })
        : undefined,
    stage: stage ?? 'new',
    owner,
    tags,
    consents,
    comments,
    notes: notes.length > 0 ? notes : undefined,
    createdAt,
    lastContactAt,
  }) as LeadDraft;
  return { draft, problems };
}

const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

/** Stable across imports of the same file, so a re-import finds the consent already there. */
export function consentId(number: string, givenAt: string, wording: string): string {
  const text = `${number}|${givenAt}|${wording}`;
  // One-shot crypto.hash (Node >= 20.12) skips the Hash object: one per imported row.
  const hex = oneShotHash ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
  return 'consent-' + hex.slice(0, 16);
}

/** Drops undefined keys (a new object: `delete` would turn 100k drafts into slow dictionary objects). */
export function compact<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as never;
}
