import { describe, expect, it } from 'vitest';
import {
  emptyQuery,
  filtersKey,
  hasFilters,
  paramsToQuery,
  queryKey,
  queryToParams,
  toLeadQuery,
  type ListQuery,
} from '../../../../src/renderer/leads/query-params';
import { LeadQuerySchema } from '../../../../src/shared/domain/lead-query';

describe('lead list query <-> hash params', () => {
  it('leaves defaults out, so the plain list is a plain hash', () => {
    expect(queryToParams(emptyQuery)).toBe('');
    expect(paramsToQuery('')).toEqual(emptyQuery);
  });

  it('round-trips every field, including repeated filters and accents', () => {
    const query: ListQuery = {
      text: 'Élodie 06 12',
      stages: ['new', 'sold'],
      owners: ['Jean, Marc', 'Zoé'],
      sources: ['La Centrale'],
      tags: ['VIP'],
      callbackDue: 'overdue',
      consent: 'revoked',
      sort: 'nextCallback',
      direction: 'desc',
    };
    expect(paramsToQuery(queryToParams(query))).toEqual(query);
    expect(paramsToQuery(`?${queryToParams(query)}`)).toEqual(query);
  });

  it('carries several values of each multi-value filter, in order', () => {
    const query: ListQuery = {
      ...emptyQuery,
      stages: ['contacted', 'appointment', 'lost'],
      owners: ['Zoé Martin', 'Jean-Marc & fils'],
      sources: ['La Centrale', 'Site web', 'Leboncoin'],
      tags: ['VIP', 'Reprise à voir', 'a=b&c'],
    };
    const params = queryToParams(query);
    expect(new URLSearchParams(params).getAll('tag')).toEqual(['VIP', 'Reprise à voir', 'a=b&c']);
    expect(paramsToQuery(params)).toEqual(query);
    expect(toLeadQuery(query)).toMatchObject({
      stages: ['contacted', 'appointment', 'lost'],
      owners: ['Zoé Martin', 'Jean-Marc & fils'],
      tags: ['VIP', 'Reprise à voir', 'a=b&c'],
    });
    expect(LeadQuerySchema.safeParse(toLeadQuery(query)).success).toBe(true);
  });

  it('bounds repeated values as the contract does, dropping repeats', () => {
    const many = Array.from({ length: 60 }, (_, i) => `tag=t${i}`).join('&');
    const query = paramsToQuery(`${many}&tag=t0&owner=A&owner=A&owner=B`);
    expect(query.tags).toHaveLength(50);
    expect(query.owners).toEqual(['A', 'B']);
    expect(LeadQuerySchema.safeParse(toLeadQuery(query)).success).toBe(true);
  });

  it('drops unknown and malformed values instead of failing', () => {
    const query = paramsToQuery('stage=new&stage=bogus&stage=new&due=later&consent=x&sort=evil&dir=up&owner=%20');
    expect(query).toEqual({ ...emptyQuery, stages: ['new'] });
  });

  it('sends only the filters in use, in a shape the contract accepts', () => {
    expect(toLeadQuery(emptyQuery)).toEqual({ text: '', sort: 'name', direction: 'asc' });
    const full = toLeadQuery({ ...emptyQuery, text: '  mar ', stages: ['lost'], callbackDue: 'week' });
    expect(full).toEqual({ text: 'mar', stages: ['lost'], callbackDue: 'week', sort: 'name', direction: 'asc' });
    expect(LeadQuerySchema.safeParse(full).success).toBe(true);
  });

  it('keys equal queries equally and tells filters from sort', () => {
    expect(queryKey({ ...emptyQuery, text: 'a ' })).toBe(queryKey({ ...emptyQuery, text: 'a' }));
    expect(hasFilters({ ...emptyQuery, sort: 'created', direction: 'desc' })).toBe(false);
    expect(hasFilters({ ...emptyQuery, consent: 'none' })).toBe(true);
    expect(hasFilters({ ...emptyQuery, text: '  ' })).toBe(false);
  });

  it('keys the filter bar without the search text, and tells every filter and the order apart', () => {
    expect(filtersKey({ ...emptyQuery, text: 'martin' })).toBe(filtersKey(emptyQuery));
    const changes: Partial<ListQuery>[] = [
      { stages: ['new'] },
      { owners: ['Julie'] },
      { sources: ['Site web'] },
      { tags: ['VIP'] },
      { callbackDue: 'today' },
      { consent: 'given' },
      { sort: 'created' },
      { direction: 'desc' },
    ];
    for (const change of changes) expect(filtersKey({ ...emptyQuery, ...change })).not.toBe(filtersKey(emptyQuery));
  });
});
