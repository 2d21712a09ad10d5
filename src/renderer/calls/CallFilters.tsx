import { useTranslation } from 'react-i18next';
import type { Disposition } from '../../shared/domain/disposition';
import { emptyCallsFilter, hasCallsFilters, UNDISPOSED, type CallsFilter, type FilterProblem } from './calls-filter';
import { dispositionLabel } from './call-text';

interface Props {
  filter: CallsFilter;
  problem: FilterProblem | undefined;
  dispositions: readonly Disposition[];
  /** The name of the lead the list is narrowed to, once a row shows it. */
  leadName: string | undefined;
  onChange: (filter: CallsFilter) => void;
}

export const firstFilterId = 'calls-from';

/**
 * The buttons that clear a filter disappear with it: the focus goes to the first filter rather
 * than to the page, so a keyboard user goes on from the filters.
 */
export function focusFirstFilter(): void {
  document.getElementById(firstFilterId)?.focus();
}

/** Date range, direction, disposition and lead: each change applies at once. */
export function CallFilters({ filter, problem, dispositions, leadName, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof CallsFilter>(field: K, value: CallsFilter[K]) => onChange({ ...filter, [field]: value });
  const clearing = (next: CallsFilter) => {
    onChange(next);
    focusFirstFilter();
  };
  return (
    <div className="calls-filters" role="group" aria-label={t('calls.filters.label')}>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={firstFilterId}>{t('calls.filters.from')}</label>
        <input
          id={firstFilterId}
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(event) => set('from', event.target.value)}
        />
      </div>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor="calls-to">{t('calls.filters.to')}</label>
        <input
          id="calls-to"
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'calls-dates-error' : undefined}
          onChange={(event) => set('to', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="calls-direction">{t('calls.filters.direction')}</label>
        <select
          id="calls-direction"
          value={filter.direction}
          onChange={(event) => set('direction', event.target.value as CallsFilter['direction'])}
        >
          <option value="">{t('calls.filters.anyDirection')}</option>
          <option value="outbound">{t('calls.direction.outbound')}</option>
          <option value="inbound">{t('calls.direction.inbound')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="calls-disposition">{t('calls.filters.disposition')}</label>
        <select
          id="calls-disposition"
          value={filter.disposition}
          onChange={(event) => set('disposition', event.target.value)}
        >
          <option value="">{t('calls.filters.anyDisposition')}</option>
          <option value={UNDISPOSED}>{t('calls.filters.undisposed')}</option>
          {dispositions.map((d) => (
            <option key={d.id} value={d.id}>
              {dispositionLabel(dispositions, d.id, i18n.language)}
            </option>
          ))}
          {filter.disposition &&
            filter.disposition !== UNDISPOSED &&
            !dispositions.some((d) => d.id === filter.disposition) && (
              <option value={filter.disposition}>{filter.disposition}</option>
            )}
        </select>
      </div>
      {filter.leadId && (
        <div className="calls-lead-filter">
          <span>{t('calls.filters.lead', { name: leadName ?? t('calls.filters.thisLead') })}</span>
          <button type="button" className="button button-quiet" onClick={() => clearing({ ...filter, leadId: '' })}>
            {t('calls.filters.allLeads')}
          </button>
        </div>
      )}
      {hasCallsFilters(filter) && (
        <button type="button" className="button button-quiet" onClick={() => clearing({ ...emptyCallsFilter })}>
          {t('calls.filters.clear')}
        </button>
      )}
      {problem && (
        <p id="calls-dates-error" className="field-error calls-filters-problem" role="alert">
          {t(`calls.filters.problem.${problem}`)}
        </p>
      )}
    </div>
  );
}
