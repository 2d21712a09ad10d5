import { stages, type Stage } from '../../../shared/domain/lead';
import {
  DispositionSchema,
  RetryRuleSchema,
  sameLabelKey,
  sipDispositionIds,
  type Disposition,
} from '../../../shared/domain/disposition';
import type { AppError } from '../../../shared/result';
import type { Translate } from '../../dialer/translate';
import { splitServerError, type ServerFieldError } from '../field-errors';

/**
 * Settings > Call outcomes, without React: the dealership's disposition set as form values and
 * back, the id a new disposition gets, the checks made before sending, where a server error
 * belongs, and the one-line summary of each disposition's rules.
 */

export type DelayUnit = 'minutes' | 'hours';

/** One disposition as the form holds it: text as typed, switches for the optional rules. */
export interface DispositionForm {
  /** Stable React key and element-id part: the id of a saved disposition, `new-N` for an added one. */
  key: string;
  /** The saved id; null until a new disposition is saved (its id comes from the French label then). */
  id: string | null;
  labelFr: string;
  labelEn: string;
  retryOn: boolean;
  retryDelay: string;
  retryUnit: DelayUnit;
  retryMaxAttempts: string;
  stageOn: boolean;
  stageTo: Stage;
  stageOnlyFrom: Stage[];
  contact: boolean;
  appointment: boolean;
  doNotCall: boolean;
  requiresCallback: boolean;
}

/** The form's fields that a problem can point at. */
export const dispositionFields = [
  'labelFr',
  'labelEn',
  /** The retry switch. */
  'retry',
  'retryDelay',
  'retryMaxAttempts',
  'stageTo',
  'stageOnlyFrom',
] as const;
export type DispositionField = (typeof dispositionFields)[number];

const sip = new Set<string>(sipDispositionIds);
/** Set by the app from the line's final status: a set must keep them. */
export const isSipDisposition = (id: string | null): boolean => id !== null && sip.has(id);

const bound = (schema: { minValue: number | null; maxValue: number | null }) => ({
  min: schema.minValue ?? 1,
  max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
});
/** The limits come from the shared schema, so the form and core never disagree. */
export const limits = {
  afterMinutes: bound(RetryRuleSchema.shape.afterMinutes),
  maxAttempts: bound(RetryRuleSchema.shape.maxAttempts),
  label: DispositionSchema.shape.labels.shape.fr.maxLength ?? 60,
  idLength: 40,
  setSize: 50,
} as const;

/** What a new disposition's switches hold before the manager turns them on. */
const offDefaults = { retryDelay: '2', retryUnit: 'hours', retryMaxAttempts: '3', stageTo: 'contacted' } as const;

/** A whole number of hours reads better than minutes ("2 h" rather than "120 min"). */
export function delayParts(afterMinutes: number): { value: number; unit: DelayUnit } {
  return afterMinutes % 60 === 0
    ? { value: afterMinutes / 60, unit: 'hours' }
    : { value: afterMinutes, unit: 'minutes' };
}

export function toForm(d: Disposition): DispositionForm {
  const delay = d.retry ? delayParts(d.retry.afterMinutes) : null;
  return {
    key: d.id,
    id: d.id,
    labelFr: d.labels.fr,
    labelEn: d.labels.en,
    retryOn: d.retry !== null,
    retryDelay: delay ? String(delay.value) : offDefaults.retryDelay,
    retryUnit: delay ? delay.unit : offDefaults.retryUnit,
    retryMaxAttempts: d.retry ? String(d.retry.maxAttempts) : offDefaults.retryMaxAttempts,
    stageOn: d.stage !== null,
    stageTo: d.stage?.to ?? offDefaults.stageTo,
    stageOnlyFrom: [...(d.stage?.onlyFrom ?? [])],
    contact: d.contact,
    appointment: d.appointment,
    doNotCall: d.doNotCall,
    requiresCallback: d.requiresCallback,
  };
}

export const toForms = (set: readonly Disposition[]): DispositionForm[] => set.map(toForm);

/** An added disposition: empty labels, no rules. `n` keeps its key unique among the added ones. */
export function newForm(n: number): DispositionForm {
  return {
    key: `new-${n}`,
    id: null,
    labelFr: '',
    labelEn: '',
    retryOn: false,
    retryDelay: offDefaults.retryDelay,
    retryUnit: offDefaults.retryUnit,
    retryMaxAttempts: offDefaults.retryMaxAttempts,
    stageOn: false,
    stageTo: offDefaults.stageTo,
    stageOnlyFrom: [],
    contact: false,
    appointment: false,
    doNotCall: false,
    requiresCallback: false,
  };
}

/**
 * The id a new disposition gets from its French label: lowercase, accents dropped, anything else
 * a dash, starting with a letter, at most 40 characters, and not one of `taken` (a `-2`, `-3`…
 * is added). "Rappel demandé (client)" -> `rappel-demande-client`.
 */
export function dispositionIdFromLabel(label: string, taken: ReadonlySet<string>): string {
  const slug = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = /^[a-z]/.test(slug) ? slug : slug ? `issue-${slug}` : 'issue';
  const clip = (text: string, room: number) => text.slice(0, room).replace(/-+$/, '');
  const first = clip(base, limits.idLength);
  if (!taken.has(first)) return first;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${clip(base, limits.idLength - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A problem found before sending, by what its message needs. */
export type LocalProblem =
  | { problem: 'label-required' }
  | { problem: 'label-too-long'; max: number }
  | { problem: 'not-a-whole-number' }
  | { problem: 'delay-range'; unit: DelayUnit; min: number; max: number }
  | { problem: 'attempts-range'; min: number; max: number }
  | { problem: 'label-taken' }
  | { problem: 'retry-with-do-not-call' };

export interface FormProblem {
  key: string;
  field: DispositionField;
  detail: LocalProblem;
}

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

function checkLabel(text: string): LocalProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'label-required' };
  if (trimmed.length > limits.label) return { problem: 'label-too-long', max: limits.label };
  return null;
}

/** The delay's bounds in the unit typed: 1–86 400 min or 1–1 440 h. */
export function delayLimits(unit: DelayUnit): { min: number; max: number } {
  const { min, max } = limits.afterMinutes;
  return unit === 'hours' ? { min: Math.ceil(min / 60), max: Math.floor(max / 60) } : { min, max };
}

/**
 * One form read as a disposition, with what is wrong with it. A retry with an unreadable number
 * is left out of `disposition` (null), so the row's summary still says what can be read.
 */
export function readForm(form: DispositionForm, id: string): { disposition: Disposition; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const add = (field: DispositionField, detail: LocalProblem | null) => {
    if (detail) problems.push({ key: form.key, field, detail });
  };
  add('labelFr', checkLabel(form.labelFr));
  add('labelEn', checkLabel(form.labelEn));
  let retry: Disposition['retry'] = null;
  if (form.retryOn) {
    const delay = wholeNumber(form.retryDelay);
    const range = delayLimits(form.retryUnit);
    const attempts = wholeNumber(form.retryMaxAttempts);
    if (delay === null) add('retryDelay', { problem: 'not-a-whole-number' });
    else if (delay < range.min || delay > range.max)
      add('retryDelay', { problem: 'delay-range', unit: form.retryUnit, ...range });
    if (attempts === null) add('retryMaxAttempts', { problem: 'not-a-whole-number' });
    else if (attempts < limits.maxAttempts.min || attempts > limits.maxAttempts.max)
      add('retryMaxAttempts', { problem: 'attempts-range', ...limits.maxAttempts });
    if (delay !== null && attempts !== null)
      retry = { afterMinutes: form.retryUnit === 'hours' ? delay * 60 : delay, maxAttempts: attempts };
    // Do-not-call means the number is never called again: the retry could never run (core says the same).
    if (form.doNotCall) add('retry', { problem: 'retry-with-do-not-call' });
  }
  // Kept in the stages' own order, whatever order they were ticked in.
  const onlyFrom = stages.filter((s) => form.stageOnlyFrom.includes(s));
  const disposition: Disposition = {
    id,
    labels: { fr: form.labelFr.trim(), en: form.labelEn.trim() },
    retry,
    stage: form.stageOn ? { to: form.stageTo, ...(onlyFrom.length > 0 && { onlyFrom }) } : null,
    contact: form.contact,
    appointment: form.appointment,
    doNotCall: form.doNotCall,
    requiresCallback: form.requiresCallback,
  };
  return { disposition, problems };
}

export type BuildResult = { ok: true; set: Disposition[] } | { ok: false; problems: FormProblem[] };

/**
 * The set to send, in the list's order, or every problem found. New dispositions get their id
 * from the French label, never one in use or in `savedIds`: a removed disposition's id still
 * names its past calls, so a new one must not inherit them.
 */
export function buildSet(forms: readonly DispositionForm[], savedIds: Iterable<string> = []): BuildResult {
  const taken = new Set<string>(savedIds);
  for (const form of forms) if (form.id) taken.add(form.id);
  const problems: FormProblem[] = [];
  const set: Disposition[] = [];
  for (const form of forms) {
    let id = form.id;
    if (id === null) {
      id = dispositionIdFromLabel(form.labelFr.trim(), taken);
      taken.add(id);
    }
    const read = readForm(form, id);
    problems.push(...read.problems);
    set.push(read.disposition);
  }
  // The same label twice: the later one is the one to change (the schema says the same).
  const fields = { fr: 'labelFr', en: 'labelEn' } as const;
  for (const lang of ['fr', 'en'] as const) {
    const seen = new Set<string>();
    set.forEach((d, i) => {
      const label = sameLabelKey(d.labels[lang]);
      if (label !== '' && seen.has(label))
        problems.push({ key: forms[i]!.key, field: fields[lang], detail: { problem: 'label-taken' } });
      seen.add(label);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, set };
}

/** True when `set` is what is saved already (same dispositions, rules and order). */
export function sameSet(a: readonly Disposition[], b: readonly Disposition[]): boolean {
  return JSON.stringify(a.map(canonical)) === JSON.stringify(b.map(canonical));
}
const canonical = (d: Disposition) => ({
  id: d.id,
  labels: { fr: d.labels.fr, en: d.labels.en },
  retry: d.retry && { afterMinutes: d.retry.afterMinutes, maxAttempts: d.retry.maxAttempts },
  stage: d.stage && { to: d.stage.to, onlyFrom: d.stage.onlyFrom ?? [] },
  contact: d.contact,
  appointment: d.appointment,
  doNotCall: d.doNotCall,
  requiresCallback: d.requiresCallback,
});

/** A form as far as saving goes: labels trimmed, a delay in minutes, switched-off rules' values left out. */
function unsavedView(form: DispositionForm) {
  const delay = wholeNumber(form.retryDelay);
  const minutes = delay === null ? form.retryDelay.trim() : form.retryUnit === 'hours' ? delay * 60 : delay;
  return {
    id: form.id,
    labels: [form.labelFr.trim(), form.labelEn.trim()],
    retry: form.retryOn ? [minutes, form.retryMaxAttempts.trim()] : null,
    stage: form.stageOn ? [form.stageTo, stages.filter((s) => form.stageOnlyFrom.includes(s))] : null,
    flags: [form.contact, form.appointment, form.doNotCall, form.requiresCallback],
  };
}

/**
 * True when the forms hold something `saved` does not: leaving then asks first. A switch turned
 * on and off again, a label's spaces or "2 h" typed as "120 min" change nothing to save.
 */
export function hasUnsavedChanges(forms: readonly DispositionForm[], saved: readonly Disposition[]): boolean {
  return JSON.stringify(forms.map(unsavedView)) !== JSON.stringify(toForms(saved).map(unsavedView));
}

/** `list` with the item at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Where a schema path inside one disposition shows on its form. */
const pathFields: [string, DispositionField][] = [
  ['labels.fr', 'labelFr'],
  ['labels.en', 'labelEn'],
  ['retry.afterMinutes', 'retryDelay'],
  ['retry.maxAttempts', 'retryMaxAttempts'],
  ['retry', 'retry'],
  ['stage.to', 'stageTo'],
  ['stage.onlyFrom', 'stageOnlyFrom'],
  ['stage', 'stageTo'],
  // A new disposition's id is made from its French label: a refused id is the label's to fix.
  ['id', 'labelFr'],
];

export interface ServerProblem {
  key: string;
  field: DispositionField;
  error: ServerFieldError;
}

/**
 * A refused `dispositions.update`, split like the other settings forms do: errors whose path
 * (`set.3.labels.fr`) names a field of the sent set's fourth disposition go next to that field
 * of that form; anything else (a SIP disposition missing, a set too long) is the form's.
 */
export function splitSetError(
  error: AppError,
  forms: readonly Pick<DispositionForm, 'key'>[],
): { fields: ServerProblem[]; general: AppError | null } {
  const known = forms.flatMap((_, i) => pathFields.map(([path]) => `set.${i}.${path}`));
  const { fields, general } = splitServerError(error, known);
  const problems: ServerProblem[] = [];
  for (const [path, fieldError] of Object.entries(fields)) {
    const match = /^set\.(\d+)\.(.+)$/.exec(path);
    const form = match ? forms[Number(match[1])] : undefined;
    const field = match ? pathFields.find(([p]) => p === match[2])?.[1] : undefined;
    if (!form || !field) continue;
    if (!problems.some((p) => p.key === form.key && p.field === field))
      problems.push({ key: form.key, field, error: fieldError });
  }
  return { fields: problems, general: problems.length > 0 ? general : error };
}

/** The sentence for a local problem, in the UI's language (bounds written its way: 86 400). */
export function localProblemText(detail: LocalProblem, t: Translate, language: string): string {
  const number = new Intl.NumberFormat(language);
  switch (detail.problem) {
    case 'label-required':
      return t('settings.dispositions.problems.labelRequired');
    case 'label-too-long':
      return t('settings.dispositions.problems.labelTooLong', { max: detail.max });
    case 'not-a-whole-number':
      return t('settings.dispositions.problems.wholeNumber');
    case 'delay-range':
      return t(`settings.dispositions.problems.delayRange.${detail.unit}`, {
        min: number.format(detail.min),
        max: number.format(detail.max),
      });
    case 'attempts-range':
      return t('settings.dispositions.problems.attemptsRange', { min: detail.min, max: detail.max });
    case 'label-taken':
      return t('settings.dispositions.problems.labelTaken');
    case 'retry-with-do-not-call':
      return t('settings.dispositions.problems.retryWithDoNotCall');
  }
}

/** "2 h" or "90 min". */
export function delayText(afterMinutes: number, t: Translate): string {
  const { value, unit } = delayParts(afterMinutes);
  return t(`settings.dispositions.summary.${unit}`, { count: value });
}

/**
 * The disposition's rules in a few words, for its row in the list: "nouvel essai automatique
 * dans 2 h, jusqu'à 3 appels" (the dialer's retry, not a seller's callback), "fait passer le prospect à « Contacté » s'il est à « Nouveau »", and the flags.
 */
export function dispositionSummary(d: Disposition, t: Translate, language: string): string[] {
  const parts: string[] = [];
  const stage = (s: Stage) => t('settings.dispositions.summary.stageName', { stage: t(`leads.stages.${s}`) });
  if (d.retry)
    parts.push(
      t('settings.dispositions.summary.retry', {
        delay: delayText(d.retry.afterMinutes, t),
        count: d.retry.maxAttempts,
      }),
    );
  if (d.stage) {
    const from = d.stage.onlyFrom ?? [];
    parts.push(
      from.length > 0
        ? t('settings.dispositions.summary.stageFrom', {
            to: stage(d.stage.to),
            from: new Intl.ListFormat(language, { type: 'disjunction' }).format(from.map(stage)),
          })
        : t('settings.dispositions.summary.stage', { to: stage(d.stage.to) }),
    );
  }
  if (d.contact) parts.push(t('settings.dispositions.summary.contact'));
  if (d.appointment) parts.push(t('settings.dispositions.summary.appointment'));
  if (d.requiresCallback) parts.push(t('settings.dispositions.summary.requiresCallback'));
  if (d.doNotCall) parts.push(t('settings.dispositions.summary.doNotCall'));
  // "No automatic retry" would contradict a callback the seller sets, and says nothing more
  // than "never called again".
  if (!d.retry && !d.requiresCallback && !d.doNotCall) parts.push(t('settings.dispositions.summary.noRetry'));
  return parts;
}

/** The disposition's label in the UI's language. */
export const labelIn = (d: Pick<Disposition, 'labels'>, language: string): string =>
  language.toLowerCase().startsWith('en') ? d.labels.en : d.labels.fr;
