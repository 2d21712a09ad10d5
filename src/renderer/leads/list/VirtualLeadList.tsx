import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { displayPhone, formatDateTime } from '../format';
import { isOverdue } from '../snooze';

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
  initialOffset: number;
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
export function VirtualLeadList(props: Props) {
  const { total, row, selected, onOpen, onSelect, onRange, scrollRef, region, locale } = props;
  const { t } = useTranslation();
  const sizer = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  // Known and fine here: the rows read the virtualizer during render, nothing memoises its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialOffset: props.initialOffset,
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

  useEffect(() => onRange(first, last), [first, last, onRange]);

  const firstResult = useRef(true);
  useEffect(() => {
    // The first answer may be the list we came back to: keep its scroll position.
    if (firstResult.current) {
      firstResult.current = false;
      return;
    }
    virtualizer.scrollToOffset(0);
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
              loadingText={t('leads.loadingRow')}
            />
          ))}
        </div>
      </div>
    </div>
  );
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
  loadingText: string;
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
  loadingText,
}: RowProps) {
  const { t } = useTranslation();
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
        <span className="lead-name">{loadingText}</span>
      </div>
    );
  }
  const name = lead.name || t('leads.noName');
  const when = formatDateTime(lead.nextCallbackAt, locale);
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
      <span className="lead-phone mono">{displayPhone(lead.phone, region)}</span>
      <span className="lead-city" title={lead.city}>
        {lead.city}
      </span>
      <span className="lead-vehicle" title={lead.vehicle}>
        {lead.vehicle}
      </span>
      <span className="lead-stage">
        <span className={`stage-badge stage-${lead.stage}`}>{t(`leads.stages.${lead.stage}`)}</span>
      </span>
      <span
        className={overdue ? 'lead-callback lead-overdue' : 'lead-callback'}
        // On a narrow list only the red date shows: the title keeps the word.
        title={overdue ? `${when} · ${t('leads.overdue')}` : undefined}
      >
        <span className="lead-callback-when">{when}</span>
        {overdue && <span className="overdue-tag"> · {t('leads.overdue')}</span>}
      </span>
    </div>
  );
});
