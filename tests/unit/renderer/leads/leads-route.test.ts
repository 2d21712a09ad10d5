import { describe, expect, it } from 'vitest';
import { leadHref, leadsListHref, parseLeadsHash } from '../../../../src/renderer/leads/leads-route';

describe('leads sub-routes', () => {
  it('reads list, detail, import and new', () => {
    expect(parseLeadsHash('#/leads')).toEqual({ view: 'list', search: '' });
    expect(parseLeadsHash('#/leads?q=mar')).toEqual({ view: 'list', search: 'q=mar' });
    expect(parseLeadsHash('#/leads/import')).toEqual({ view: 'import' });
    expect(parseLeadsHash('#/leads/new')).toEqual({ view: 'new' });
    expect(parseLeadsHash(leadHref('L-1/é'))).toEqual({ view: 'detail', id: 'L-1/é' });
  });

  it('falls back to the list for anything else', () => {
    expect(parseLeadsHash('')).toEqual({ view: 'list', search: '' });
    expect(parseLeadsHash('#/leads/%E0%A4%A')).toEqual({ view: 'list', search: '' });
    expect(parseLeadsHash(`#/leads/${'x'.repeat(65)}`)).toEqual({ view: 'list', search: '' });
  });

  it("shows nothing for another page's address (the list's address sync would take the page back)", () => {
    expect(parseLeadsHash('#/dialer')).toEqual({ view: 'elsewhere' });
    expect(parseLeadsHash('#/calls?direction=inbound')).toEqual({ view: 'elsewhere' });
    expect(parseLeadsHash('#/unknown')).toEqual({ view: 'list', search: '' }); // the app shows leads there too
  });

  it('builds list links with or without params', () => {
    expect(leadsListHref()).toBe('#/leads');
    expect(leadsListHref('q=a')).toBe('#/leads?q=a');
  });
});
