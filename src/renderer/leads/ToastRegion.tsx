import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../app/connection-context';
import type { Toast } from './leads-context';
import { leadHref } from './leads-route';
import { navigate } from './useHash';

const MESSAGE_MS = 6_000;

/** Polite announcements, and the undo offer after a delete, which lasts exactly the server's undo window. */
export function ToastRegion({
  toast,
  onClose,
  onToast,
}: {
  toast: Toast | null;
  onClose: () => void;
  onToast: (toast: Toast) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!toast) return;
    const ms = toast.kind === 'deleted' ? Math.max(0, Date.parse(toast.expiresAt) - Date.now()) : MESSAGE_MS;
    const timer = setTimeout(onClose, ms);
    return () => clearTimeout(timer);
  }, [toast, onClose]);

  const undo = async (undoToken: string) => {
    setBusy(true);
    const result = await client.request('leads.undoDelete', { undoToken });
    setBusy(false);
    if (result.ok) {
      onToast({ kind: 'message', text: t('leads.toast.restored') });
      navigate(leadHref(result.value.id));
    } else onToast({ kind: 'message', text: t('leads.toast.undoFailed'), tone: 'error' });
  };

  return (
    <section className="toast-region" aria-label={t('leads.toast.region')}>
      <div aria-live="polite">
        {toast && (
          <div className={toast.kind === 'message' && toast.tone === 'error' ? 'toast toast-error' : 'toast'}>
            <span>{toast.kind === 'deleted' ? t('leads.toast.deleted') : toast.text}</span>
            {toast.kind === 'deleted' && (
              <button
                type="button"
                className="button button-primary"
                aria-label={t('leads.toast.undoLabel')}
                disabled={busy}
                onClick={() => void undo(toast.undoToken)}
              >
                {t('leads.toast.undo')}
              </button>
            )}
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t('leads.toast.dismiss')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
