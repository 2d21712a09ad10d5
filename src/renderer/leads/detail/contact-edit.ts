/**
 * The lead page's contact form as pure functions: a lead's contact -> the values the form shows,
 * the values typed -> the contact to send with `leads.update` (or the problems to show), and
 * core's refusal -> the field to show it on.
 */
import type { Address, Contact, Phone, phoneTypes } from '../../../shared/domain/lead';
import type { AppError } from '../../../shared/result';
import {
  bareLeadPath,
  errorIssues,
  hasName,
  isEmail,
  issueError,
  postalCodeFits,
  readCountry,
  readPhone,
  type ContactProblem,
  type FormProblem,
} from '../create/contact-fields';
import { displayPhone } from '../format';

export type PhoneType = (typeof phoneTypes)[number];
export const MAX_PHONES = 20;

/** One number as the form holds it; `original` is the stored phone it started as (none for an added one). */
export interface PhoneRow {
  key: string;
  number: string;
  type: PhoneType;
  preferred: boolean;
  original?: Phone;
}

export const contactTextFields = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'street',
  'apartment',
  'postalCode',
  'city',
  'regionCode',
  'country',
  'preferredContactTime',
] as const;
export type ContactTextField = (typeof contactTextFields)[number];
const addressFields = ['street', 'apartment', 'postalCode', 'city', 'regionCode', 'country'] as const;

export type ContactFormValues = Record<ContactTextField, string> & { kind: Contact['kind']; phones: PhoneRow[] };

/** Where a problem shows: a text field, `kind`, the phone list as a whole, or one phone row (by key). */
export type ContactFormField = ContactTextField | 'kind' | 'phones';
export interface ContactProblems {
  fields: Partial<Record<ContactFormField, FormProblem>>;
  phones: Partial<Record<string, FormProblem>>;
}

const local = (problem: ContactProblem): FormProblem => ({ kind: 'local', problem });

export const noProblems = (problems: ContactProblems): boolean =>
  !Object.values(problems.fields).some(Boolean) && !Object.values(problems.phones).some(Boolean);

/** The contact as the form first shows it: numbers as the seller dials them (national for the home region). */
export function contactFormValues(contact: Contact, region: string): ContactFormValues {
  const address: Address = contact.address ?? {};
  const anyPreferred = contact.phones.some((p) => p.preferred);
  return {
    kind: contact.kind,
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    fullName: contact.fullName ?? '',
    email: contact.email ?? '',
    street: address.street ?? '',
    apartment: address.apartment ?? '',
    postalCode: address.postalCode ?? '',
    city: address.city ?? '',
    regionCode: address.regionCode ?? '',
    country: address.country ?? '',
    preferredContactTime: contact.preferredContactTime ?? '',
    phones: contact.phones.map((phone, i) => ({
      key: `p${i}`,
      number: displayPhone(phone.e164, region),
      type: phone.type,
      preferred: anyPreferred ? phone.preferred : i === 0,
      original: phone,
    })),
  };
}

/**
 * Whether the seller changed anything from the values the form opened with, as saving would see
 * it: spaces around a value and a number row left empty do not count.
 */
export function contactFormDirty(initial: ContactFormValues, values: ContactFormValues): boolean {
  const shape = (v: ContactFormValues) => ({
    kind: v.kind,
    text: contactTextFields.map((field) => v[field].trim()),
    phones: v.phones
      .filter((row) => row.number.trim() !== '')
      .map((row) => [row.number.trim(), row.type, row.preferred]),
  });
  return !same(shape(initial), shape(values));
}

/** A new, empty number row; the first number of a lead is its preferred one. */
export function addPhoneRow(rows: readonly PhoneRow[], key: string): PhoneRow[] {
  if (rows.length >= MAX_PHONES) return [...rows];
  return [...rows, { key, number: '', type: 'mobile', preferred: rows.length === 0 }];
}

/** Without the row; when it was the preferred number, the first one left becomes preferred. */
export function removePhoneRow(rows: readonly PhoneRow[], key: string): PhoneRow[] {
  const left = rows.filter((row) => row.key !== key);
  return left.some((row) => row.preferred) ? left : left.map((row, i) => ({ ...row, preferred: i === 0 }));
}

export const preferPhoneRow = (rows: readonly PhoneRow[], key: string): PhoneRow[] =>
  rows.map((row) => ({ ...row, preferred: row.key === key }));

export type ContactEdit =
  | {
      ok: true;
      /** The contact keys the seller changed (none: nothing to send). */
      changed: (keyof Contact)[];
      /** The typed contact: only its `changed` keys are applied (see `contactToSend`). */
      contact: Contact;
      /** The phone row behind each sent number, to put core's `contact.phones.N` errors on it. */
      phoneKeys: string[];
    }
  | { ok: false; problems: ContactProblems };

/** Deep equality whatever the key order (a stored lead's keys come in the order its source wrote them). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  return [...keys].every((k) => same(ao[k], bo[k]));
}
const optional = (text: string): string | undefined => text.trim() || undefined;

/**
 * The values typed, checked and turned into a contact compared with `base` (the contact the form
 * started from). A number left as shown keeps its stored spelling; an empty number row is ignored.
 */
export function readContactForm(base: Contact, values: ContactFormValues, region: string): ContactEdit {
  const problems: ContactProblems = { fields: {}, phones: {} };
  if (values.kind === 'business' && !hasName(values.fullName)) problems.fields.fullName = local('needCompany');
  else if (!hasName(values.firstName, values.lastName, values.fullName)) problems.fields.lastName = local('needName');
  const email = values.email.trim();
  if (email && !isEmail(email)) problems.fields.email = local('badEmail');
  const country = values.country.trim() ? readCountry(values.country) : null;
  if (country && !country.ok) problems.fields.country = local('badCountry');
  if (!postalCodeFits(values.postalCode, country?.ok ? country.country : undefined))
    problems.fields.postalCode = local('badPostalCode');

  const phones: Phone[] = [];
  const phoneKeys: string[] = [];
  const seen = new Set<string>();
  for (const row of values.phones) {
    const unchanged = row.original && row.number.trim() === displayPhone(row.original.e164, region);
    const read = unchanged
      ? { ok: true as const, e164: row.original!.e164, raw: row.original!.raw }
      : readPhone(row.number, region);
    if (read === null) continue;
    if (!read.ok) problems.phones[row.key] = local('badPhone');
    else if (seen.has(read.e164)) problems.phones[row.key] = local('duplicatePhone');
    else {
      seen.add(read.e164);
      phones.push({ e164: read.e164, raw: read.raw, type: row.type, preferred: row.preferred });
      phoneKeys.push(row.key);
    }
  }
  if (!noProblems(problems)) return { ok: false, problems };
  // The preferred row was left empty: the first number kept is preferred, as core would make it.
  if (phones.length > 0 && !phones.some((p) => p.preferred)) phones[0]!.preferred = true;

  const address: Address = { ...base.address };
  for (const field of addressFields) {
    const text = field === 'country' && country?.ok ? country.country : optional(values[field]);
    if (text === undefined) delete address[field];
    else address[field] = text;
  }
  const contact: Contact = dropUndefined({
    kind: values.kind,
    firstName: optional(values.firstName),
    lastName: optional(values.lastName),
    fullName: optional(values.fullName),
    phones,
    email: email || undefined,
    address: Object.keys(address).length > 0 ? address : undefined,
    preferredContactTime: optional(values.preferredContactTime),
  });
  const keys = new Set([...Object.keys(base), ...Object.keys(contact)] as (keyof Contact)[]);
  const changed = [...keys].filter((k) => !same(base[k], contact[k])).sort();
  return { ok: true, changed, contact, phoneKeys };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * What `leads.update` gets: the lead's contact as it is now (another window may have changed it
 * while the form was open) with only the keys the seller changed taken from the form; null when
 * the seller changed nothing, so nothing is sent and the timeline gets no empty "edited" entry.
 */
export function contactToSend(
  current: Contact,
  edit: { changed: readonly (keyof Contact)[]; contact: Contact },
): Contact | null {
  if (edit.changed.length === 0) return null;
  const next: Record<string, unknown> = { ...current };
  for (const key of edit.changed) next[key] = edit.contact[key];
  return dropUndefined(next) as Contact;
}

/** Core's `changes.contact.…` path -> where the form shows it; null for a path outside the contact. */
export function contactFieldForPath(
  path: string,
  phoneKeys: readonly string[],
): { field: ContactFormField } | { phone: string } | null {
  const bare = bareLeadPath(path);
  if (bare !== 'contact' && !bare.startsWith('contact.')) return null;
  const [, first, second] = bare.split('.');
  if (first === 'phones') {
    const key = second !== undefined && /^\d+$/.test(second) ? phoneKeys[Number(second)] : undefined;
    return key ? { phone: key } : { field: 'phones' };
  }
  if (first === 'address') {
    const field = addressFields.find((f) => f === second);
    return { field: field ?? 'street' };
  }
  if (first === 'kind') return { field: 'kind' };
  const field = contactTextFields.find((f) => f === first);
  return field ? { field } : null;
}

/** A refused `leads.update` as problems by field; `general` when no field of the form is to blame. */
export function contactServerProblems(
  error: AppError,
  phoneKeys: readonly string[],
): { problems: ContactProblems; general: boolean } {
  const problems: ContactProblems = { fields: {}, phones: {} };
  for (const issue of errorIssues(error)) {
    const where = contactFieldForPath(issue.field, phoneKeys);
    const problem: FormProblem = { kind: 'server', error: issueError(error, issue) };
    if (!where) continue;
    if ('phone' in where) problems.phones[where.phone] ??= problem;
    else problems.fields[where.field] ??= problem;
  }
  return { problems, general: noProblems(problems) };
}

/** The form's fields in screen order, to focus the first one with a problem. */
export function firstProblemId(problems: ContactProblems, values: ContactFormValues): string | null {
  const order: ContactFormField[] = ['firstName', 'lastName', 'fullName', 'kind'];
  for (const field of order) if (problems.fields[field]) return contactInputId(field);
  const row = values.phones.find((r) => problems.phones[r.key]);
  if (row) return phoneInputId(row.key);
  if (problems.fields.phones) return contactInputId('phones');
  for (const field of contactTextFields) if (problems.fields[field]) return contactInputId(field);
  return null;
}

export const contactInputId = (field: ContactFormField) => `contact-edit-${field}`;
export const phoneInputId = (key: string) => `contact-edit-phone-${key}`;
