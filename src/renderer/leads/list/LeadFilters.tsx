import { useTranslation } from 'react-i18next';
import { stages, type Stage } from '../../../shared/domain/lead';
import { callbackDues, consentStates, sorts, type ListQuery } from '../query-params';
import type { Facets } from './useFacets';

interface Props {
  query: ListQuery;
  facets: Facets | null;
  onChange: (update: (query: ListQuery) => ListQuery) => void;
}

/** One select per filter: a seller narrows by one value at a time; the URL can carry more. */
export function LeadFilters({ query, facets, onChange }: Props) {
  const { t } = useTranslation();
  const any = t('leads.filters.any');
  const single = (values: string[]) => (values.length === 1 ? values[0]! : '');
  const list = (value: string) => (value === '' ? [] : [value]);
  const withCurrent = (options: string[] | undefined, current: string[]) => [
    ...new Set([...(options ?? []), ...current]),
  ];

  return (
    <div className="lead-filters" role="group" aria-label={t('leads.filters.label')}>
      <Select
        id="filter-stage"
        label={t('leads.filters.stage')}
        value={single(query.stages)}
        onChange={(v) => onChange((q) => ({ ...q, stages: list(v) as Stage[] }))}
        options={[['', any], ...stages.map((s) => [s, t(`leads.stages.${s}`)] as const)]}
      />
      <Select
        id="filter-owner"
        label={t('leads.filters.owner')}
        value={single(query.owners)}
        onChange={(v) => onChange((q) => ({ ...q, owners: list(v) }))}
        options={[['', any], ...withCurrent(facets?.owners, query.owners).map((o) => [o, o] as const)]}
      />
      <Select
        id="filter-source"
        label={t('leads.filters.source')}
        value={single(query.sources)}
        onChange={(v) => onChange((q) => ({ ...q, sources: list(v) }))}
        options={[['', any], ...withCurrent(facets?.sources, query.sources).map((o) => [o, o] as const)]}
      />
      <Select
        id="filter-tag"
        label={t('leads.filters.tag')}
        value={single(query.tags)}
        onChange={(v) => onChange((q) => ({ ...q, tags: list(v) }))}
        options={[['', any], ...withCurrent(facets?.tags, query.tags).map((o) => [o, o] as const)]}
      />
      <Select
        id="filter-due"
        label={t('leads.filters.callbackDue')}
        value={query.callbackDue ?? ''}
        onChange={(v) => onChange((q) => ({ ...q, callbackDue: v === '' ? null : (v as ListQuery['callbackDue']) }))}
        options={[['', any], ...callbackDues.map((d) => [d, t(`leads.due.${d}`)] as const)]}
      />
      <Select
        id="filter-consent"
        label={t('leads.filters.consent')}
        value={query.consent ?? ''}
        onChange={(v) => onChange((q) => ({ ...q, consent: v === '' ? null : (v as ListQuery['consent']) }))}
        options={[['', any], ...consentStates.map((c) => [c, t(`leads.consentState.${c}`)] as const)]}
      />
      <Select
        id="filter-sort"
        label={t('leads.filters.sort')}
        value={query.sort}
        onChange={(v) => onChange((q) => ({ ...q, sort: v as ListQuery['sort'] }))}
        options={sorts.map((s) => [s, t(`leads.sort.${s}`)] as const)}
      />
      <Select
        id="filter-direction"
        label={t('leads.filters.direction')}
        value={query.direction}
        onChange={(v) => onChange((q) => ({ ...q, direction: v === 'desc' ? 'desc' : 'asc' }))}
        options={[
          ['asc', t('leads.direction.asc')],
          ['desc', t('leads.direction.desc')],
        ]}
      />
    </div>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
