import { describe, expect, it } from 'vitest';
import {
  callsHref,
  callsSearchOf,
  emptyCallsFilter,
  filterProblem,
  filterToParams,
  hasCallsFilters,
  paramsToFilter,
  toCallsQuery,
  UNDISPOSED,
} from '../../../../src/renderer/calls/calls-filter';
import { CallsQuerySchema } from '../../../../src/shared/domain/dialer';

describe('Calls screen filters', () => {
  it('turns local days into an instant range that includes the end day', () => {
    const q = toCallsQuery({ ...emptyCallsFilter, from: '2026-03-01', to: '2026-03-31' });
    expect(q.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(q.to).toBe(new Date(2026, 3, 1).toISOString()); // the next midnight: 31 March is in
    expect(CallsQuerySchema.safeParse(q).success).toBe(true);
  });

  it('maps direction, disposition, "to disposition" and lead, and pages of 50', () => {
    expect(toCallsQuery({ ...emptyCallsFilter, direction: 'inbound', disposition: 'busy', leadId: 'L1' }, 2)).toEqual({
      offset: 100,
      limit: 50,
      direction: 'inbound',
      dispositions: ['busy'],
      leadId: 'L1',
    });
    expect(toCallsQuery({ ...emptyCallsFilter, disposition: UNDISPOSED })).toEqual({
      offset: 0,
      limit: 50,
      undisposed: true,
    });
    expect(toCallsQuery(emptyCallsFilter)).toEqual({ offset: 0, limit: 50 });
  });

  it('says when the end day is before the start day', () => {
    expect(filterProblem({ ...emptyCallsFilter, from: '2026-03-10', to: '2026-03-09' })).toBe('from-after-to');
    expect(filterProblem({ ...emptyCallsFilter, from: '2026-03-10', to: '2026-03-10' })).toBeUndefined();
    expect(filterProblem({ ...emptyCallsFilter, from: '2026-03-10' })).toBeUndefined();
  });

  it('round-trips through the address, and drops what is not a valid value', () => {
    const filter = {
      from: '2026-03-01',
      to: '',
      direction: 'outbound' as const,
      disposition: 'no-answer',
      leadId: 'L7',
    };
    expect(paramsToFilter(filterToParams(filter))).toEqual(filter);
    expect(callsHref(filter)).toBe('#/calls?from=2026-03-01&dir=outbound&disp=no-answer&lead=L7');
    expect(callsHref()).toBe('#/calls');
    expect(callsSearchOf('#/calls?dir=inbound')).toBe('dir=inbound');
    expect(paramsToFilter('from=2026-13-01&dir=sideways&disp=Not%20An%20Id')).toEqual(emptyCallsFilter);
    expect(hasCallsFilters(emptyCallsFilter)).toBe(false);
    expect(hasCallsFilters({ ...emptyCallsFilter, leadId: 'L1' })).toBe(true);
  });
});
