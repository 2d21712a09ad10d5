import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/domain/settings';
import type { Result } from '../../shared/result';
import { isLocale } from '../i18n/locale';
import { Field } from './Field';
import type { FieldProblem } from './FieldProblem';

interface LanguageSectionProps {
  locale: Locale;
  locked: boolean;
  /** Said under the select when a saved language was ignored (see `ignoredNotice`). */
  ignored?: { notice?: ReactNode; describedBy: string[] };
  onLocaleChange: (locale: Locale) => Promise<Result<unknown>>;
}

/** The language saves as soon as it is picked: the whole UI switches, no Save needed. */
export function LanguageSection({ locale, locked, ignored, onLocaleChange }: LanguageSectionProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<FieldProblem>();

  const change = async (value: string) => {
    if (!isLocale(value)) return;
    setProblem(undefined);
    const result = await onLocaleChange(value);
    if (!result.ok) setProblem({ kind: 'server', code: result.error.code, detail: result.error.message });
  };

  return (
    <section className="settings-section">
      <h2>{t('settings.sections.general')}</h2>
      <Field
        id="settings-locale"
        label={t('settings.fields.locale.label')}
        locked={locked}
        problem={problem}
        {...ignored}
      >
        {(control) => (
          <select {...control} value={locale} onChange={(event) => void change(event.target.value)}>
            {/* Each language named in itself, so a user lost in the wrong one can find theirs. */}
            <option value="fr" lang="fr">
              Français
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        )}
      </Field>
    </section>
  );
}
