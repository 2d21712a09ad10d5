import { describe, expect, it } from 'vitest';
import { matchField, splitServerError } from '../../../src/renderer/settings/field-errors';
import { formFields } from '../../../src/renderer/settings/form-model';

describe('matchField', () => {
  it('maps nested paths to the form field that holds them', () => {
    expect(matchField('sip.server', formFields)).toBe('sip.server');
    expect(matchField('ice.servers.0.urls', formFields)).toBe('ice.servers');
    expect(matchField('sip', formFields)).toBeNull();
    expect(matchField('sip.serverX', formFields)).toBeNull();
  });
});

describe('splitServerError', () => {
  it('puts a service error (field + "field: message") next to the field', () => {
    const split = splitServerError(
      { code: 'invalid-request', message: 'sip.server: must be a ws:// or wss:// URL', field: 'sip.server' },
      formFields,
    );
    expect(split).toEqual({
      fields: { 'sip.server': { code: 'invalid-request', detail: 'must be a ws:// or wss:// URL' } },
      general: null,
    });
  });

  it('uses the per-issue messages of a contract validation error', () => {
    const split = splitServerError(
      {
        code: 'invalid-request',
        message: 'Invalid settings.update: ice.gatheringTimeoutMs: Too small; ice.servers.0.urls: Too short',
        field: 'ice.gatheringTimeoutMs',
        issues: [
          { field: 'ice.gatheringTimeoutMs', message: 'Too small' },
          { field: 'ice.servers.0.urls', message: 'Too short' },
        ],
      },
      formFields,
    );
    expect(split.fields).toEqual({
      'ice.gatheringTimeoutMs': { code: 'invalid-request', detail: 'Too small' },
      'ice.servers': { code: 'invalid-request', detail: 'Too short' },
    });
    expect(split.general).toBeNull();
  });

  it('keeps locked-by-admin with its field', () => {
    const split = splitServerError(
      { code: 'locked-by-admin', message: 'sip.uri is set by your administrator', field: 'sip.uri' },
      formFields,
    );
    expect(split.fields['sip.uri']?.code).toBe('locked-by-admin');
  });

  it('returns errors without a known field as general', () => {
    const error = { code: 'transport-closed' as const, message: 'Connection to Relance lost' };
    expect(splitServerError(error, formFields)).toEqual({ fields: {}, general: error });
    const unknownField = { code: 'invalid-request' as const, message: 'x', field: '(root)' };
    expect(splitServerError(unknownField, formFields).general).toBe(unknownField);
  });
});
