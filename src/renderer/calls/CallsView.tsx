import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRow } from '../../shared/domain/dialer';
import { formatCount, pluralForm } from '../leads/format';
import { CallFilters, focusFirstFilter } from './CallFilters';
import { CallsTable, editButtonId } from './CallsTable';
import {
  CALLS_PAGE_SIZE,
  callsHref,
  callsSearchOf,
  emptyCallsFilter,
  filterProblem,
  hasCallsFilters,
  paramsToFilter,
  toCallsQuery,
  type CallsFilter,
} from './calls-filter';
import { ExportCallsButton } from './ExportCallsButton';
import { focusAfterSave, type SavedOutcome } from './outcome-feedback';
import { stillListedText } from './outcome-form';
import { useCallsPage } from './useCallsPage';
import { useDispositions } from './useDispositions';
import { looseT } from '../dialer/translate';

export const callsTableId = 'calls-table';

/**
 * The call log: every call record, newest first, a page at a time, with the filters in the
 * address (so a lead's "all calls" link and a bookmark land on the same list).
 */
export function CallsView({ region }: { region: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // Read once: later changes of the address come from this screen itself.
  const [filter, setFilterState] = useState<CallsFilter>(() => paramsToFilter(callsSearchOf(window.location.hash)));
  const [page, setPage] = useState(0);
  const dispositions = useDispositions();
  const problem = filterProblem(filter);
  const query = useMemo(() => toCallsQuery(filter, page), [filter, page]);
  const key = JSON.stringify(query);
  const calls = useCallsPage(query, key);
  /** « Issue enregistrée. » after Appels › Qualifier, until another editor opens or the list changes. */
  const [outcomeStatus, setOutcomeStatus] = useState<string | null>(null);
  /** The save whose row the focus follows, until the list shows it (`saves` wakes the effect). */
  const followed = useRef<SavedOutcome | null>(null);
  const [saves, setSaves] = useState(0);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const setFilter = (next: CallsFilter) => {
    setFilterState(next);
    setPage(0);
    setOutcomeStatus(null);
  };

  // Once the list shows the save: the row's Qualifier button keeps the focus; when the save took
  // the row off the list (« À qualifier »), a neighbour's, or the message. Only if the focus went
  // to the page with the row: a seller who moved on keeps their place.
  useEffect(() => {
    if (!followed.current || calls.page === null) return;
    const step = focusAfterSave(followed.current, calls.page.items);
    if (!step.settled) return;
    followed.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const button = step.recordId ? document.getElementById(editButtonId(step.recordId)) : null;
    (button ?? statusRef.current)?.focus();
  }, [saves, calls.page]);

  useEffect(() => {
    const href = callsHref(filter);
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href);
  }, [filter]);

  const total = calls.page?.total ?? 0;
  const items = calls.page?.items ?? [];
  const pages = Math.max(1, Math.ceil(total / CALLS_PAGE_SIZE));
  // A refresh can shrink the list under the current page (dispositions changed elsewhere): step back.
  if (calls.page !== null && page > 0 && page >= pages) setPage(pages - 1);

  const filtered = hasCallsFilters(filter);
  const countText =
    calls.page === null
      ? t('calls.loading')
      : t(`calls.count.${pluralForm(total, locale)}`, { n: formatCount(total, locale) });

  return (
    <div className="calls" data-version={calls.version}>
      <CallFilters
        filter={filter}
        problem={problem}
        dispositions={dispositions}
        leadName={leadNameOf(items, filter.leadId)}
        onChange={setFilter}
      />
      <div className="calls-summary">
        <div>
          <p className="calls-count" aria-live="polite">
            {countText}
          </p>
          <p ref={statusRef} className="form-status calls-outcome-status" role="status" tabIndex={-1}>
            {outcomeStatus}
          </p>
        </div>
        <ExportCallsButton filter={filter} dispositions={dispositions} disabled={total === 0} />
      </div>

      {calls.error && (
        <p className="form-error" role="alert">
          {t('calls.loadFailed')} {t(`errors.${calls.error.code}`)}
        </p>
      )}

      {calls.page !== null && total === 0 ? (
        <div className="empty-state">
          <h2>{filtered ? t('calls.empty.noMatchTitle') : t('pages.calls.emptyTitle')}</h2>
          <p>{filtered ? t('calls.empty.noMatchBody') : t('pages.calls.emptyBody')}</p>
          {filtered && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setFilter({ ...emptyCallsFilter });
                focusFirstFilter();
              }}
            >
              {t('calls.filters.clear')}
            </button>
          )}
        </div>
      ) : (
        items.length > 0 && (
          <>
            <CallsTable
              id={callsTableId}
              rows={items}
              dispositions={dispositions}
              region={region}
              caption={t('calls.tableCaption')}
              onEdit={() => setOutcomeStatus(null)}
              onSaved={(saved) => {
                const still = saved.stillListed ? ` ${stillListedText(saved.stillListed, looseT(t))}` : '';
                setOutcomeStatus(`${t('calls.edit.saved')}${still}`);
                followed.current = saved;
                setSaves((n) => n + 1);
              }}
            />
            <Pager
              page={page}
              pages={pages}
              total={total}
              onPage={(next) => {
                setPage(next);
                setOutcomeStatus(null);
              }}
              locale={locale}
            />
          </>
        )
      )}
    </div>
  );
}

function leadNameOf(rows: readonly CallRow[], leadId: string): string | undefined {
  if (!leadId) return undefined;
  return rows.find((row) => row.leadId === leadId && row.leadName)?.leadName;
}

function Pager(props: { page: number; pages: number; total: number; locale: string; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const { page, pages, total, locale } = props;
  if (pages <= 1) return null;
  const first = page * CALLS_PAGE_SIZE + 1;
  const last = Math.min(total, first + CALLS_PAGE_SIZE - 1);
  return (
    <nav className="calls-pager" aria-label={t('calls.pager.label')}>
      <button type="button" className="button" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
        {t('calls.pager.previous')}
      </button>
      <span aria-live="polite">
        {t('calls.pager.range', {
          first: formatCount(first, locale),
          last: formatCount(last, locale),
          total: formatCount(total, locale),
        })}
      </span>
      <button type="button" className="button" disabled={page >= pages - 1} onClick={() => props.onPage(page + 1)}>
        {t('calls.pager.next')}
      </button>
    </nav>
  );
}
