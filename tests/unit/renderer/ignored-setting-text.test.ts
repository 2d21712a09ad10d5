import { describe, expect, it } from 'vitest';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';
import { flattenSettings } from '../../../src/core/settings/fields';
import { emptyProvisioning, parseProvisioning, type Provisioning } from '../../../src/core/settings/provisioning';
import { SettingsService, type UserSettingsFile } from '../../../src/core/settings/settings-service';
import type { Translate } from '../../../src/renderer/dialer/translate';
import { createI18n } from '../../../src/renderer/i18n/i18n';
import { formFieldId, formFields } from '../../../src/renderer/settings/form-model';
import {
  fieldPatch,
  ignoredSettingText,
  keepAppliedLabel,
  settingControlId,
  settingLabelKeys,
  settingValue,
} from '../../../src/renderer/settings/ignored-setting-text';
import {
  SettingsPatchSchema,
  defaultSettings,
  settingsFields,
  type SettingsView,
} from '../../../src/shared/domain/settings';
import { refusedValues } from '../support/refused-settings';

const screens = { fr: createI18n('fr'), en: createI18n('en') };
const tr = (language: 'fr' | 'en'): Translate => screens[language].t as unknown as Translate;

/** The settings page's view of a settings file holding `overrides`, as core serves it. */
async function viewOf(overrides: Record<string, unknown>, provisioning: Provisioning = emptyProvisioning()) {
  const file: UserSettingsFile = { schemaVersion: 1, overrides: structuredClone(overrides) };
  const doc = { data: file, update: async (mutate: (draft: UserSettingsFile) => void) => mutate(file) };
  const service = new SettingsService(doc, provisioning, new SessionSecretStore());
  return { view: await service.view(), service, file };
}

/** What the page says under `field`. */
function said(view: SettingsView, field: string, language: 'fr' | 'en'): string {
  const ignored = view.ignored.find((entry) => entry.field === field);
  if (!ignored) throw new Error(`${field} is not reported`);
  return ignoredSettingText(ignored, view.values, tr(language));
}

describe('the notice under a field whose saved value was ignored', () => {
  it('says the saved region, why it is refused and the default that applies (French and English)', async () => {
    const { view } = await viewOf({ defaultRegion: 'XX' });
    expect(said(view, 'defaultRegion', 'fr')).toBe(
      'La valeur enregistrée « XX » a été ignorée. Ce code ne désigne pas un pays dont Relance sait lire les ' +
        "numéros de téléphone (par exemple FR, BE ou CH). La valeur par défaut (FR) s'applique.",
    );
    expect(said(view, 'defaultRegion', 'en')).toBe(
      'The saved value “XX” was ignored. Not a country code Relance can read phone numbers for ' +
        '(for example FR, BE or CH). The default value (FR) applies.',
    );
    expect(keepAppliedLabel(view.ignored[0]!, tr('fr'))).toBe('Garder la valeur par défaut');
    expect(keepAppliedLabel(view.ignored[0]!, tr('en'))).toBe('Keep the default value');
  });

  it("names the administrator's value when provisioning sets the field", async () => {
    const { view } = await viewOf({ defaultRegion: 'XX' }, parseProvisioning('{"defaultRegion":"BE"}', 'it.json'));
    expect(said(view, 'defaultRegion', 'fr')).toMatch(/ La valeur fixée par votre administrateur \(BE\) s'applique\.$/);
    expect(said(view, 'defaultRegion', 'en')).toMatch(/ The value set by your administrator \(BE\) applies\.$/);
    expect(keepAppliedLabel(view.ignored[0]!, tr('fr'))).toBe("Garder la valeur de l'administrateur");
  });

  it('names a choice by its option, an empty value in words, and a refusal inside a list generally', async () => {
    const { view } = await viewOf({ logLevel: 'trace', dealershipZone: '', 'ice.servers': [{ urls: '' }] });
    expect(said(view, 'logLevel', 'fr')).toBe(
      "La valeur enregistrée « trace » a été ignorée. Choisissez l'une des valeurs proposées. " +
        "La valeur par défaut (Normal) s'applique.",
    );
    expect(said(view, 'dealershipZone', 'en')).toBe(
      'The saved empty value was ignored. This field is required. The default value (Europe/Paris) applies.',
    );
    expect(said(view, 'ice.servers', 'fr')).toBe(
      'La valeur enregistrée « [{"urls":""}] » a été ignorée. Relance ne l\'accepte plus. ' +
        "La valeur par défaut (aucune) s'applique.",
    );
  });

  it('has its words, label and control for every settings field, in both languages', async () => {
    const { view } = await viewOf(refusedValues);
    expect(view.ignored).toHaveLength(settingsFields.length);
    for (const language of ['fr', 'en'] as const) {
      for (const ignored of view.ignored) {
        const text = ignoredSettingText(ignored, view.values, tr(language));
        expect(text, `${language} ${ignored.field}`).toMatch(
          language === 'fr' ? /^La valeur (enregistrée|vide)/ : /^The saved (value|empty)/,
        );
        expect(text, `${language} ${ignored.field}`).not.toMatch(/settings\.|fieldErrors\.|\{\{/);
        expect(screens[language].exists(settingLabelKeys[ignored.field]), settingLabelKeys[ignored.field]).toBe(true);
      }
    }
  });
});

describe('keeping the value that applies', () => {
  it('builds a patch core accepts for every field, holding just that field', () => {
    for (const field of settingsFields) {
      const patch = fieldPatch(field, settingValue(defaultSettings, field));
      expect(SettingsPatchSchema.safeParse(patch).success, field).toBe(true);
      expect(flattenSettings(patch), field).toEqual({ [field]: settingValue(defaultSettings, field) });
    }
  });

  it('ends the report for that field only, and leaves no saved value behind', async () => {
    const { view, service, file } = await viewOf({ defaultRegion: 'XX', logLevel: 'trace' });
    const after = await service.update(fieldPatch('defaultRegion', settingValue(view.values, 'defaultRegion')));
    expect(after.ignored.map((entry) => entry.field)).toEqual(['logLevel']);
    expect(file.overrides).toEqual({ logLevel: 'trace' });
  });
});

describe('settingControlId', () => {
  it("points at each field's control on the page, and at none for the fields only IT sets", () => {
    for (const field of formFields) expect(settingControlId(field)).toBe(formFieldId(field));
    expect(formFieldId('sip.server')).toBe('settings-sip-server');
    expect(settingControlId('locale')).toBe('settings-locale');
    expect(settingControlId('logLevel')).toBe('settings-log-level');
    expect(settingControlId('audio.ringerId')).toBe('audio-ringerId');
    expect(settingControlId('updates.url')).toBeNull();
    expect(settingControlId('updates.enabled')).toBeNull();
  });
});
