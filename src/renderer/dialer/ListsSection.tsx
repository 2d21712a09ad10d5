import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackListSummary } from '../../shared/domain/callback-list';
import { useClient } from '../app/connection-context';
import { ConfirmDialog } from '../leads/detail/ConfirmDialog';
import { focusAfterCreate, type FocusNow } from './list-focus';
import { LIST_MESSAGE_MS, nextListMessage, noListMessage } from './list-message';
import { NewListForm } from './NewListForm';

/** The callback lists with their progress; make, open, refresh and delete them. */
export function ListsSection({
  lists,
  selectedId,
  sessionListId,
  onOpen,
  onCreated,
  onDeleted,
  onMessage,
}: {
  lists: readonly CallbackListSummary[];
  selectedId: string | null;
  /** The list a running session works (it cannot be deleted). */
  sessionListId: string | undefined;
  onOpen: (id: string) => void;
  onCreated: (list: CallbackListSummary) => void;
  onDeleted: (id: string) => void;
  /** Shows (or, with '', clears) the page's confirmation line; this section decides how long it stays. */
  onMessage: (text: string) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CallbackListSummary | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [message, dispatch] = useReducer(nextListMessage, noListMessage);
  const say = (text: string) => dispatch({ kind: 'said', text });
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  /** The list just created, until focus is on its row (see list-focus.ts). */
  const focusCreated = useRef<string | null>(null);
  /** The form was cancelled: focus goes back to "Nouvelle liste". */
  const focusNewButton = useRef(false);

  useEffect(() => {
    if (creating) return;
    if (focusNewButton.current) {
      focusNewButton.current = false;
      newButtonRef.current?.focus();
    }
    const created = focusCreated.current;
    if (created === null) return;
    const active = document.activeElement;
    const now: FocusNow =
      active === null || active === document.body ? 'body' : active === headingRef.current ? 'heading' : 'elsewhere';
    const { focus, done } = focusAfterCreate(
      created,
      lists.map((l) => l.id),
      now,
    );
    if (focus === 'heading') headingRef.current?.focus();
    if (focus === 'row')
      sectionRef.current?.querySelector<HTMLElement>(`tr[data-list-id="${CSS.escape(created)}"] th`)?.focus();
    if (done) focusCreated.current = null;
  }, [creating, lists]);

  useEffect(() => onMessage(message.text), [message, onMessage]);
  useEffect(() => {
    if (message.text === '') return;
    const timer = setTimeout(() => dispatch({ kind: 'expired', seq: message.seq }), LIST_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  // A started session is the seller's next step: the list's confirmation is old news.
  useEffect(() => {
    if (sessionListId !== undefined) dispatch({ kind: 'session-started' });
  }, [sessionListId]);

  const refresh = async (list: CallbackListSummary) => {
    setRowError(null);
    const result = await client.request('callbackLists.refresh', { id: list.id });
    if (result.ok) say(t('dialer.lists.refreshed', { name: list.name }));
    else setRowError({ id: list.id, text: t(`errors.${result.error.code}`) });
  };

  const remove = async () => {
    if (!deleting) return;
    setDeleteError(null);
    const result = await client.request('callbackLists.delete', { id: deleting.id });
    if (!result.ok) {
      setDeleteError(
        result.error.code === 'conflict' ? t('dialer.lists.deleteInSession') : t(`errors.${result.error.code}`),
      );
      return;
    }
    onDeleted(deleting.id);
    say(t('dialer.lists.deleted', { name: deleting.name }));
    setDeleting(null);
  };

  return (
    <section className="dialer-lists" aria-labelledby="dialer-lists-title" ref={sectionRef}>
      <div className="dialer-section-head">
        <h2 id="dialer-lists-title" ref={headingRef} tabIndex={-1}>
          {t('dialer.lists.title')}
        </h2>
        {!creating && (
          <button
            ref={newButtonRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              setCreating(true);
              dispatch({ kind: 'new-list-opened' });
            }}
          >
            {t('dialer.lists.new')}
          </button>
        )}
      </div>
      {creating && (
        <NewListForm
          onCreated={(list) => {
            focusCreated.current = list.id;
            setCreating(false);
            onCreated(list);
            say(t('dialer.newList.created', { name: list.name }));
          }}
          onCancel={() => {
            focusNewButton.current = true;
            setCreating(false);
          }}
        />
      )}
      {lists.length === 0 ? (
        !creating && (
          <div className="empty-state">
            <h3>{t('pages.dialer.emptyTitle')}</h3>
            <p>{t('dialer.lists.empty')}</p>
          </div>
        )
      ) : (
        <div className="table-scroll">
          <table className="issues dialer-list-table">
            <caption className="visually-hidden">{t('dialer.lists.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dialer.lists.columns.name')}</th>
                <th scope="col">{t('dialer.lists.columns.who')}</th>
                <th scope="col">{t('dialer.lists.columns.progress')}</th>
                <th scope="col">{t('dialer.lists.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => {
                const p = list.progress;
                const worked = p.done + p.skipped;
                const inSession = list.id === sessionListId;
                return (
                  <tr
                    key={list.id}
                    className={list.id === selectedId ? 'dialer-list-selected' : undefined}
                    data-list-id={list.id}
                  >
                    <th scope="row" tabIndex={-1}>
                      {list.name}
                      <span className="note dialer-list-source">{t(`dialer.lists.source.${list.source.kind}`)}</span>
                      {inSession && <span className="badge badge-ok">{t('dialer.lists.inSession')}</span>}
                    </th>
                    <td>{t(`dialer.lists.scope.${list.scope}`)}</td>
                    <td className="dialer-progress" data-to-call={p.toCall} data-done={p.done} data-skipped={p.skipped}>
                      <progress
                        max={Math.max(1, p.total)}
                        value={worked}
                        aria-label={t('dialer.lists.progressLabel', { done: worked, total: p.total })}
                      />
                      <span>
                        {t('dialer.lists.progress', { toCall: p.toCall, done: p.done, skipped: p.skipped })}
                        {p.calling > 0 && ` · ${t('dialer.lists.calling', { n: p.calling })}`}
                      </span>
                    </td>
                    <td>
                      <div className="form-actions compact">
                        <button
                          type="button"
                          className="button"
                          aria-label={t('dialer.lists.openLabel', { name: list.name })}
                          onClick={() => onOpen(list.id)}
                        >
                          {t('dialer.lists.open')}
                        </button>
                        {list.source.kind === 'filter' && (
                          <button
                            type="button"
                            className="button button-quiet"
                            aria-label={t('dialer.lists.refreshLabel', { name: list.name })}
                            onClick={() => void refresh(list)}
                          >
                            {t('dialer.lists.refresh')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-danger-quiet"
                          aria-label={t('dialer.lists.deleteLabel', { name: list.name })}
                          disabled={inSession}
                          onClick={() => setDeleting(list)}
                        >
                          {t('dialer.lists.delete')}
                        </button>
                      </div>
                      {rowError?.id === list.id && (
                        <p className="form-error" role="alert">
                          {rowError.text}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('dialer.lists.deleteTitle')}
        body={t('dialer.lists.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('dialer.lists.deleteConfirm')}
        cancelLabel={t('dialer.lists.cancel')}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => {
          setDeleting(null);
          setDeleteError(null);
        }}
      />
    </section>
  );
}
