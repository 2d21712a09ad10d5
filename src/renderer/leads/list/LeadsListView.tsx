import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/connection-context';
import { formatCount, pluralForm } from '../format';
import { forgetListPosition, listMemory, useLeadsContext } from '../leads-context';
import { leadHref, leadsImportHref, leadsListHref, leadsNewHref } from '../leads-route';
import {
  emptyQuery,
  hasFilters,
  paramsToQuery,
  queryKey,
  queryToParams,
  toLeadQuery,
  type ListQuery,
} from '../query-params';
import { isEditableTarget, listShortcut, moveSelection } from '../shortcuts';
import { navigate } from '../useHash';
import { ExportControl } from './ExportControl';
import { LeadFilters } from './LeadFilters';
import { useFacets } from './useFacets';
import { useLeadPages } from './useLeadPages';
import { restorePointFor } from './restore-scroll';
import { ROW_HEIGHT, VirtualLeadList } from './VirtualLeadList';

export const searchInputId = 'lead-search';
const listId = 'lead-list';

export function LeadsListView({ search }: { search: string }) {
  const { t, i18n } = useTranslation();
  const { region } = useLeadsContext();
  // Coming back from a lead opened in this list: its scroll position and row.
  const [restorePoint] = useState(() => restorePointFor(listMemory, search));
  const restoring = restorePoint !== null;
  // Used once: a later visit (through the menu, say) brings back the search, not that row.
  useEffect(forgetListPosition, []);
  const [query, setQuery] = useState<ListQuery>(() => paramsToQuery(search));
  const key = queryKey(query);
  const leadQuery = useMemo(() => toLeadQuery(query), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const pages = useLeadPages(leadQuery, key);
  const facets = useFacets();
  const [selected, setSelected] = useState(() => restorePoint?.selected ?? -1);
  const [scrollTarget, setScrollTarget] = useState(-1);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const total = pages.total ?? 0;
  const locale = i18n.language;

  // The search box leads: focus it on arrival (unless coming back to a row the user had picked).
  useEffect(() => {
    if (!restoring) searchRef.current?.focus();
  }, [restoring]);

  // Keep the address in step (replaceState: typing must not fill the history).
  useEffect(() => {
    const params = queryToParams(query);
    listMemory.search = params;
    const href = leadsListHref(params);
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  // A new result list (or the first rows in an empty store): the first row is the one Enter opens.
  const firstResult = useRef(true);
  const hasRows = total > 0;
  useEffect(() => {
    if (pages.resultSeq === 0) return;
    if (firstResult.current && restoring) {
      firstResult.current = false;
      return;
    }
    firstResult.current = false;
    setSelected(hasRows ? 0 : -1);
  }, [pages.resultSeq, hasRows]); // eslint-disable-line react-hooks/exhaustive-deps

  const rowAt = pages.row;
  const open = useCallback(
    (index: number) => {
      const lead = rowAt(index);
      if (!lead) return;
      listMemory.offset = scrollRef.current?.scrollTop ?? 0;
      listMemory.selected = index;
      navigate(leadHref(lead.id));
    },
    [rowAt],
  );

  const act = (action: ReturnType<typeof listShortcut>): boolean => {
    if (!action) return false;
    if (action === 'focus-search') {
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (action === 'open') {
      if (total > 0) open(Math.max(0, selected));
    } else {
      const visibleRows = Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1;
      const next = moveSelection(action, selected, total, visibleRows);
      setSelected(next);
      setScrollTarget(next);
    }
    return true;
  };

  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  });

  const onSearchKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (act(listShortcut(event, 'search'))) event.preventDefault();
  };
  // Stable, so the memoised list is not redrawn by a keystroke in the search box.
  const onListKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (actRef.current(listShortcut(event, 'list'))) event.preventDefault();
  }, []);

  // `/` and Ctrl+K from anywhere on the page.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target === searchRef.current || target === scrollRef.current) return; // handled locally
      // Focus on nothing (after the button that had it went away) still drives the list.
      const where = isEditableTarget(target) ? 'editing' : target === document.body ? 'list' : 'other';
      if (actRef.current(listShortcut(event, where))) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const storeEmpty = facets?.total === 0 && (pages.total ?? 0) === 0;
  const noMatch = !storeEmpty && pages.total === 0;
  const countText =
    pages.total === null
      ? t('leads.loading')
      : t(`leads.count.${pluralForm(total, locale)}`, { n: formatCount(total, locale) });

  return (
    <div className="leads" data-shown-text={pages.shownText} data-version={pages.version}>
      <div className="leads-toolbar">
        <div className="search-field">
          <input
            ref={searchRef}
            id={searchInputId}
            type="search"
            className="search-input"
            aria-label={t('leads.searchLabel')}
            aria-describedby="lead-search-hint"
            aria-controls={listId}
            aria-keyshortcuts="/ Control+K"
            placeholder={t('leads.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={query.text}
            onChange={(event) => setQuery((q) => ({ ...q, text: event.target.value }))}
            onKeyDown={onSearchKeyDown}
          />
          <p id="lead-search-hint" className="field-hint">
            {t('leads.shortcutsHint')}
          </p>
        </div>
        <div className="toolbar-actions">
          <a className="button button-primary" href={leadsNewHref}>
            {t('leads.newLead')}
          </a>
          <a className="button" href={leadsImportHref}>
            {t('leads.importFile')}
          </a>
        </div>
      </div>

      <LeadFilters query={query} facets={facets} onChange={setQuery} />

      <div className="leads-summary">
        {/* A live region but not role=status: the header's connection status stays the page's one status. */}
        <p className="leads-count" aria-live="polite">
          {countText}
        </p>
        <ExportControl query={leadQuery} disabled={total === 0} />
      </div>

      {pages.error && (
        <p className="form-error" role="alert">
          {t('leads.loadFailed')} {t(`errors.${pages.error.code}`)}
        </p>
      )}

      {storeEmpty ? (
        <EmptyStore onLoaded={() => searchRef.current?.focus()} />
      ) : noMatch ? (
        <div className="empty-state">
          <h2>{t('leads.empty.noMatchTitle')}</h2>
          <p>{t('leads.empty.noMatchBody')}</p>
          {hasFilters(query) && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setQuery({ ...emptyQuery });
                // This button goes away with the empty state: the search box takes the focus.
                searchRef.current?.focus();
              }}
            >
              {t('leads.filters.clear')}
            </button>
          )}
        </div>
      ) : (
        <div className="lead-table" id={listId}>
          <div className="lead-row lead-head" aria-hidden="true">
            <span>{t('leads.columns.name')}</span>
            <span>{t('leads.columns.phone')}</span>
            <span>{t('leads.columns.city')}</span>
            <span>{t('leads.columns.vehicle')}</span>
            <span>{t('leads.columns.stage')}</span>
            <span>{t('leads.columns.callback')}</span>
          </div>
          <VirtualLeadList
            total={total}
            version={pages.version}
            row={pages.row}
            selected={selected}
            onOpen={open}
            onSelect={setSelected}
            onRange={pages.showRange}
            onKeyDown={onListKeyDown}
            scrollRef={scrollRef}
            restore={restorePoint}
            scrollToIndex={scrollTarget}
            resultSeq={pages.resultSeq}
            label={t('leads.listLabel')}
            region={region}
            locale={locale}
          />
        </div>
      )}
    </div>
  );
}

function EmptyStore({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    const result = await client.request('leads.loadSample', { count: 200 });
    setBusy(false);
    // The list fills itself from `leads.changed`.
    if (!result.ok) setError(t(`errors.${result.error.code}`));
    // This button is about to go away with the empty state: hand focus to the search box.
    else onLoaded();
  };
  return (
    <div className="empty-state">
      <h2>{t('leads.empty.title')}</h2>
      <p>{t('leads.empty.body')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void load()}>
          {t('leads.empty.loadSample')}
        </button>
        <a className="button" href={leadsImportHref}>
          {t('leads.importFile')}
        </a>
        {busy && <span className="form-status">{t('leads.empty.loadingSample')}</span>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
