import type { TimelineEntry } from '../../../shared/domain/lead';

/** The i18next `t` as the pure helpers take it (their keys depend on data). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * A history line: `label` is for screen readers only (a note's text stands alone on screen),
 * `detail` is shown in parentheses. Labels carry their own punctuation in the catalogs, so French
 * gets its space before the colon and English none.
 */
export interface TimelineText {
  label?: string;
  text: string;
  detail?: string;
}

export interface TimelineTextContext {
  t: Translate;
  /** A date and time in the UI language. */
  when: (iso: string) => string;
  /** A phone number as the UI shows it. */
  phone: (e164: string) => string;
}

export function timelineText(entry: TimelineEntry, { t, when, phone }: TimelineTextContext): TimelineText {
  switch (entry.kind) {
    case 'created':
      return { text: t(`leads.timeline.created.${entry.via}`) };
    case 'note':
      return { label: t('leads.timeline.noteLabel'), text: entry.text };
    case 'stage':
      return {
        text: t('leads.timeline.stage', { from: t(`leads.stages.${entry.from}`), to: t(`leads.stages.${entry.to}`) }),
      };
    case 'callback-set':
      return { text: t('leads.timeline.callbackSet', { when: when(entry.dueAt) }) };
    case 'callback-done':
      return { text: t('leads.timeline.callbackDone') };
    case 'callback-snoozed':
      return { text: t('leads.timeline.callbackSnoozed', { when: when(entry.dueAt) }) };
    case 'consent-given':
      return { text: t('leads.timeline.consentGiven', { number: phone(entry.number) }) };
    case 'consent-revoked':
      return { text: t('leads.timeline.consentRevoked', { number: phone(entry.number) }) };
    case 'merged':
      return { text: t('leads.timeline.merged') };
    case 'imported':
      return withDetail(t('leads.timeline.imported', { file: entry.file }), fieldNames(entry.changes, t));
    case 'edited':
      return withDetail(t('leads.timeline.edited'), fieldNames(entry.fields, t));
  }
}

/**
 * Core logs the fields it changed by path (`contact.email`, `contact.address.city`, `tags`):
 * the seller reads them in words; a path the catalogs do not know yet stays as it is.
 */
export const fieldNames = (paths: readonly string[], t: Translate): string[] =>
  paths.map((path) => t(`leads.timeline.fields.${path.replace(/\./g, '_')}`, { defaultValue: path }));

const withDetail = (text: string, items: readonly string[]): TimelineText =>
  items.length > 0 ? { text, detail: items.join(', ') } : { text };
