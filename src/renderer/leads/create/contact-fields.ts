/**
 * The checks a contact's fields get wherever a seller types them (the new-lead form, the lead
 * page's contact form), so both refuse the same values with the same words before core does.
 */
import { getCountries } from 'libphonenumber-js';
import { ContactSchema } from '../../../shared/domain/lead';
import type { AppError } from '../../../shared/result';
import { parsePhone } from '../../../shared/phone';

/** Each has its sentence under `leads.create.<problem>` in the catalogs. */
export type ContactProblem =
  'needName' | 'needCompany' | 'badPhone' | 'duplicatePhone' | 'badEmail' | 'badCountry' | 'badPostalCode';

/** Every problem the lead forms find themselves (the vehicle's two come from the new-lead form). */
export type LeadFormProblem = ContactProblem | 'needMake' | 'needModel';

/** A problem to show next to a field: one found here, or core's refusal (shown with ServerErrorMessage). */
export type FormProblem<Local extends LeadFormProblem = ContactProblem> =
  { kind: 'local'; problem: Local } | { kind: 'server'; error: AppError };

export const hasName = (...names: string[]): boolean => names.some((name) => name.trim() !== '');

/**
 * A typed number read with the dealership's region (`06 12 34 56 78` -> +33612345678): null when
 * the box is empty, `raw` as typed (trimmed) for display and audit.
 */
export function readPhone(
  text: string,
  region: string,
): { ok: true; e164: string; raw: string } | { ok: false } | null {
  const raw = text.trim();
  if (raw === '') return null;
  const parsed = parsePhone(raw, region);
  return parsed.ok ? { ok: true, e164: parsed.e164, raw: raw.slice(0, 64) } : { ok: false };
}

/** The lead schema's own e-mail rule, so the form never accepts what core refuses. */
export const isEmail = (email: string): boolean => ContactSchema.shape.email.safeParse(email.trim()).success;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

/** Real countries and territories (the ones phone numbers exist for): `XX` is not one. */
let countryNames: Map<string, string> | undefined;
function countryCodeByName(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const names = ['fr', 'en'].map((lang) => new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
  for (const code of getCountries()) {
    countryNames.set(fold(code), code);
    for (const name of names) {
      const text = name.of(code);
      if (text) countryNames.set(fold(text), code);
    }
  }
  return countryNames;
}

/**
 * An address's country as its ISO two-letter code: `fr`, `FR`, `France` or `Belgique` -> the
 * code; undefined-like `{ ok: false }` for anything else (`XX`, `Fr4nce`).
 */
export const readCountry = (text: string): { ok: true; country: string } | { ok: false } => {
  const country = countryCodeByName().get(fold(text));
  return country ? { ok: true, country } : { ok: false };
};

/** A French postal code is five digits (`75011`); other countries' formats are left to the seller. */
export const postalCodeFits = (postalCode: string, country: string | undefined): boolean =>
  country !== 'FR' || postalCode.trim() === '' || /^\d{5}$/.test(postalCode.trim());

/** `draft.contact.email` / `changes.contact.email` -> `contact.email`: core names fields under the request's own key. */
export const bareLeadPath = (path: string): string => path.replace(/^(draft|changes)\./, '');

/** Core's issues, one per path it named (a contract error lists each; a service error names one field). */
export function errorIssues(error: AppError): { field: string; message: string }[] {
  if (error.issues?.length) return error.issues;
  return error.field ? [{ field: error.field, message: error.message }] : [];
}

/** One issue of a failed request as its own error, so ServerErrorMessage words that field's problem. */
export const issueError = (error: AppError, issue: { field: string; message: string }): AppError => ({
  code: error.code,
  field: issue.field,
  message: issue.message,
});
