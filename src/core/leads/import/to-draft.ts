import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { ImportProblem, WordField } from '../../../shared/domain/import-problems';
import {
  ContactSchema,
  type Address,
  type LeadDraft,
  type Phone,
  type Stage,
  type TradeIn,
  type Vehicle,
} from '../../../shared/domain/lead';
import { parseFrenchDate, parseFrenchNumber } from './csv/french-values';
import type { ImportField } from './mapping';
import { isMobileNumber, phoneToE164 } from './phone-e164';

/** A problem with one cell (or the row, without column): becomes an ImportReject with the line. */
export interface CellProblem {
  column?: string;
  problem: ImportProblem;
}

export interface ConvertContext {
  /** Reads national phone numbers (settings.defaultRegion). */
  region: string;
  /** Reads dates without an offset. */
  zone: string;
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

/** What names a lead: without one of these it is shown « (sans nom) ». */
const nameFields = new Set<ImportField>(['firstName', 'lastName', 'fullName', 'company']);

interface PhoneColumn {
  index: number;
  field: ImportField;
  type: Phone['type'];
}

/**
 * One file's row reader: which columns feed which field is worked out once per file, then each
 * row is read straight off its cells (no per-row grouping object, no per-row closures: both
 * showed up at 100k rows). Pure per row; every problem is reported (not only the first) so the
 * user fixes a row once.
 */
export class RowConverter {
  readonly #headers: readonly string[];
  readonly #ctx: ConvertContext;
  /** Column indexes feeding each field, in column order. */
  readonly #columns = new Map<ImportField, number[]>();
  /** Every column that feeds a field (trimmed once per row). */
  readonly #mapped: number[] = [];
  /** Phone columns in reading order: by field (plain phone first), then by column. */
  readonly #phoneColumns: PhoneColumn[] = [];
  /** The current row's trimmed cells, by column ('' when empty or unmapped). */
  readonly #values: string[];
  #problems: CellProblem[] = [];

  /** The headers of the columns that give a name or a company, in file order. */
  readonly nameColumns: readonly string[];

  /** `columns[i]` is the field of column i (undefined or 'ignore': not read). */
  constructor(headers: readonly string[], columns: readonly (ImportField | undefined)[], ctx: ConvertContext) {
    this.#headers = headers;
    this.#ctx = ctx;
    this.#values = new Array<string>(columns.length).fill('');
    for (let i = 0; i < columns.length; i++) {
      const field = columns[i];
      if (!field || field === 'ignore') continue;
      this.#mapped.push(i);
      let list = this.#columns.get(field);
      if (!list) this.#columns.set(field, (list = []));
      list.push(i);
    }
    for (const [field, type] of phoneFieldEntries)
      for (const index of this.#columns.get(field) ?? []) this.#phoneColumns.push({ index, field, type });
    this.nameColumns = this.#mapped.filter((i) => nameFields.has(columns[i]!)).map((i) => headers[i]!);
  }

  /** One row's cells -> a LeadDraft, or the reasons it cannot be one. */
  convert(cells: readonly string[]): { draft?: LeadDraft; problems: CellProblem[] } {
    const values = this.#values;
    for (const i of this.#mapped) values[i] = cells[i]?.trim() ?? '';
    const problems: CellProblem[] = [];
    this.#problems = problems;
    const headers = this.#headers;

    // Phones: typed columns give the type; the plain "Téléphone" column is the preferred number.
    const phones: Phone[] = [];
    let preferredE164: string | undefined;
    // The plain columns come first, so their numbers are phones[0..plain); `typed` has bit i set
    // once a typed column gave phone i (as a bit mask: no array per row over 100k rows).
    let plain = 0;
    let typed = 0;
    for (const { index, field, type } of this.#phoneColumns) {
      const value = values[index]!;
      if (!value) continue;
      // Without a separator the split is the value itself (the regex split costs ~1 µs a value).
      const raws = /[/|\n]/.test(value) ? value.split(/\s*[/|\n]\s*/).filter(Boolean) : [value];
      for (const raw of raws) {
        const e164 = phoneToE164(raw, this.#ctx.region);
        if (!e164) {
          problems.push({ column: headers[index]!, problem: { code: 'phone-invalid', value: raw } });
          continue;
        }
        if (field === 'phone') preferredE164 ??= e164;
        const at = phones.findIndex((p) => p.e164 === e164);
        if (field !== 'phone' && at >= 0 && at < 31) typed |= 1 << at;
        if (at >= 0) {
          if (phones[at]!.type === 'other') phones[at]!.type = type;
          continue;
        }
        if (field === 'phone') plain++;
        phones.push({ e164, raw: raw.slice(0, 64), type, preferred: false });
      }
    }
    // A plain column's number that no typed column gives: mobile when the numbering plan says so
    // (06/07 in France), else left "other" (a fixed line may be home or work).
    for (let i = 0; i < plain; i++)
      if (phones[i]!.type === 'other' && !(i < 31 && typed & (1 << i)) && isMobileNumber(phones[i]!.e164))
        phones[i]!.type = 'mobile';
    // A number in the plain column and again in a typed one keeps the typed column's type.
    for (const p of phones) p.preferred = p.e164 === (preferredE164 ?? phones[0]?.e164);

    let email: string | undefined;
    const emailAt = this.#first('email');
    if (emailAt >= 0) {
      const candidate = values[emailAt]!.toLowerCase();
      if (EMAIL.safeParse(candidate).success) email = candidate;
      else problems.push({ column: headers[emailAt]!, problem: { code: 'email-invalid', value: values[emailAt]! } });
    }
    // Only phone and e-mail problems exist so far: a bad number or address already says why.
    if (phones.length === 0 && !email && problems.length === 0)
      problems.push({ problem: { code: 'no-contact-channel' } });

    const address: Address = {};
    const street = this.#text('street', 200);
    const postalCode = this.#text('postalCode', 20);
    const city = this.#text('city', 100);
    if (street) address.street = street;
    if (postalCode) address.postalCode = postalCode;
    if (city) address.city = city;
    const countryAt = this.#first('country');
    if (countryAt >= 0) {
      const value = values[countryAt]!;
      const upper = value.toUpperCase();
      const code = /^[A-Z]{2}$/.test(upper) ? upper : countryNames[normalizeWord(value)];
      if (code) address.country = code;
      else problems.push({ column: headers[countryAt]!, problem: { code: 'country-unknown', value } });
    }

    const company = this.#text('company', 200);
    const firstName = this.#text('firstName', 100);
    const lastName = this.#text('lastName', 100);
    const fullName = this.#text('fullName', 200) ?? company;

    const vehicle = this.#vehicle();

    let tradeIn: TradeIn | undefined;
    const mileageAt = this.#first('tradeInMileage');
    let mileage: TradeIn['mileage'];
    if (mileageAt >= 0) {
      const value = values[mileageAt]!;
      const r = parseFrenchNumber(value.replace(/\b(km|kms|kilom[eè]tres?)\b/gi, '').replace(/\bmi(les)?\b/gi, ''));
      if (!r.ok || !Number.isInteger(r.value.value) || r.value.value < 0)
        problems.push({ column: headers[mileageAt]!, problem: { code: 'mileage-invalid', value } });
      else mileage = { value: r.value.value, unit: /\bmi(les)?\b/i.test(value) ? 'mi' : 'km' };
    }
    // Objects are built key by key, in the order the draft has always had (not through compact,
    // which builds each twice: 100k rows).
    const tradeInParts: Partial<TradeIn> = {};
    const tradeInYear = this.#year('tradeInYear');
    if (tradeInYear !== undefined) tradeInParts.year = tradeInYear;
    const tradeInMake = this.#text('tradeInMake', 60);
    if (tradeInMake !== undefined) tradeInParts.make = tradeInMake;
    const tradeInModel = this.#text('tradeInModel', 80);
    if (tradeInModel !== undefined) tradeInParts.model = tradeInModel;
    const tradeInVin = this.#vin('tradeInVin');
    if (tradeInVin !== undefined) tradeInParts.vin = tradeInVin;
    const tradeInRegistration = this.#text('tradeInRegistration', 20)?.toUpperCase();
    if (tradeInRegistration !== undefined) tradeInParts.registration = tradeInRegistration;
    if (mileage !== undefined) tradeInParts.mileage = mileage;
    if (Object.keys(tradeInParts).length > 0) tradeIn = tradeInParts as TradeIn;

    const stage = this.#word('stage', stageWords, 'stage');
    const sourceName = this.#text('source', 100);
    const provider = this.#text('sourceProvider', 100);
    const externalId = this.#text('sourceId', 100);
    const tagsAt = this.#first('tags');
    const tags = tagsAt >= 0 ? [...new Set(values[tagsAt]!.split(/\s*[,;|]\s*/).filter((t) => t.length > 0))] : [];
    const tooLongTag = tags.find((t) => t.length > 50);
    if (tooLongTag)
      problems.push({
        column: headers[tagsAt]!,
        problem: { code: 'tag-too-long', start: tooLongTag.slice(0, 30), max: 50 },
      });

    const consentAt = this.#date('consentGivenAt');
    const wording = this.#text('consentWording', 2000);
    const consents: LeadDraft['consents'] = [];
    if (consentAt !== undefined || wording !== undefined) {
      const number = phones.find((p) => p.preferred)?.e164;
      const givenAtHeader = this.#headerOf('consentGivenAt');
      if (!consentAt && givenAtHeader === undefined)
        problems.push({
          column: this.#headerOf('consentWording'),
          problem: { code: 'consent-wording-without-date' },
        });
      else if (!wording && consentAt)
        problems.push({
          column: givenAtHeader,
          problem: { code: 'consent-date-without-wording' },
        });
      else if (consentAt && wording && !number)
        problems.push({ column: givenAtHeader, problem: { code: 'consent-without-phone' } });
      else if (consentAt && wording && number)
        consents.push({
          id: consentId(number, consentAt, wording),
          number,
          givenAt: consentAt,
          channel: 'other',
          wording,
        });
    }

    const notes: string[] = [];
    for (const i of this.#columns.get('notes') ?? []) if (values[i]) notes.push(values[i]!.slice(0, 10_000));
    const createdAt = this.#date('createdAt');
    const lastContactAt = this.#date('lastContactAt');
    const comments = this.#text('comments', 10_000);
    const preferredContactTime = this.#text('preferredContactTime', 200);
    const owner = this.#text('owner', 100);

    if (problems.length > 0) return { problems };
    const contact = { kind: company ? 'business' : 'individual' } as LeadDraft['contact'];
    if (firstName !== undefined) contact.firstName = firstName;
    if (lastName !== undefined) contact.lastName = lastName;
    if (fullName !== undefined) contact.fullName = fullName;
    contact.phones = phones;
    if (email !== undefined) contact.email = email;
    if (Object.keys(address).length > 0) contact.address = address;
    if (preferredContactTime !== undefined) contact.preferredContactTime = preferredContactTime;
    const draft = { contact, vehicles: vehicle ? [vehicle] : [] } as LeadDraft;
    if (tradeIn !== undefined) draft.tradeIn = tradeIn;
    if (sourceName || provider || externalId) {
      const source: NonNullable<LeadDraft['source']> = { name: sourceName ?? provider ?? '' };
      if (provider !== undefined) source.provider = provider;
      if (externalId !== undefined) source.externalId = externalId;
      draft.source = source;
    }
    draft.stage = stage ?? 'new';
    if (owner !== undefined) draft.owner = owner;
    draft.tags = tags;
    draft.consents = consents;
    if (comments !== undefined) draft.comments = comments;
    if (notes.length > 0) draft.notes = notes;
    if (createdAt !== undefined) draft.createdAt = createdAt;
    if (lastContactAt !== undefined) draft.lastContactAt = lastContactAt;
    return { draft, problems };
  }

  /** Vehicle of interest: make and model are both required by ADF; one without the other is an error. */
  #vehicle(): Vehicle | undefined {
    const problems = this.#problems;
    const make = this.#text('vehicleMake', 60);
    const model = this.#text('vehicleModel', 80);
    const interest = this.#word('vehicleInterest', interestWords, 'interest');
    const condition = this.#word('vehicleCondition', conditionWords, 'condition');
    const year = this.#year('vehicleYear');
    const trim = this.#text('vehicleTrim', 80);
    const vin = this.#vin('vehicleVin');
    const stockNumber = this.#text('vehicleStock', 40);
    const registration = this.#text('vehicleRegistration', 20)?.toUpperCase();
    let price: Vehicle['price'];
    const priceAt = this.#first('vehiclePrice');
    if (priceAt >= 0) {
      const value = this.#values[priceAt]!;
      const r = parseFrenchNumber(value);
      if (!r.ok || r.value.value < 0)
        problems.push({ column: this.#headers[priceAt]!, problem: { code: 'price-invalid', value } });
      else {
        const currencyAt = this.#first('vehicleCurrency');
        const currency = (
          currencyAt >= 0 ? this.#values[currencyAt]!.toUpperCase() : (r.value.currency ?? 'EUR')
        ).replace('€', 'EUR');
        if (/^[A-Z]{3}$/.test(currency)) price = { amount: r.value.value, currency };
        else
          problems.push({
            column: this.#headers[currencyAt]!,
            problem: { code: 'currency-invalid', value: currency },
          });
      }
    }
    const anyDetail =
      interest !== undefined ||
      condition !== undefined ||
      year !== undefined ||
      trim !== undefined ||
      vin !== undefined ||
      stockNumber !== undefined ||
      registration !== undefined ||
      price !== undefined;
    if (!make && !model) {
      if (anyDetail)
        problems.push({
          column: this.#headerOf('vehicleMake'),
          problem: { code: 'vehicle-without-make-model' },
        });
      return undefined;
    }
    if (!make) {
      problems.push({ problem: { code: 'vehicle-make-missing', model: model! } });
      return undefined;
    }
    if (!model) {
      problems.push({ problem: { code: 'vehicle-model-missing', make } });
      return undefined;
    }
    const vehicle = { interest: interest ?? 'buy' } as Vehicle;
    if (condition !== undefined) vehicle.condition = condition;
    if (year !== undefined) vehicle.year = year;
    if (trim !== undefined) vehicle.trim = trim;
    if (vin !== undefined) vehicle.vin = vin;
    if (stockNumber !== undefined) vehicle.stockNumber = stockNumber;
    if (registration !== undefined) vehicle.registration = registration;
    vehicle.make = make;
    vehicle.model = model;
    if (price !== undefined) vehicle.price = price;
    return vehicle;
  }

  /** The first column of `field` with a value in this row, or -1. */
  #first(field: ImportField): number {
    const columns = this.#columns.get(field);
    if (columns === undefined) return -1;
    for (const i of columns) if (this.#values[i] !== '') return i;
    return -1;
  }

  #headerOf(field: ImportField): string | undefined {
    const at = this.#first(field);
    return at >= 0 ? this.#headers[at] : undefined;
  }

  #text(field: ImportField, max: number): string | undefined {
    const at = this.#first(field);
    if (at < 0) return undefined;
    const value = this.#values[at]!;
    if (value.length > max) {
      this.#problems.push({
        column: this.#headers[at]!,
        problem: { code: 'too-long', start: value.slice(0, 30), max },
      });
      return undefined;
    }
    return value;
  }

  #year(field: ImportField): number | undefined {
    const at = this.#first(field);
    if (at < 0) return undefined;
    const value = this.#values[at]!;
    const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (n >= 1900 && n <= 2100) return n;
    this.#problems.push({ column: this.#headers[at]!, problem: { code: 'year-invalid', value } });
    return undefined;
  }

  #date(field: ImportField): string | undefined {
    const at = this.#first(field);
    if (at < 0) return undefined;
    const r = parseFrenchDate(this.#values[at]!, this.#ctx.zone);
    if (r.ok) return r.value;
    this.#problems.push({ column: this.#headers[at]!, problem: r.problem });
    return undefined;
  }

  #vin(field: ImportField): string | undefined {
    const at = this.#first(field);
    if (at < 0) return undefined;
    const value = this.#values[at]!;
    const s = value.replace(/[\s-]/g, '').toUpperCase();
    if (VIN.test(s)) return s;
    this.#problems.push({ column: this.#headers[at]!, problem: { code: 'vin-invalid', value } });
    return undefined;
  }

  #word<T>(field: ImportField, table: Record<string, T>, what: WordField): T | undefined {
    const at = this.#first(field);
    if (at < 0) return undefined;
    const value = this.#values[at]!;
    const found = table[normalizeWord(value)];
    if (found === undefined)
      this.#problems.push({ column: this.#headers[at]!, problem: { code: 'not-one-of', field: what, value } });
    return found;
  }
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
