import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRow } from '../../../shared/domain/dialer';
import type { Lead, TimelineEntry } from '../../../shared/domain/lead';
import { callsHref, emptyCallsFilter } from '../../calls/calls-filter';
import { CallTimelineEntry } from '../../calls/CallTimelineEntry';
import { useDispositions } from '../../calls/useDispositions';
import { LEAD_CALLS_SHOWN, useLeadCalls } from '../../calls/useLeadCalls';
import { displayPhone, formatDateTime } from '../format';
import { useLeadsContext } from '../leads-context';
import { Section } from './ContactSection';
import { timelineText, type Translate } from './timeline-text';
import type { Mutate } from './useLead';
import { BusyButton } from '../../app/BusyButton';

export const noteInputId = 'lead-note';

/** The lead's own history and its calls (from the call log), newest first. */
type Item = { kind: 'entry'; at: string; entry: TimelineEntry } | { kind: 'call'; at: string; call: CallRow };

export function Timeline({ lead, mutate }: { lead: Lead; mutate: Mutate }) {
  const { t, i18n } = useTranslation();
  const calls = useLeadCalls(lead.id);
  const dispositions = useDispositions();
  const items: Item[] = [
    ...lead.timeline.map((entry): Item => ({ kind: 'entry', at: entry.at, entry })),
    ...calls.rows.map((call): Item => ({ kind: 'call', at: call.startedAt, call })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Section title={t('leads.detail.sections.timeline')} id="section-timeline" className="timeline-section">
      <NoteForm lead={lead} mutate={mutate} />
      {items.length === 0 ? (
        <p className="note">{t('leads.timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {items.map((item) =>
            item.kind === 'call' ? (
              <li key={`call-${item.call.id}`} className="timeline-entry timeline-call" data-record-id={item.call.id}>
                <time dateTime={item.at} className="timeline-at">
                  {formatDateTime(item.at, i18n.language)}
                </time>
                <div className="timeline-body">
                  <CallTimelineEntry row={item.call} dispositions={dispositions} />
                </div>
              </li>
            ) : (
              <li key={item.entry.id} className={`timeline-entry timeline-${item.entry.kind}`}>
                <time dateTime={item.at} className="timeline-at">
                  {formatDateTime(item.at, i18n.language)}
                </time>
                <div className="timeline-body">
                  <EntryText entry={item.entry} />
                  {item.entry.author && (
                    <span className="note"> — {t('leads.timeline.by', { author: item.entry.author })}</span>
                  )}
                </div>
              </li>
            ),
          )}
        </ol>
      )}
      {calls.total > 0 && (
        <p className="note">
          <a href={callsHref({ ...emptyCallsFilter, leadId: lead.id })}>
            {calls.total > LEAD_CALLS_SHOWN
              ? t('calls.timeline.allCallsMore', { n: calls.total })
              : t('calls.timeline.allCalls')}
          </a>
        </p>
      )}
    </Section>
  );
}

function EntryText({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const { region } = useLeadsContext();
  const line = timelineText(entry, {
    t: t as unknown as Translate,
    when: (iso) => formatDateTime(iso, i18n.language),
    phone: (e164) => displayPhone(e164, region),
  });
  return (
    <>
      {line.label !== undefined && <span className="visually-hidden">{line.label} </span>}
      {entry.kind === 'note' ? <span className="timeline-note">{line.text}</span> : line.text}
      {line.detail !== undefined && <span className="note"> ({line.detail})</span>}
    </>
  );
}

function NoteForm({ lead, mutate }: { lead: Lead; mutate: Mutate }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setStatus(null);
    if (text.trim() === '') {
      setProblem(t('leads.note.empty'));
      document.getElementById(noteInputId)?.focus();
      return;
    }
    setBusy(true);
    const result = await mutate('leads.addNote', { id: lead.id, text: text.trim() });
    setBusy(false);
    if (result.ok) {
      setText('');
      setProblem(null);
      setStatus(t('leads.note.added'));
    } else setProblem(t(`errors.${result.error.code}`));
  };

  return (
    <form className="note-form" onSubmit={(event) => void add(event)} noValidate>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={noteInputId}>{t('leads.note.label')}</label>
        <textarea
          id={noteInputId}
          rows={3}
          maxLength={10_000}
          value={text}
          aria-keyshortcuts="n"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'lead-note-error' : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          // Ctrl+Enter saves without leaving the keyboard.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void add();
          }}
        />
        {problem && (
          <p id="lead-note-error" className="field-error">
            {problem}
          </p>
        )}
      </div>
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary" busy={busy}>
          {t('leads.note.add')}
        </BusyButton>
        <span className="form-status" aria-live="polite">
          {status}
        </span>
      </div>
    </form>
  );
}
