import type { CallsQuery } from '../../shared/domain/dialer';

/** What the Calls screen's filter controls hold; dates are the seller's local days, both included. */
export interface CallsFilter {
  /** YYYY-MM-DD or '' */
  from: string;
  to: string;
  direction: '' | 'outbound' | 'inbound';
  /** '' any, `none` calls with no disposition yet, else a disposition id. */
  disposition: string;
  leadId: string;
}

export const UNDISPOSED = 'none';
export const CALLS_PAGE_SIZE = 50;
export const emptyCallsFilter: CallsFilter = { from: '', to: '', direction: '', disposition: '', leadId: '' };

const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Local midnight of a YYYY-MM-DD day (`offset` days later), as an ISO instant. */
export function localDayStart(day: string, offsetDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offsetDays).toISOString();
}

export type FilterProblem = 'from-after-to';

export function filterProblem(filter: CallsFilter): FilterProblem | undefined {
  if (DAY_RE.test(filter.from) && DAY_RE.test(filter.to) && filter.from > filter.to) return 'from-after-to';
  return undefined;
}

/** The `calls.list` query of a filter and a page (the end day is included: up to the next midnight). */
export function toCallsQuery(filter: CallsFilter, page = 0, pageSize = CALLS_PAGE_SIZE): CallsQuery {
  const query: CallsQuery = { offset: page * pageSize, limit: pageSize };
  if (DAY_RE.test(filter.from)) query.from = localDayStart(filter.from);
  if (DAY_RE.test(filter.to)) query.to = localDayStart(filter.to, 1);
  if (filter.direction) query.direction = filter.direction;
  if (filter.disposition === UNDISPOSED) query.undisposed = true;
  else if (filter.disposition) query.dispositions = [filter.disposition];
  if (filter.leadId) query.leadId = filter.leadId;
  return query;
}

const keys = { from: 'from', to: 'to', direction: 'dir', disposition: 'disp', leadId: 'lead' } as const;

/** `#/calls?from=2026-03-01&dir=outbound`: a filtered list can be bookmarked and linked from a lead. */
export function filterToParams(filter: CallsFilter): string {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(keys) as [keyof CallsFilter, string][])
    if (filter[field]) params.set(key, filter[field]);
  return params.toString();
}

export function paramsToFilter(search: string): CallsFilter {
  const params = new URLSearchParams(search);
  const direction = params.get(keys.direction);
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY_RE.test(value) ? value : '';
  };
  return {
    from: day(keys.from),
    to: day(keys.to),
    direction: direction === 'outbound' || direction === 'inbound' ? direction : '',
    disposition: /^[a-z][a-z0-9-]{0,39}$/.test(params.get(keys.disposition) ?? '') ? params.get(keys.disposition)! : '',
    leadId: (params.get(keys.leadId) ?? '').slice(0, 64),
  };
}

export const callsHref = (filter: CallsFilter = emptyCallsFilter): string => {
  const params = filterToParams(filter);
  return params ? `#/calls?${params}` : '#/calls';
};

/** The part of `#/calls?…` after the `?`. */
export const callsSearchOf = (hash: string): string => {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
};

export const hasCallsFilters = (filter: CallsFilter): boolean => Object.values(filter).some((value) => value !== '');
