import type { CallbackListFilter } from '../../shared/domain/callback-list';
import type { Stage } from '../../shared/domain/lead';
import type { LeadQuery } from '../../shared/domain/lead-query';
import { emptyQuery, paramsToQuery, toLeadQuery, type ListQuery } from '../leads/query-params';
import { fromDateTimeLocal } from '../leads/snooze';

/** The new-list form's filter: the lead list's filters plus "last contact before" (a local day). */
export interface ListFilterForm {
  query: ListQuery;
  /** `YYYY-MM-DD` from a date input, or ''. */
  lastContactBefore: string;
  /** With no stage ticked: take sold and lost leads too (off by default: a list is for selling). */
  includeClosed: boolean;
}

/** Stages a callback list leaves out unless the seller ticks them or asks for them. */
export const closedStages: readonly Stage[] = ['sold', 'lost'];

export const emptyFilterForm: ListFilterForm = {
  query: { ...emptyQuery },
  lastContactBefore: '',
  includeClosed: false,
};

/** The Leads page's current filter (its address, `q=…&stage=…`) as a starting point. */
export const filterFormFromLeadsSearch = (search: string): ListFilterForm => ({
  query: paramsToQuery(search),
  lastContactBefore: '',
  includeClosed: false,
});

export type FilterCheck = { ok: true; filter: CallbackListFilter } | { ok: false; field: 'lastContactBefore' };

/**
 * What `callbackLists.count` and `callbackLists.create` take. Empty filters are left out; the sort
 * is the list's own (callback due, priority, oldest contact), so the lead list's is dropped. The
 * day means "before that day starts" in the seller's zone. With no stage ticked, sold and lost leads
 * are left out unless asked for: calling back a customer who bought or said no is what a list of
 * prospects must not do by accident. Ticked stages say exactly which ones.
 */
export function toCallbackListFilter(form: ListFilterForm): FilterCheck {
  const { sort: _sort, direction: _direction, ...rest } = toLeadQuery(form.query);
  const query: LeadQuery = rest;
  const narrows = Object.keys(query).some((key) => key !== 'text') || (query.text ?? '') !== '';
  const filter: CallbackListFilter = narrows ? { query } : {};
  if (!form.includeClosed && form.query.stages.length === 0) filter.excludeStages = [...closedStages];
  if (form.lastContactBefore !== '') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(form.lastContactBefore)
      ? fromDateTimeLocal(`${form.lastContactBefore}T00:00`)
      : null;
    if (!day) return { ok: false, field: 'lastContactBefore' };
    filter.lastContactBefore = day.toISOString();
  }
  return { ok: true, filter };
}

/** Two forms with the same key select the same leads: one count request per key. */
export const filterKey = (filter: CallbackListFilter): string => JSON.stringify(filter);
