import { notTextFileMessage } from '../../shared/domain/import-report';
import { unknownRegionMessage } from '../../shared/domain/settings';
import type { AppError, ErrorCode } from '../../shared/result';
import type fr from '../i18n/fr.json';

export interface ServerFieldError {
  code: ErrorCode;
  /** The path core named (`ice.servers.0.urls`), which says more than the form field. */
  path: string;
  /** The server's own wording (English, for support), read by `fieldErrorKind`. */
  detail: string;
}

/** The known field that a dotted error path points into: `ice.servers.0.urls` -> `ice.servers`. */
export function matchField(path: string, known: readonly string[]): string | null {
  return known.find((field) => path === field || path.startsWith(`${field}.`)) ?? null;
}

/** `sip.server: must be a ws:// URL` -> `must be a ws:// URL`. */
const stripFieldPrefix = (message: string, path: string) =>
  message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;

/**
 * Splits a failed request into errors to show next to fields and, when no field is to blame,
 * the error to show for the whole form.
 */
export function splitServerError(
  error: AppError,
  known: readonly string[],
): { fields: Record<string, ServerFieldError>; general: AppError | null } {
  const fields: Record<string, ServerFieldError> = {};
  const issues = error.issues?.length
    ? error.issues
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  for (const issue of issues) {
    const field = matchField(issue.field, known);
    if (field && !fields[field])
      fields[field] = { code: error.code, path: issue.field, detail: stripFieldPrefix(issue.message, issue.field) };
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : error };
}

/** A refused value in the UI's words: a key under `fieldErrors` and the limits it names. */
export interface FieldErrorKind {
  key: FieldErrorKey;
  values?: { min?: number; max?: number };
}
export type FieldErrorKey = keyof (typeof fr)['fieldErrors'];

/**
 * zod's default wording, read back into a kind. zod 4 words a size issue as
 * "Too big: expected string to have <=100 characters"; a strict `>` bound is left to the generic text.
 */
function issueKind(message: string): FieldErrorKind | null {
  const size = /^Too (big|small): expected (string|number|array) to (?:have|be) (<=|>=)(\d+)/.exec(message);
  if (size) {
    const [, direction, type, , bound] = size;
    const limit = Number(bound);
    if (direction === 'big')
      return { key: type === 'string' ? 'tooLong' : type === 'array' ? 'tooMany' : 'tooBig', values: { max: limit } };
    if (type === 'number') return { key: 'tooSmall', values: { min: limit } };
    if (limit <= 1) return { key: 'required' };
    return type === 'string' ? { key: 'tooShort', values: { min: limit } } : null;
  }
  if (/^Invalid input: expected int\b/.test(message)) return { key: 'wholeNumber' };
  if (/^Invalid option\b/.test(message)) return { key: 'notAnOption' };
  return null;
}

interface FieldRule {
  path: RegExp;
  /** Only for this message (a service's own refusal); without it, any format error of the field. */
  message?: RegExp | string;
  key: FieldErrorKey;
}

/** Refusals that name their cause: checked before the size kinds. */
const causeRules: FieldRule[] = [
  { path: /^contentBase64$/, message: notTextFileMessage, key: 'notTextFile' },
  { path: /^contentBase64$/, message: /^Too big\b/, key: 'fileTooBig' },
  { path: /^consent\.givenAt$/, message: /\bfuture\b/, key: 'consentInFuture' },
  { path: /^consent\.number$/, message: /\bnumbers\b/, key: 'consentNumber' },
  { path: /^defaultRegion$/, message: unknownRegionMessage, key: 'unknownRegion' },
];

/** Format errors by field: each wording here is a schema's custom English message (or zod's email/date text). */
const formatRules: FieldRule[] = [
  { path: /^sip\.server$/, key: 'wsUrl' }, // must be a ws:// or wss:// URL
  { path: /^sip\.uri$/, key: 'sipUri' }, // must be a SIP URI like sip:user@host
  { path: /^sip\.outboundProxy$/, key: 'sipProxy' }, // must be a SIP URI
  { path: /^updates\.url$/, key: 'httpUrl' }, // must be an http(s) URL
  { path: /^dealershipZone$/, key: 'timeZone' }, // must be an IANA time zone such as Europe/Paris
  { path: /^defaultRegion$/, key: 'region' }, // must be a two-letter country code
  { path: /^contact\.email$/, key: 'email' }, // Invalid email address
  { path: /^contact\.phones(\.\d+(\.e164)?)?$/, key: 'phone' }, // must be an E.164 number
  { path: /^consent\.number$/, key: 'phone' },
  { path: /^consent\.givenAt$/, key: 'date' }, // Invalid ISO datetime
];

const matches = (rule: FieldRule, path: string, message: string) =>
  rule.path.test(path) &&
  (rule.message === undefined ||
    (typeof rule.message === 'string' ? message === rule.message : rule.message.test(message)));

/**
 * What was wrong with one field, from core's dotted path and English message (zod's or a
 * service's): a translatable kind, or null when only the generic "invalid value" fits.
 */
export function fieldErrorKind(path: string, message: string): FieldErrorKind | null {
  // A lead's fields arrive under the request's own name (`draft.`, `changes.`) or bare from the service.
  const bare = path.replace(/^(draft|changes)\./, '');
  const words = stripFieldPrefix(message, path);
  const cause = causeRules.find((rule) => matches(rule, bare, words));
  if (cause) return { key: cause.key };
  const kind = issueKind(words);
  if (kind) return kind;
  const format = formatRules.find((rule) => matches(rule, bare, words));
  return format ? { key: format.key } : null;
}

export interface ServerErrorText {
  key: `fieldErrors.${FieldErrorKey}` | `errors.${ErrorCode}`;
  values: { min?: number; max?: number };
  /** Core's English words: for support (a tooltip), on screen only when the UI speaks English. */
  detail: string;
  showDetail: boolean;
}

/**
 * A failed request as the screen says it. An invalid field gets its own sentence; anything else
 * the translated error code, followed by core's English detail only in the English UI.
 */
export function serverErrorText(
  error: Pick<AppError, 'code' | 'field' | 'message' | 'issues'>,
  language: string,
): ServerErrorText {
  const { field } = error;
  // A contract error's message lists every issue; the field's own issue says what is wrong with it.
  const message = error.issues?.find((issue) => issue.field === field)?.message ?? error.message;
  const detail = field ? stripFieldPrefix(message, field) : message;
  const kind = error.code === 'invalid-request' && field ? fieldErrorKind(field, detail) : null;
  if (kind) return { key: `fieldErrors.${kind.key}`, values: kind.values ?? {}, detail, showDetail: false };
  return { key: `errors.${error.code}`, values: {}, detail, showDetail: language.startsWith('en') };
}
