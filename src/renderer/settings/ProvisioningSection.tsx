import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../shared/domain/settings';

/** Where managed settings came from and what in them could not be applied, so IT can fix the file. */
export function ProvisioningSection({ provisioning }: { provisioning: SettingsView['provisioning'] }) {
  const { t } = useTranslation();
  const { sources, issues } = provisioning;
  if (sources.length === 0 && issues.length === 0) return null;
  return (
    <section className="settings-section">
      <h2>{t('settings.sections.provisioning')}</h2>
      {sources.length > 0 && (
        <>
          <p>{t('settings.provisioning.sources')}</p>
          <ul className="plain-list">
            {sources.map((source) => (
              <li key={source}>
                <code>{source}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {issues.length > 0 && (
        <>
          <h3>{t('settings.provisioning.issuesHeading')}</h3>
          <p>{t('settings.provisioning.issuesIntro')}</p>
          <table className="issues">
            <thead>
              <tr>
                <th scope="col">{t('settings.provisioning.source')}</th>
                <th scope="col">{t('settings.provisioning.field')}</th>
                <th scope="col">{t('settings.provisioning.message')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, index) => (
                <tr key={index}>
                  <td>
                    <code>{issue.source}</code>
                  </td>
                  <td>
                    <code>{issue.field}</code>
                  </td>
                  <td lang="en">{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
