import type { LeadDraft } from '../../../shared/domain/lead';
import type { AppError } from '../../../shared/result';
import { bareLeadPath, errorIssues, hasName, isEmail, readPhone } from './contact-fields';

export const newLeadFields = ['firstName', 'lastName', 'phone', 'email', 'make', 'model'] as const;
export type NewLeadField = (typeof newLeadFields)[number];
export type NewLeadValues = Record<NewLeadField, string>;

export type LocalProblem = 'needName' | 'badPhone' | 'badEmail' | 'needMake' | 'needModel';

/** Something typed that a reload would lose (spaces alone are nothing). */
export const newLeadDirty = (values: NewLeadValues): boolean => newLeadFields.some((f) => values[f].trim() !== '');

/** Checks what the form can check itself and builds the draft; the server checks the rest. */
export function buildDraft(
  values: NewLeadValues,
  region: string,
): { ok: true; draft: LeadDraft } | { ok: false; problems: Partial<Record<NewLeadField, LocalProblem>> } {
  const v = Object.fromEntries(newLeadFields.map((f) => [f, values[f].trim()])) as NewLeadValues;
  const problems: Partial<Record<NewLeadField, LocalProblem>> = {};
  if (!hasName(v.firstName, v.lastName)) problems.lastName = 'needName';
  const phone = readPhone(v.phone, region);
  if (phone && !phone.ok) problems.phone = 'badPhone';
  if (v.email && !isEmail(v.email)) problems.email = 'badEmail';
  if (v.make && !v.model) problems.model = 'needModel';
  if (v.model && !v.make) problems.make = 'needMake';
  if (Object.keys(problems).length > 0 || (phone && !phone.ok)) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      contact: {
        kind: 'individual',
        ...(v.firstName && { firstName: v.firstName }),
        ...(v.lastName && { lastName: v.lastName }),
        phones: phone?.ok ? [{ e164: phone.e164, raw: phone.raw, type: 'mobile', preferred: true }] : [],
        ...(v.email && { email: v.email }),
      },
      vehicles: v.make ? [{ interest: 'buy', make: v.make, model: v.model }] : [],
      stage: 'new',
      tags: [],
      consents: [],
    },
  };
}

const serverPaths: [string, NewLeadField][] = [
  ['contact.firstName', 'firstName'],
  ['contact.lastName', 'lastName'],
  ['contact.fullName', 'lastName'],
  ['contact.phones', 'phone'],
  ['contact.email', 'email'],
  ['vehicles.0.make', 'make'],
  ['vehicles.0.model', 'model'],
  ['vehicles', 'make'],
];

/** `draft.contact.email` (or without the `draft.` prefix) -> the form field to show the error on. */
export function fieldForServerPath(path: string): NewLeadField | null {
  const bare = bareLeadPath(path);
  return serverPaths.find(([prefix]) => bare === prefix || bare.startsWith(`${prefix}.`))?.[1] ?? null;
}

/** Core's issues by form field, each with the path core named (`draft.contact.email`) and its words. */
export function serverIssues(error: AppError): {
  fields: Partial<Record<NewLeadField, { path: string; message: string }>>;
  general: boolean;
} {
  const issues = errorIssues(error);
  const fields: Partial<Record<NewLeadField, { path: string; message: string }>> = {};
  for (const issue of issues) {
    const field = fieldForServerPath(issue.field);
    if (field && !fields[field]) fields[field] = { path: issue.field, message: issue.message };
  }
  return { fields, general: Object.keys(fields).length === 0 };
}
