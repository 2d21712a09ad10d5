import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { stages, type Stage } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { displayPhone, formatDateTime } from '../format';
import { isOverdue } from '../snooze';
import { restoredScrollTop } from './restore-scroll';

/** Must match `.lead-row { height }` in app.css: rows have one fixed height, nothing is measured. */
export const ROW_HEIGHT = 44;

export const rowId = (index: number) => `lead-row-${index}`;

interface Props {
  total: number;
  version: number;
  row: (index: number) => LeadSummary | undefined;
  selected: number;
  onOpen: (index: number) => void;
  onSelect: (index: number) => void;
  onRange: (first: number, last: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Coming back from a lead: the scroll position and row to show again once the rows are in. */
  restore: { offset: number; selected: number } | null;
  /** Scroll to this row when it changes (keyboard selection). */
  scrollToIndex: number;
  /** Changes when a new query's rows are shown: back to the top. */
  resultSeq: number;
  label: string;
  region: string;
  locale: string;
}

/**
 * 100k rows: only the visible ones (plus a few) exist in the DOM. The CSP forbids style
 * attributes, so heights and offsets are written through the CSSOM (allowed) in a layout effect;
 * the rows themselves sit in normal flow inside one translated window.
 */
export const VirtualLeadList = memo(function VirtualLeadList(props: Props) {
  const { total, row, selected, onOpen, onSelect, onRange, scrollRef, region, locale } = props;
  const { t } = useTranslation();
  // Translated once per language, not per row and render: each i18next lookup costs tens of µs.
  const labels = useMemo<RowLabels>(
    () => ({
      loading: t('leads.loadingRow'),
      noName: t('leads.noName'),
      overdue: t('leads.overdue'),
      stages: Object.fromEntries(stages.map((stage) => [stage, t(`leads.stages.${stage}`)])) as Record<Stage, string>,
    }),
    [t],
  );
  const sizer = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    initialOffset: props.restore?.offset ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const offset = items[0]?.start ?? 0;
  const height = virtualizer.getTotalSize();

  useLayoutEffect(() => {
    if (sizer.current) sizer.current.style.height = `${height}px`;
    if (windowRef.current) windowRef.current.style.transform = `translateY(${offset}px)`;
  }, [height, offset]);

  // The virtualizer draws the rows at the remembered offset, but the element itself starts at the
  // top, and cannot scroll before the rows give it a height: scroll it once they are here (after
  // the sizer's height above), with the opened row in view and focused for the keyboard.
  const restore = useRef(props.restore);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const pending = restore.current;
    if (!pending || total === 0 || !element) return;
    restore.current = null;
    element.scrollTop = restoredScrollTop({
      ...pending,
      total,
      rowHeight: ROW_HEIGHT,
      viewportHeight: element.clientHeight,
    });
    element.focus({ preventScroll: true });
  }, [total, scrollRef]);

  useEffect(() => onRange(first, last), [first, last, onRange]);

  const firstResult = useRef(true);
  useEffect(() => {
    // The first answer may be the list we came back to: keep its scroll position. (The list is
    // drawn before any answer, with resultSeq 0: that is not the first answer.)
    if (props.resultSeq === 0) return;
    if (firstResult.current) {
      firstResult.current = false;
      return;
    }
    // Asking the virtualizer to scroll reads the element's scroll height, a forced layout in the
    // middle of a keystroke's render: only when the list is not already at the top.
    if ((virtualizer.scrollOffset ?? 0) !== 0) virtualizer.scrollToOffset(0);
  }, [props.resultSeq, virtualizer]);

  useEffect(() => {
    if (props.scrollToIndex >= 0) virtualizer.scrollToIndex(props.scrollToIndex, { align: 'auto' });
  }, [props.scrollToIndex, virtualizer]);

  const now = new Date();
  return (
    <div
      ref={scrollRef}
      className="lead-scroller"
      role="listbox"
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={selected >= first && selected <= last ? rowId(selected) : undefined}
      onKeyDown={props.onKeyDown}
    >
      <div ref={sizer} className="lead-sizer">
        <div ref={windowRef} className="lead-window">
          {items.map((item) => (
            <LeadRow
              key={item.index}
              index={item.index}
              total={total}
              lead={row(item.index)}
              selected={item.index === selected}
              overdue={isOverdue(row(item.index)?.nextCallbackAt, now)}
              onOpen={onOpen}
              onSelect={onSelect}
              region={region}
              locale={locale}
              labels={labels}
            />
          ))}
        </div>
      </div>
    </div>
  );
});

interface RowLabels {
  loading: string;
  noName: string;
  overdue: string;
  stages: Record<Stage, string>;
}

interface RowProps {
  index: number;
  total: number;
  lead: LeadSummary | undefined;
  selected: boolean;
  overdue: boolean;
  onOpen: (index: number) => void;
  onSelect: (index: number) => void;
  region: string;
  locale: string;
  labels: RowLabels;
}

const LeadRow = memo(function LeadRow({
  index,
  total,
  lead,
  selected,
  overdue,
  onOpen,
  onSelect,
  region,
  locale,
  labels,
}: RowProps) {
  const common = {
    id: rowId(index),
    role: 'option' as const,
    'aria-selected': selected,
    'aria-setsize': total,
    'aria-posinset': index + 1,
  };
  if (!lead) {
    return (
      <div {...common} className="lead-row lead-row-loading" aria-busy="true">
        <span className="lead-name">{labels.loading}</span>
      </div>
    );
  }
  const name = lead.name || labels.noName;
  const when = formatDateTime(lead.nextCallbackAt, locale);
  // A French number fits its column; a long foreign one may not: the title keeps it whole.
  const phone = displayPhone(lead.phone, region);
  return (
    <div
      {...common}
      className={selected ? 'lead-row lead-row-selected' : 'lead-row'}
      onClick={() => onOpen(index)}
      onMouseDown={() => onSelect(index)}
    >
      {/* Name, city and vehicle may end in an ellipsis on a small screen: the title shows them whole. */}
      <span className="lead-name" title={name}>
        {name}
      </span>
      <span className="lead-phone mono" title={phone}>
        {phone}
      </span>
      <span className="lead-city" title={lead.city}>
        {lead.city}
      </span>
      <span className="lead-vehicle" title={lead.vehicle}>
        {lead.vehicle}
      </span>
      <span className="lead-stage">
        <span className={`stage-badge stage-${lead.stage}`}>{labels.stages[lead.stage]}</span>
      </span>
      <span
        className={overdue ? 'lead-callback lead-overdue' : 'lead-callback'}
        // On a narrow list only the red date shows: the title keeps the word.
        title={overdue ? `${when} · ${labels.overdue}` : undefined}
      >
        <span className="lead-callback-when">{when}</span>
        {overdue && <span className="overdue-tag"> · {labels.overdue}</span>}
      </span>
    </div>
  );
});
