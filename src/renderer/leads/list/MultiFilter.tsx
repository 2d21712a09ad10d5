import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { summariseChoice, toggleChoice } from './filter-choice';
import '../leads-controls.css';

interface Props<T extends string> {
  id: string;
  label: string;
  /** [value, shown label], in the order they are listed. */
  options: readonly (readonly [T, string])[];
  selected: readonly T[];
  onChange: (values: T[]) => void;
  /** What ticking several values means, when it is not obvious. */
  hint?: string;
}

/**
 * A disclosure button ("Étape : 2 sélectionnés") opening a short list of checkboxes. Ticking
 * applies at once; Escape, a click outside or tabbing away closes it. The checkboxes exist only
 * while it is open, so a long list of tags costs nothing while the seller searches.
 */
export function MultiFilter<T extends string>({ id, label, options, selected, onChange, hint }: Props<T>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const labelId = `${id}-label`;
  const panelId = `${id}-panel`;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    if (next && !event.currentTarget.contains(next)) setOpen(false);
  };

  const summary = summariseChoice(selected, options);
  const shown =
    summary.kind === 'any'
      ? t('leads.filters.any')
      : summary.kind === 'one'
        ? summary.label
        : t('leads.filters.selected', { n: summary.count });
  const order = options.map(([value]) => value);

  return (
    <div className="filter multi-filter" ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <span id={labelId} className="filter-label">
        {label}
      </span>
      <button
        ref={buttonRef}
        id={id}
        type="button"
        className={selected.length > 0 ? 'filter-toggle filter-active' : 'filter-toggle'}
        aria-labelledby={`${labelId} ${id}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="filter-value">{shown}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id={panelId} className="filter-panel">
          <legend className="visually-hidden">{label}</legend>
          {hint && <p className="field-hint">{hint}</p>}
          {options.length === 0 ? (
            <p className="note">{t('leads.filters.noChoice')}</p>
          ) : (
            <ul className="plain-list filter-choices">
              {options.map(([value, text]) => (
                <li key={value}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={selected.includes(value)}
                      onChange={(event) => onChange(toggleChoice(selected, value, event.target.checked, order))}
                    />
                    {text}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {selected.length > 0 && (
            <button
              type="button"
              className="button button-quiet filter-clear"
              aria-label={t('leads.filters.clearOneLabel', { filter: label })}
              onClick={() => {
                onChange([]);
                buttonRef.current?.focus();
              }}
            >
              {t('leads.filters.clearOne')}
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
