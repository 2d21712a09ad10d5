import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, routes } from '../../../src/renderer/app/routes';

describe('parseRoute', () => {
  it('reads each page from its hash', () => {
    for (const route of routes) expect(parseRoute(routeHref(route))).toBe(route);
  });

  it('tolerates a missing slash, case and trailing parts', () => {
    expect(parseRoute('#settings')).toBe('settings');
    expect(parseRoute('#/Calls')).toBe('calls');
    expect(parseRoute('#/dialer/42')).toBe('dialer');
    expect(parseRoute('#/leads?x=1')).toBe('leads');
  });

  it('falls back to leads for empty, unknown and token hashes', () => {
    expect(parseRoute('')).toBe('leads');
    expect(parseRoute('#')).toBe('leads');
    expect(parseRoute('#/nope')).toBe('leads');
    expect(parseRoute('#token=abc')).toBe('leads');
    expect(parseRoute('#/constructor')).toBe('leads');
  });
});
