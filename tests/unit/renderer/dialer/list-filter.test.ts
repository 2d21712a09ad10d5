import { describe, expect, it } from 'vitest';
import { CallbackListFilterSchema } from '../../../../src/shared/domain/callback-list';
import { emptyQuery } from '../../../../src/renderer/leads/query-params';
import {
  emptyFilterForm,
  filterFormFromLeadsSearch,
  filterKey,
  toCallbackListFilter,
} from '../../../../src/renderer/dialer/list-filter';

describe('toCallbackListFilter', () => {
  it('selects every open lead when nothing narrows: sold and lost ones only when asked', () => {
    const open = { ok: true, filter: { excludeStages: ['sold', 'lost'] } };
    expect(toCallbackListFilter(emptyFilterForm)).toEqual(open);
    // A sort of the lead list is not a filter: the list has its own calling order.
    expect(
      toCallbackListFilter({ ...emptyFilterForm, query: { ...emptyQuery, sort: 'created', direction: 'desc' } }),
    ).toEqual(open);
    expect(toCallbackListFilter({ ...emptyFilterForm, query: { ...emptyQuery, text: '   ' } })).toEqual(open);
    expect(toCallbackListFilter({ ...emptyFilterForm, includeClosed: true })).toEqual({ ok: true, filter: {} });
    const check = toCallbackListFilter(emptyFilterForm);
    expect(check.ok && CallbackListFilterSchema.safeParse(check.filter).success).toBe(true);
  });

  it('takes the ticked stages as they are, sold or lost included', () => {
    const form = { ...emptyFilterForm, query: { ...emptyQuery, stages: ['sold' as const] } };
    expect(toCallbackListFilter(form)).toEqual({ ok: true, filter: { query: { text: '', stages: ['sold'] } } });
  });

  it('carries the lead filters, without empty ones or the sort', () => {
    const check = toCallbackListFilter({
      lastContactBefore: '',
      includeClosed: false,
      query: {
        ...emptyQuery,
        text: ' martin ',
        stages: ['appointment', 'contacted'],
        owners: ['Alice'],
        tags: ['salon'],
        callbackDue: 'overdue',
        consent: 'given',
        sort: 'nextCallback',
      },
    });
    expect(check).toEqual({
      ok: true,
      filter: {
        query: {
          text: 'martin',
          stages: ['appointment', 'contacted'],
          owners: ['Alice'],
          tags: ['salon'],
          callbackDue: 'overdue',
          consent: 'given',
        },
      },
    });
    expect(check.ok && CallbackListFilterSchema.safeParse(check.filter).success).toBe(true);
  });

  it('reads "last contact before" as the start of that day in the seller’s zone', () => {
    const check = toCallbackListFilter({ ...emptyFilterForm, lastContactBefore: '2026-06-30' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.filter.lastContactBefore).toBe(new Date(2026, 5, 30, 0, 0, 0, 0).toISOString());
    expect(CallbackListFilterSchema.safeParse(check.filter).success).toBe(true);
  });

  it('refuses a day that does not exist or is not a day', () => {
    expect(toCallbackListFilter({ ...emptyFilterForm, lastContactBefore: '2026-02-31' })).toEqual({
      ok: false,
      field: 'lastContactBefore',
    });
    expect(toCallbackListFilter({ ...emptyFilterForm, lastContactBefore: '30/06/2026' })).toEqual({
      ok: false,
      field: 'lastContactBefore',
    });
  });
});

describe('filterFormFromLeadsSearch', () => {
  it('takes over the Leads page’s filter from its address', () => {
    const form = filterFormFromLeadsSearch('q=dupont&stage=appointment&stage=contacted&consent=given&sort=created');
    expect(toCallbackListFilter(form)).toEqual({
      ok: true,
      filter: { query: { text: 'dupont', stages: ['appointment', 'contacted'], consent: 'given' } },
    });
  });
});

describe('filterKey', () => {
  it('is the same for the same selection and differs otherwise', () => {
    const a = toCallbackListFilter(filterFormFromLeadsSearch('stage=new'));
    const b = toCallbackListFilter(filterFormFromLeadsSearch('stage=new&sort=created'));
    const c = toCallbackListFilter(filterFormFromLeadsSearch('stage=sold'));
    if (!a.ok || !b.ok || !c.ok) throw new Error('filters expected');
    expect(filterKey(a.filter)).toBe(filterKey(b.filter));
    expect(filterKey(a.filter)).not.toBe(filterKey(c.filter));
  });
});
