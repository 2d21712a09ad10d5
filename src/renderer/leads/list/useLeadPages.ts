import { useCallback, useEffect, useRef, useState } from 'react';
import type { LeadQuery, LeadSummary } from '../../../shared/domain/lead-query';
import type { AppError } from '../../../shared/result';
import { useConnection } from '../../app/connection-context';
import { PAGE_SIZE, PageCache, pagesForRange } from '../page-cache';

/** One query's pages. A new query gets a new generation; answers for an older one are dropped. */
interface Generation {
  seq: number;
  query: LeadQuery;
  cache: PageCache<LeadSummary>;
}

export interface LeadPages {
  /** Rows in the list being shown, null before the first answer. */
  total: number | null;
  /** Bumps whenever rows arrive, so the list re-reads the cache. */
  version: number;
  /** Bumps when the shown list is a new query's (not a refresh): scroll to top. */
  resultSeq: number;
  error: AppError | null;
  /** The search text of the rows on screen (for tests and the bench: "has the new result landed?"). */
  shownText: string;
  row(index: number): LeadSummary | undefined;
  /** The visible rows changed: fetch the pages they need. */
  showRange(first: number, last: number): void;
}

/** Rows of margin fetched ahead of the visible range, so scrolling rarely meets an empty row. */
const AHEAD = 60;

export function useLeadPages(query: LeadQuery, key: string): LeadPages {
  const { client, onReconnected } = useConnection();
  const seq = useRef(0);
  const current = useRef<Generation | null>(null);
  const shown = useRef<Generation | null>(null);
  const range = useRef({ first: 0, last: 40 });
  const totalRef = useRef(0);
  const [state, setState] = useState({
    total: null as number | null,
    version: 0,
    shownText: '',
    resultSeq: 0,
    error: null as AppError | null,
  });

  const fetchPages = useCallback(
    (gen: Generation, pages: number[]) => {
      for (const page of gen.cache.wanted(pages)) {
        gen.cache.requested(page);
        void client
          .request('leads.search', { ...gen.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
          .then((result) => {
            if (current.current !== gen) return; // a newer query is on its way: this answer is stale
            if (!result.ok) {
              gen.cache.failed(page);
              setState((s) => ({ ...s, error: result.error }));
              return;
            }
            gen.cache.put(page, result.value.items, Math.floor(range.current.first / PAGE_SIZE));
            const fresh = shown.current !== gen;
            shown.current = gen;
            totalRef.current = result.value.total;
            if (fresh) range.current = { first: 0, last: 40 };
            setState((s) => ({
              total: result.value.total,
              version: s.version + 1,
              resultSeq: fresh ? s.resultSeq + 1 : s.resultSeq,
              error: null,
              shownText: gen.query.text ?? '',
            }));
          });
      }
    },
    [client],
  );

  // A new query: keep showing the old rows until the new first page is here (no flash of empty).
  // Asked at once, not debounced: an input's effects run in the keystroke's own task, so the
  // request leaves before the browser paints the typed letter; older answers are dropped above.
  useEffect(() => {
    const gen: Generation = { seq: ++seq.current, query, cache: new PageCache<LeadSummary>() };
    current.current = gen;
    fetchPages(gen, [0]);
    // `key` stands for `query`: a new object with the same content is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetchPages]);

  const refresh = useCallback(() => {
    const gen = current.current;
    if (!gen) return;
    gen.cache.invalidate();
    const { first, last } = range.current;
    fetchPages(gen, [0, ...pagesForRange(first - AHEAD, last + AHEAD, totalRef.current)]);
  }, [fetchPages]);

  // Someone changed leads (this window, another one, an import): refetch what is on screen, coalesced.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 80);
    };
    const off = client.on('leads.changed', later);
    const offReconnected = onReconnected(refresh);
    return () => {
      clearTimeout(timer);
      off();
      offReconnected();
    };
  }, [client, onReconnected, refresh]);

  const showRange = useCallback(
    (first: number, last: number) => {
      range.current = { first, last };
      const gen = current.current;
      if (!gen || shown.current !== gen || state.total === null) return;
      fetchPages(gen, pagesForRange(first - AHEAD, last + AHEAD, state.total));
    },
    [fetchPages, state.total],
  );

  const row = useCallback((index: number) => shown.current?.cache.get(index), []);

  return { ...state, row, showRange };
}
