import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { stages, type Stage } from '../../../shared/domain/lead';
import { callbackDues, consentStates, filtersKey, sorts, type ListQuery } from '../query-params';
import { withSelected } from './filter-choice';
import { MultiFilter } from './MultiFilter';
import type { Facets } from './useFacets';

interface Props {
  query: ListQuery;
  facets: Facets | null;
  onChange: (update: (query: ListQuery) => ListQuery) => void;
}

/**
 * Stage, owner, source and tag take several values (a lead matches any of them); callback due,
 * consent and sort take one.
 */
export const LeadFilters = memo(
  LeadFiltersAll,
  (before, after) =>
    before.facets === after.facets &&
    before.onChange === after.onChange &&
    filtersKey(before.query) === filtersKey(after.query),
);

function LeadFiltersAll({ query, facets, onChange }: Props) {
  const { t } = useTranslation();
  const any = t('leads.filters.any');
  const same = (values: string[]) => values.map((v) => [v, v] as const);

  return (
    <div className="lead-filters" role="group" aria-label={t('leads.filters.label')}>
      <MultiFilter<Stage>
        id="filter-stage"
        label={t('leads.filters.stage')}
        selected={query.stages}
        onChange={(values) => onChange((q) => ({ ...q, stages: values }))}
        options={stages.map((s) => [s, t(`leads.stages.${s}`)] as const)}
      />
      <MultiFilter
        id="filter-owner"
        label={t('leads.filters.owner')}
        selected={query.owners}
        onChange={(values) => onChange((q) => ({ ...q, owners: values }))}
        options={same(withSelected(facets?.owners, query.owners))}
      />
      <MultiFilter
        id="filter-source"
        label={t('leads.filters.source')}
        selected={query.sources}
        onChange={(values) => onChange((q) => ({ ...q, sources: values }))}
        options={same(withSelected(facets?.sources, query.sources))}
      />
      <MultiFilter
        id="filter-tag"
        label={t('leads.filters.tag')}
        hint={t('leads.filters.tagHint')}
        selected={query.tags}
        onChange={(values) => onChange((q) => ({ ...q, tags: values }))}
        options={same(withSelected(facets?.tags, query.tags))}
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
