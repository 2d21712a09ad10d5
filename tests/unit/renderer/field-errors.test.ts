import { describe, expect, it } from 'vitest';
import { requests, type RequestName } from '../../../src/shared/contract';
import { notTextFileMessage } from '../../../src/shared/domain/import-report';
import { describeZodError, type AppError } from '../../../src/shared/result';
import { createI18n } from '../../../src/renderer/i18n/i18n';
import fr from '../../../src/renderer/i18n/fr.json';
import {
  fieldErrorKind,
  matchField,
  serverErrorText,
  splitServerError,
} from '../../../src/renderer/settings/field-errors';
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
      fields: {
        'sip.server': { code: 'invalid-request', path: 'sip.server', detail: 'must be a ws:// or wss:// URL' },
      },
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
      'ice.gatheringTimeoutMs': { code: 'invalid-request', path: 'ice.gatheringTimeoutMs', detail: 'Too small' },
      'ice.servers': { code: 'invalid-request', path: 'ice.servers.0.urls', detail: 'Too short' },
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

/** The error the contract check sends for this payload, as dispatch words it. */
function contractError(method: RequestName, payload: unknown): AppError {
  const parsed = requests[method].input.safeParse(payload);
  if (parsed.success) throw new Error(`${method} accepted ${JSON.stringify(payload)}`);
  const issues = describeZodError(parsed.error);
  return {
    code: 'invalid-request',
    message: `Invalid ${method}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    field: issues[0]!.field,
    issues,
  };
}

const leadDraft = (contact: Record<string, unknown>) => ({
  draft: {
    contact: { kind: 'individual', lastName: 'Martin', phones: [], ...contact },
    vehicles: [],
    stage: 'new',
    tags: [],
    consents: [],
  },
});

const frI18n = createI18n('fr');
const enI18n = createI18n('en');
/** What the French screen shows for a failed request. */
const onFrenchScreen = (error: AppError) => {
  const text = serverErrorText(error, 'fr');
  return { text: frI18n.t(text.key, text.values), showDetail: text.showDetail };
};

describe('field errors in the UI language', () => {
  it("says the review's refusals wholly in French, without core's English words", () => {
    const cases: [AppError, string][] = [
      [contractError('leads.create', leadDraft({ email: 'pas-un-email' })), fr.fieldErrors.email],
      [
        contractError(
          'leads.create',
          leadDraft({ phones: [{ e164: '0612', raw: '0612', type: 'mobile', preferred: true }] }),
        ),
        fr.fieldErrors.phone,
      ],
      [contractError('settings.update', { sip: { server: 'http://pbx.local' } }), fr.fieldErrors.wsUrl],
      [contractError('settings.update', { dealershipZone: 'Paris' }), fr.fieldErrors.timeZone],
      [contractError('settings.update', { sip: { uri: 'bob' } }), fr.fieldErrors.sipUri],
      [contractError('settings.update', { sip: { outboundProxy: 'proxy.local' } }), fr.fieldErrors.sipProxy],
      [contractError('settings.update', { defaultRegion: 'fr' }), fr.fieldErrors.region],
      [contractError('settings.update', { defaultRegion: 'XX' }), fr.fieldErrors.unknownRegion],
      // The same refusal from the settings service (a stored region checked again on save).
      [
        {
          code: 'invalid-request',
          message: 'defaultRegion: not a country code Relance can read phone numbers for',
          field: 'defaultRegion',
        },
        fr.fieldErrors.unknownRegion,
      ],
      [contractError('settings.update', { updates: { url: 'ftp://x' } }), fr.fieldErrors.httpUrl],
      // The settings service's own refusal (`field: message`), as after merging a patch.
      [
        { code: 'invalid-request', message: 'sip.server: must be a ws:// or wss:// URL', field: 'sip.server' },
        fr.fieldErrors.wsUrl,
      ],
      // The lead service's refusals.
      [
        {
          code: 'invalid-request',
          message: 'draft.contact.email: Invalid email address',
          field: 'draft.contact.email',
        },
        fr.fieldErrors.email,
      ],
      [
        { code: 'invalid-request', message: 'the consent cannot be dated in the future', field: 'consent.givenAt' },
        fr.fieldErrors.consentInFuture,
      ],
      [
        {
          code: 'invalid-request',
          message: 'the consent must cover one of the lead’s numbers',
          field: 'consent.number',
        },
        fr.fieldErrors.consentNumber,
      ],
      [{ code: 'invalid-request', message: notTextFileMessage, field: 'contentBase64' }, fr.fieldErrors.notTextFile],
    ];
    for (const [error, french] of cases) {
      expect(onFrenchScreen(error), JSON.stringify(error)).toEqual({ text: french, showDetail: false });
    }
  });

  it('names the limit zod gives, in the UI language', () => {
    expect(onFrenchScreen(contractError('settings.update', { sip: { displayName: 'x'.repeat(200) } }))).toEqual({
      text: 'Trop long : 128 caractères au maximum.',
      showDetail: false,
    });
    expect(onFrenchScreen(contractError('settings.update', { dialer: { previewSeconds: 999 } })).text).toBe(
      'Trop grand : 300 au maximum.',
    );
    expect(onFrenchScreen(contractError('settings.update', { ice: { gatheringTimeoutMs: 10 } })).text).toBe(
      'Trop petit : 50 au minimum.',
    );
    expect(onFrenchScreen(contractError('settings.update', { ice: { gatheringTimeoutMs: 1.5 } })).text).toBe(
      fr.fieldErrors.wholeNumber,
    );
    expect(onFrenchScreen(contractError('settings.update', { sip: { dtmfMethod: 'sip-info' } })).text).toBe(
      fr.fieldErrors.notAnOption,
    );
    expect(onFrenchScreen(contractError('settings.update', { dealershipZone: '' })).text).toBe(fr.fieldErrors.required);
    expect(
      onFrenchScreen(contractError('settings.update', { ice: { servers: Array(11).fill({ urls: 'stun:x' }) } })).text,
    ).toBe("Trop d'éléments : 10 au maximum.");
    const en = serverErrorText(contractError('leads.create', leadDraft({ lastName: 'M'.repeat(101) })), 'en');
    expect(enI18n.t(en.key, en.values)).toBe('Too long: 100 characters at most.');
  });

  it("reads the field from a lead request's own prefix, or bare from the service", () => {
    expect(fieldErrorKind('draft.contact.phones.0.e164', 'must be an E.164 number')).toEqual({ key: 'phone' });
    expect(fieldErrorKind('changes.contact.email', 'Invalid email address')).toEqual({ key: 'email' });
    expect(fieldErrorKind('contact.email', 'contact.email: Invalid email address')).toEqual({ key: 'email' });
    expect(fieldErrorKind('contact.email', 'Too big: expected string to have <=254 characters')).toEqual({
      key: 'tooLong',
      values: { max: 254 },
    });
    expect(fieldErrorKind('contentBase64', 'Too big: expected string to have <=134217728 characters')).toEqual({
      key: 'fileTooBig',
    });
    expect(fieldErrorKind('consent.givenAt', 'Invalid ISO datetime')).toEqual({ key: 'date' });
    expect(fieldErrorKind('phone.declineCode', 'Invalid input')).toBeNull();
  });

  it("falls back to the translated code: core's English detail only in the English UI", () => {
    const unknown: AppError = { code: 'invalid-request', message: 'Invalid input', field: 'phone.declineCode' };
    expect(serverErrorText(unknown, 'fr')).toEqual({
      key: 'errors.invalid-request',
      values: {},
      detail: 'Invalid input',
      showDetail: false,
    });
    expect(serverErrorText(unknown, 'en')).toMatchObject({ key: 'errors.invalid-request', showDetail: true });
    const locked: AppError = {
      code: 'locked-by-admin',
      message: 'sip.uri is set by your administrator',
      field: 'sip.uri',
    };
    expect(serverErrorText(locked, 'fr')).toMatchObject({ key: 'errors.locked-by-admin', showDetail: false });
    // Not a field's fault: the code alone, even when the message reads like a field error.
    const lost: AppError = { code: 'transport-closed', message: 'Connection to Relance lost' };
    expect(serverErrorText(lost, 'fr')).toMatchObject({ key: 'errors.transport-closed', showDetail: false });
  });
});
