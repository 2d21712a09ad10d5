import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSettings } from '../../shared/domain/settings';
import { ListEntries } from '../dialer/ListEntries';
import { ListsSection } from '../dialer/ListsSection';
import { SessionPanel } from '../dialer/SessionPanel';
import { sessionRunning } from '../dialer/session-view';
import { StartSession } from '../dialer/StartSession';
import { useCallbackLists, useDialerView, useDispositions } from '../dialer/hooks';
import { useSettingsView } from '../settings/useSettingsView';

/** `#/dialer`: callback lists, and the dialer session a seller works from them. */
export function DialerPage() {
  const { t } = useTranslation();
  const [settings] = useSettingsView();
  const values = settings.status === 'ready' ? settings.view.values : undefined;
  const region = values?.defaultRegion ?? defaultSettings.defaultRegion;
  const timings = values?.dialer ?? defaultSettings.dialer;
  const { view, error: viewError, run } = useDialerView();
  const { lists, error: listsError } = useCallbackLists();
  const { dispositions } = useDispositions();
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const running = view !== null && sessionRunning(view);
  const sessionListId = running ? view.listId : undefined;
  const listName = (id: string | undefined) => lists?.find((l) => l.id === id)?.name;
  const shownList = selected !== null && lists?.some((l) => l.id === selected) ? selected : null;

  return (
    <div className="dialer">
      <p className="note dialer-intro">{t('dialer.intro')}</p>
      {(viewError || listsError) && (
        <p className="form-error" role="alert">
          {t('dialer.loadFailed')} {t(`errors.${(viewError ?? listsError)!.code}`)}
        </p>
      )}
      {view && view.state !== 'idle' && (
        <SessionPanel
          view={view}
          listName={listName(view.listId)}
          region={region}
          previewSeconds={timings.previewSeconds}
          dispositions={dispositions}
          run={run}
        />
      )}
      {view && !running && lists && (
        <StartSession
          lists={lists}
          listId={shownList ?? view.listId ?? null}
          onListChange={setSelected}
          previewSeconds={timings.previewSeconds}
          wrapUpSeconds={timings.wrapUpSeconds}
          run={run}
        />
      )}
      {/* List actions say what they did here; not role=status (the session's state line is). */}
      <p className="form-status dialer-message" aria-live="polite">
        {message}
      </p>
      {lists && (
        <ListsSection
          lists={lists}
          selectedId={shownList}
          sessionListId={sessionListId}
          onOpen={setSelected}
          onCreated={(list) => setSelected(list.id)}
          onDeleted={(id) => setSelected((current) => (current === id ? null : current))}
          onMessage={setMessage}
        />
      )}
      {shownList && (
        <ListEntries
          key={shownList}
          id={shownList}
          region={region}
          dispositions={dispositions}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}
