import { describe, expect, it } from 'vitest';
import { emptyCallsFilter } from '../../../../src/renderer/calls/calls-filter';
import { exportStatusFor, type ExportStatus } from '../../../../src/renderer/calls/export-status';
import { defaultCallbackInput } from '../../../../src/renderer/calls/outcome-form';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';
import { toDateTimeLocal, nextWorkingDayAtTen } from '../../../../src/renderer/leads/snooze';

describe('the export message', () => {
  const filter = { ...emptyCallsFilter, direction: 'outbound' as const };
  const done: ExportStatus = { text: '2 appels exportés.', error: false, filter };

  it('stays while the filters are those it exported', () => {
    expect(exportStatusFor(done, { ...filter })).toBe(done);
  });

  it('goes once any filter changes, cleared ones included', () => {
    expect(exportStatusFor(done, emptyCallsFilter)).toBeNull();
    expect(exportStatusFor(done, { ...filter, from: '2026-11-01' })).toBeNull();
    expect(exportStatusFor(done, { ...filter, leadId: 'L1' })).toBeNull();
    expect(exportStatusFor(null, filter)).toBeNull();
  });
});

describe('the outcome editor’s callback time', () => {
  it('is the next working day 10:00 local, as on the lead page, not 24 hours from now', () => {
    const lateSaturday = new Date(2026, 10, 28, 23, 40);
    expect(defaultCallbackInput(lateSaturday)).toBe('2026-11-30T10:00');
    expect(defaultCallbackInput(lateSaturday)).toBe(toDateTimeLocal(nextWorkingDayAtTen(lateSaturday)));
    // Month and year ends (31/12/2026 is a Thursday).
    expect(defaultCallbackInput(new Date(2026, 11, 31, 8, 5))).toBe('2027-01-01T10:00');
  });
});

describe('the French words of the Calls page and the voicemail settings', () => {
  const texts = (node: unknown): string[] =>
    typeof node === 'string' ? [node] : Object.values(node as Record<string, unknown>).flatMap(texts);

  it('say "prospect", never "lead"', () => {
    const french = [...texts(fr.calls), ...texts(fr.pages.calls), ...texts(fr.voicemail)];
    expect(french.filter((text) => /\blead/i.test(text))).toEqual([]);
    expect(fr.calls.columns.lead).toBe('Prospect');
    // A lead without a name reads the same on Appels as on its own page and in the list.
    expect(fr.leads.noName).toBe('(sans nom)');
    expect(fr.calls).not.toHaveProperty('unnamedLead');
    expect(fr.voicemail.settings.intro).toContain('seulement pour les prospects');
  });

  it('count the exported calls in the singular and plural', () => {
    expect(fr.calls.export.done).toEqual({ one: '{{n}} appel exporté.', other: '{{n}} appels exportés.' });
    expect(en.calls.export.done).toEqual({ one: '{{n}} call exported.', other: '{{n}} calls exported.' });
  });
});
