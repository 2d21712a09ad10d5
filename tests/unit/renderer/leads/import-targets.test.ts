import { describe, expect, it } from 'vitest';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';
import { importTargets, targetOptions } from '../../../../src/renderer/leads/import/targets';
import { displayPhone, pluralForm } from '../../../../src/renderer/leads/format';

describe('import targets', () => {
  it('are all translated', () => {
    for (const id of importTargets) {
      expect((fr.leads.import.targets as Record<string, string>)[id], `fr:${id}`).toBeTruthy();
      expect((en.leads.import.targets as Record<string, string>)[id], `en:${id}`).toBeTruthy();
    }
  });

  it('still offer ids the server suggests that the renderer does not know', () => {
    const options = targetOptions({ Nom: 'lastName', Bidule: 'someNewField', Truc: 'someNewField', X: 'ignore' });
    expect(options.filter((o) => o === 'someNewField')).toHaveLength(1);
    expect(options).toContain('lastName');
    expect(options).not.toContain('ignore');
  });
});

describe('display helpers', () => {
  it('shows French numbers nationally and foreign ones internationally', () => {
    expect(displayPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(displayPhone('+32470123456')).toMatch(/^\+32 /);
    expect(displayPhone('+32470123456', 'BE')).toMatch(/^0470/);
    expect(displayPhone(undefined)).toBe('');
  });

  it('picks French and English plural forms', () => {
    expect(pluralForm(0, 'fr')).toBe('one');
    expect(pluralForm(1, 'fr')).toBe('one');
    expect(pluralForm(2, 'fr')).toBe('other');
    expect(pluralForm(0, 'en')).toBe('other');
    expect(pluralForm(1, 'en')).toBe('one');
  });
});

describe('import targets against the import engine', () => {
  it('list exactly the fields core accepts (until the list moves to src/shared)', async () => {
    // Tests may read core; the renderer may not. This keeps the renderer's copy honest.
    const { importFieldNames } = await import('../../../../src/core/leads/import/mapping');
    expect([...importTargets].sort()).toEqual(importFieldNames.filter((f) => f !== 'ignore').sort());
  });
});
