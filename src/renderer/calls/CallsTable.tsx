import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRow } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';
import { displayPhone, formatDateTime } from '../leads/format';
import { leadHref } from '../leads/leads-route';
import { formatDuration } from '../phone/call-format';
import { QualityIndicator } from '../phone/QualityIndicator';
import { dispositionLabel, sipStatusKey, talkMs, withGrade } from './call-text';
import { OutcomeEditor, type OutcomeSaved } from './OutcomeEditor';
import type { SavedOutcome } from './outcome-feedback';

interface Props {
  id: string;
  rows: readonly CallRow[];
  dispositions: readonly Disposition[];
  region: string;
  caption: string;
  /** An editor opens (the last save's message no longer applies). */
  onEdit: () => void;
  /** Core has the outcome; the list refreshes on its own (`calls.changed`). */
  onSaved: (saved: SavedOutcome & OutcomeSaved) => void;
}

export const editButtonId = (recordId: string) => `call-edit-${recordId}`;

/** One page of calls: a real table (a page is at most 50 rows), one editor open at a time. */
export function CallsTable({ id, rows, dispositions, region, caption, onEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  /** The page's rows when the editor opened: where the call was if a save takes it off the list. */
  const [rowsBefore, setRowsBefore] = useState<readonly string[]>([]);
  const close = (recordId: string) => {
    setEditing(null);
    document.getElementById(editButtonId(recordId))?.focus();
  };
  return (
    <div className="calls-table-wrap">
      <table className="calls-table" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calls.columns.time')}</th>
            <th scope="col">{t('calls.columns.lead')}</th>
            <th scope="col">{t('calls.columns.number')}</th>
            <th scope="col">{t('calls.columns.direction')}</th>
            <th scope="col">{t('calls.columns.duration')}</th>
            <th scope="col">{t('calls.columns.status')}</th>
            <th scope="col">{t('calls.columns.disposition')}</th>
            <th scope="col">{t('calls.columns.quality')}</th>
            <th scope="col">{t('calls.columns.notes')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('calls.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.id}>
              <CallRowView
                row={row}
                dispositions={dispositions}
                region={region}
                editing={editing === row.id}
                onEdit={() => {
                  if (editing === row.id) {
                    setEditing(null);
                    return;
                  }
                  setEditing(row.id);
                  setRowsBefore(rows.map((r) => r.id));
                  onEdit();
                }}
              />
              {editing === row.id && (
                <tr className="calls-editor-row">
                  <td colSpan={10}>
                    <OutcomeEditor
                      row={row}
                      dispositions={dispositions}
                      region={region}
                      onCancel={() => close(row.id)}
                      onSaved={(saved) => {
                        close(row.id);
                        onSaved({ ...saved, recordId: row.id, rowsBefore });
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallRowView(props: {
  row: CallRow;
  dispositions: readonly Disposition[];
  region: string;
  editing: boolean;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { row, dispositions, region } = props;
  const locale = i18n.language;
  const when = formatDateTime(row.startedAt, locale);
  const talk = talkMs(row);
  const statusKey = sipStatusKey(row.sipStatus);
  const who = row.leadName || displayPhone(row.number, region);
  return (
    <tr className="calls-row" data-record-id={row.id} data-disposition={row.disposition ?? ''}>
      <td>
        <time dateTime={row.startedAt}>{when}</time>
      </td>
      <td>
        {row.leadId ? (
          <a href={leadHref(row.leadId)}>{row.leadName || t('leads.noName')}</a>
        ) : (
          <span className="note">{t('calls.noLead')}</span>
        )}
      </td>
      <td className="mono calls-number">{displayPhone(row.number, region)}</td>
      <td>{t(`calls.direction.${row.direction}`)}</td>
      <td>
        {talk === undefined ? (
          <span className="note">{t(row.interrupted ? 'calls.interrupted' : 'calls.notAnswered')}</span>
        ) : (
          <span aria-label={t('calls.talkTime', { duration: formatDuration(talk) })}>{formatDuration(talk)}</span>
        )}
      </td>
      <td>
        {row.sipStatus === undefined || !statusKey ? (
          <span className="note">{t(row.interrupted ? 'calls.interrupted' : 'calls.noStatus')}</span>
        ) : (
          <>
            <span className="mono">{row.sipStatus}</span> {t(statusKey)}
          </>
        )}
      </td>
      <td>
        {row.disposition ? (
          <>
            {dispositionLabel(dispositions, row.disposition, locale)}
            {row.dispositionBy === 'sip' && <span className="note"> {t('calls.auto')}</span>}
          </>
        ) : (
          <span className="note">{t('calls.undisposed')}</span>
        )}
      </td>
      <td>
        {row.quality ? (
          <QualityIndicator quality={withGrade(row.quality)} />
        ) : (
          <span className="note">{t('calls.noQuality')}</span>
        )}
      </td>
      <td className="calls-notes">
        {row.notes && (
          <span className="calls-notes-text" title={row.notes}>
            {row.notes}
          </span>
        )}
      </td>
      <td className="calls-action">
        <button
          type="button"
          id={editButtonId(row.id)}
          className="button button-quiet"
          aria-expanded={props.editing}
          aria-label={t('calls.edit.label', { who, when })}
          onClick={props.onEdit}
        >
          {t('calls.edit.button')}
        </button>
      </td>
    </tr>
  );
}
