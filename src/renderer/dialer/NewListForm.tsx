import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackListSummary, EntryScope } from '../../shared/domain/callback-list';
import { stages } from '../../shared/domain/lead';
import { useClient } from '../app/connection-context';
import { formatCount, formatDate, pluralForm } from '../leads/format';
import { listMemory } from '../leads/leads-context';
import { useFacets } from '../leads/list/useFacets';
import { callbackDues, consentStates, type ListQuery } from '../leads/query-params';
import {
  emptyFilterForm,
  filterFormFromLeadsSearch,
  filterKey,
  toCallbackListFilter,
  type ListFilterForm,
} from './list-filter';

type Count = { key: string; count: number } | { key: string; error: string } | null;

/**
 * A callback list from a saved filter: the lead list's filters (taken from the Leads page when it
 * has one), "last contact before", and who may call back. Shows how many leads it selects first.
 */
export function NewListForm({
  onCreated,
  onCancel,
}: {
  onCreated: (list: CallbackListSummary) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const facets = useFacets();
  const locale = i18n.language;
  const fromLeads = listMemory.search !== '';
  const [form, setForm] = useState<ListFilterForm>(() =>
    fromLeads ? filterFormFromLeadsSearch(listMemory.search) : emptyFilterForm,
  );
  const [name, setName] = useState(() =>
    t('dialer.newList.defaultName', { date: formatDate(new Date().toISOString(), locale) }),
  );
  const [scope, setScope] = useState<EntryScope>('anyone');
  const [count, setCount] = useState<Count>(null);
  const [problem, setProblem] = useState<{ field: 'name' | 'lastContactBefore' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const ids = {
    title: `${id}-title`,
    name: `${id}-name`,
    text: `${id}-text`,
    owner: `${id}-owner`,
    source: `${id}-source`,
    tag: `${id}-tag`,
    due: `${id}-due`,
    consent: `${id}-consent`,
    before: `${id}-before`,
    count: `${id}-count`,
  };

  useEffect(() => nameRef.current?.focus(), []);

  const check = useMemo(() => toCallbackListFilter(form), [form]);
  const key = check.ok ? filterKey(check.filter) : '';

  // How many leads the filter selects, asked once the seller stops changing it.
  useEffect(() => {
    if (!check.ok) return;
    let live = true;
    const timer = setTimeout(() => {
      void client.request('callbackLists.count', { filter: check.filter }).then((result) => {
        if (!live) return;
        setCount(result.ok ? { key, count: result.value.count } : { key, error: t(`errors.${result.error.code}`) });
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const setQuery = (change: (q: ListQuery) => ListQuery) => setForm((f) => ({ ...f, query: change(f.query) }));
  const single = (values: string[]) => (values.length === 1 ? values[0]! : '');
  const list = (value: string) => (value === '' ? [] : [value]);
  const withCurrent = (options: string[] | undefined, current: string[]) => [
    ...new Set([...(options ?? []), ...current]),
  ];
  const any = t('leads.filters.any');

  const current = count && count.key === key ? count : null;
  const matches = current && 'count' in current ? current.count : null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem({ field: 'name', text: t('dialer.newList.nameRequired') });
      nameRef.current?.focus();
      return;
    }
    if (!check.ok) {
      setProblem({ field: 'lastContactBefore', text: t('dialer.newList.badDate') });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await client.request('callbackLists.create', {
      name: name.trim(),
      source: { kind: 'filter', filter: check.filter },
      scope,
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else
      setProblem({
        field: 'form',
        text:
          result.error.code === 'invalid-request' && result.error.field === 'source.filter'
            ? t('dialer.newList.none')
            : t(`errors.${result.error.code}`),
      });
  };

  const select = (
    selectId: string,
    label: string,
    value: string,
    options: readonly (readonly [string, string])[],
    onChange: (value: string) => void,
  ) => (
    <div className="filter">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="form-card dialer-new-list" aria-labelledby={ids.title} onSubmit={(e) => void create(e)} noValidate>
      <h3 id={ids.title}>{t('dialer.newList.title')}</h3>
      <div className={problem?.field === 'name' ? 'field field-invalid' : 'field'}>
        <label htmlFor={ids.name}>{t('dialer.newList.name')}</label>
        <input
          ref={nameRef}
          id={ids.name}
          value={name}
          maxLength={100}
          aria-invalid={problem?.field === 'name' ? true : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {problem?.field === 'name' && <p className="field-error">{problem.text}</p>}
      </div>

      <fieldset className="dialer-filter">
        <legend>{t('dialer.newList.filters')}</legend>
        {fromLeads && <p className="field-hint">{t('dialer.newList.fromLeads')}</p>}
        <div className="field">
          <label htmlFor={ids.text}>{t('dialer.newList.text')}</label>
          <input
            id={ids.text}
            type="search"
            maxLength={200}
            value={form.query.text}
            onChange={(event) => setQuery((q) => ({ ...q, text: event.target.value }))}
          />
        </div>
        <fieldset className="dialer-stages">
          <legend>{t('dialer.newList.stages')}</legend>
          {stages.map((stage) => (
            <label key={stage} className="checkbox">
              <input
                type="checkbox"
                checked={form.query.stages.includes(stage)}
                onChange={(event) =>
                  setQuery((q) => ({
                    ...q,
                    stages: event.target.checked ? [...q.stages, stage] : q.stages.filter((s) => s !== stage),
                  }))
                }
              />
              {t(`leads.stages.${stage}`)}
            </label>
          ))}
          {form.query.stages.length === 0 && (
            <label className="checkbox dialer-include-closed">
              <input
                type="checkbox"
                checked={form.includeClosed}
                onChange={(event) => setForm((f) => ({ ...f, includeClosed: event.target.checked }))}
              />
              {t('dialer.newList.includeClosed')}
            </label>
          )}
        </fieldset>
        <div className="lead-filters">
          {select(
            ids.owner,
            t('leads.filters.owner'),
            single(form.query.owners),
            [['', any], ...withCurrent(facets?.owners, form.query.owners).map((o) => [o, o] as const)],
            (v) => setQuery((q) => ({ ...q, owners: list(v) })),
          )}
          {select(
            ids.source,
            t('leads.filters.source'),
            single(form.query.sources),
            [['', any], ...withCurrent(facets?.sources, form.query.sources).map((o) => [o, o] as const)],
            (v) => setQuery((q) => ({ ...q, sources: list(v) })),
          )}
          {select(
            ids.tag,
            t('leads.filters.tag'),
            single(form.query.tags),
            [['', any], ...withCurrent(facets?.tags, form.query.tags).map((o) => [o, o] as const)],
            (v) => setQuery((q) => ({ ...q, tags: list(v) })),
          )}
          {select(
            ids.due,
            t('leads.filters.callbackDue'),
            form.query.callbackDue ?? '',
            [['', any], ...callbackDues.map((d) => [d, t(`leads.due.${d}`)] as const)],
            (v) => setQuery((q) => ({ ...q, callbackDue: v === '' ? null : (v as ListQuery['callbackDue']) })),
          )}
          {select(
            ids.consent,
            t('leads.filters.consent'),
            form.query.consent ?? '',
            [['', any], ...consentStates.map((c) => [c, t(`leads.consentState.${c}`)] as const)],
            (v) => setQuery((q) => ({ ...q, consent: v === '' ? null : (v as ListQuery['consent']) })),
          )}
          <div className={problem?.field === 'lastContactBefore' || !check.ok ? 'filter field-invalid' : 'filter'}>
            <label htmlFor={ids.before}>{t('dialer.newList.lastContactBefore')}</label>
            <input
              id={ids.before}
              type="date"
              value={form.lastContactBefore}
              aria-describedby={`${ids.before}-hint`}
              aria-invalid={!check.ok ? true : undefined}
              onChange={(event) => setForm((f) => ({ ...f, lastContactBefore: event.target.value }))}
            />
          </div>
        </div>
        <p id={`${ids.before}-hint`} className="field-hint">
          {!check.ok ? t('dialer.newList.badDate') : t('dialer.newList.lastContactHint')}
        </p>
        <div className="form-actions compact">
          {fromLeads && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setForm(filterFormFromLeadsSearch(listMemory.search))}
            >
              {t('dialer.newList.useLeadsFilter')}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={() => setForm(emptyFilterForm)}>
            {t('dialer.newList.clearFilters')}
          </button>
        </div>
      </fieldset>

      <fieldset className="dialer-scope">
        <legend>{t('dialer.newList.scope')}</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-scope`} checked={scope === 'owner'} onChange={() => setScope('owner')} />
          {t('dialer.newList.scopeOwner')}
        </label>
        <label className="checkbox">
          <input type="radio" name={`${id}-scope`} checked={scope === 'anyone'} onChange={() => setScope('anyone')} />
          {t('dialer.newList.scopeAnyone')}
        </label>
        <p className="field-hint">{t('dialer.newList.scopeHint')}</p>
      </fieldset>

      <p id={ids.count} className="dialer-count" aria-live="polite" data-count={matches ?? ''}>
        {!check.ok
          ? ''
          : !current
            ? t('dialer.newList.counting')
            : 'error' in current
              ? current.error
              : current.count === 0
                ? t('dialer.newList.none')
                : t(`dialer.newList.count.${pluralForm(current.count, locale)}`, {
                    n: formatCount(current.count, locale),
                  })}
      </p>
      {problem?.field === 'form' && (
        <p className="form-error" role="alert">
          {problem.text}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || matches === 0}
          aria-describedby={ids.count}
        >
          {busy ? t('dialer.newList.creating') : t('dialer.newList.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('dialer.newList.cancel')}
        </button>
      </div>
    </form>
  );
}
