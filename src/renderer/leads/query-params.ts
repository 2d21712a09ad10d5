import { stages, type Stage } from '../../shared/domain/lead';
import type { LeadQuery } from '../../shared/domain/lead-query';

/** The list's query as the UI holds it: every field present, single-valued filters as arrays. */
export interface ListQuery {
  text: string;
  stages: Stage[];
  owners: string[];
  sources: string[];
  tags: string[];
  callbackDue: NonNullable<LeadQuery['callbackDue']> | null;
  consent: NonNullable<LeadQuery['consent']> | null;
  sort: NonNullable<LeadQuery['sort']>;
  direction: NonNullable<LeadQuery['direction']>;
}

export const sorts = ['name', 'lastContact', 'nextCallback', 'created'] as const;
export const callbackDues = ['overdue', 'today', 'week'] as const;
export const consentStates = ['given', 'none', 'revoked'] as const;

export const emptyQuery: ListQuery = {
  text: '',
  stages: [],
  owners: [],
  sources: [],
  tags: [],
  callbackDue: null,
  consent: null,
  sort: 'name',
  direction: 'asc',
};

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | null =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : null;

const clean = (values: string[], max: number, maxLength: number) =>
  [...new Set(values.map((v) => v.trim()).filter((v) => v !== '' && v.length <= maxLength))].slice(0, max);

/** `q=mar&stage=new&stage=sold&sort=created&dir=desc` -> query; anything unknown or malformed is dropped. */
export function paramsToQuery(search: string): ListQuery {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  return {
    text: (params.get('q') ?? '').slice(0, 200),
    stages: clean(params.getAll('stage'), 6, 20).filter((s): s is Stage => oneOf(stages, s) !== null),
    owners: clean(params.getAll('owner'), 50, 100),
    sources: clean(params.getAll('source'), 50, 100),
    tags: clean(params.getAll('tag'), 50, 50),
    callbackDue: oneOf(callbackDues, params.get('due')),
    consent: oneOf(consentStates, params.get('consent')),
    sort: oneOf(sorts, params.get('sort')) ?? emptyQuery.sort,
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The reverse, leaving defaults out so a plain list is a plain `#/leads`. */
export function queryToParams(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.text !== '') params.set('q', query.text);
  for (const stage of query.stages) params.append('stage', stage);
  for (const owner of query.owners) params.append('owner', owner);
  for (const source of query.sources) params.append('source', source);
  for (const tag of query.tags) params.append('tag', tag);
  if (query.callbackDue) params.set('due', query.callbackDue);
  if (query.consent) params.set('consent', query.consent);
  if (query.sort !== emptyQuery.sort) params.set('sort', query.sort);
  if (query.direction !== emptyQuery.direction) params.set('dir', query.direction);
  return params.toString();
}

/** What `leads.search` and `leads.export` take: empty filters are left out rather than sent as []. */
export function toLeadQuery(query: ListQuery): LeadQuery {
  return {
    text: query.text.trim(),
    ...(query.stages.length > 0 && { stages: query.stages }),
    ...(query.owners.length > 0 && { owners: query.owners }),
    ...(query.sources.length > 0 && { sources: query.sources }),
    ...(query.tags.length > 0 && { tags: query.tags }),
    ...(query.callbackDue && { callbackDue: query.callbackDue }),
    ...(query.consent && { consent: query.consent }),
    sort: query.sort,
    direction: query.direction,
  };
}

/** Stable key of what the server would answer: two queries with the same key give the same rows. */
export const queryKey = (query: ListQuery): string => JSON.stringify(toLeadQuery(query));

/** The query without its search text: what the filter bar shows, so typing does not redraw it. */
export const filtersKey = (query: ListQuery): string => queryKey({ ...query, text: '' });

/** Whether the list is narrowed at all (sort order does not narrow). */
export const hasFilters = (query: ListQuery): boolean =>
  query.text.trim() !== '' ||
  query.stages.length + query.owners.length + query.sources.length + query.tags.length > 0 ||
  query.callbackDue !== null ||
  query.consent !== null;
