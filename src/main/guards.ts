import { dialog, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import type { Locale } from '../shared/domain/settings';
import { isSafeExternalUrl } from '../shared/external-url';
import type { UrlCheck } from './origin';

/** Hands a vetted link to the OS browser or mail client; anything else is dropped. */
export function openExternalIfSafe(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  shell.openExternal(url).catch(() => {
    // No browser registered, or the user cancelled: nothing the page can act on.
  });
  return true;
}

/**
 * The app is a single page: it never leaves its origin, opens no window and hosts no
 * <webview>. Applied to every WebContents (from `web-contents-created`), not just ours.
 */
export function guardNavigation(contents: WebContents, isAppUrl: UrlCheck): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain <a href="https://…"> click still reaches the user's browser.
    openExternalIfSafe(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
}

/** The question, in the words of the page's own "Abandonner les modifications ?" dialog. */
const unloadQuestion: Record<Locale, { message: string; detail: string; leave: string; stay: string }> = {
  fr: {
    message: 'Abandonner les modifications ?',
    detail:
      "Ce que vous avez saisi n'est pas enregistré : il sera perdu si la page est rechargée ou la fenêtre fermée.",
    leave: 'Abandonner les modifications',
    stay: 'Continuer la saisie',
  },
  en: {
    message: 'Discard your changes?',
    detail: 'What you typed is not saved: it will be lost if the page reloads or the window closes.',
    leave: 'Discard the changes',
    stay: 'Keep editing',
  },
};

/**
 * A form with unsaved changes cancels `beforeunload`; Electron then shows nothing and silently
 * keeps the page (no reload, no close) unless the shell asks. The question is asynchronous: a
 * synchronous box would stop this process, and core with it (the dialer's timers, the journal,
 * the data folder's lock heartbeat), for as long as it stays open. So the unload is kept, and
 * redone once the seller chooses to discard; staying (the default, and Esc) keeps what was typed.
 */
export function confirmUnload(window: BrowserWindow, locale: () => Locale): void {
  const contents = window.webContents;
  let closing = false;
  let discarding = false;
  // 'close' comes before the page's beforeunload: it tells a close from a reload.
  window.on('close', () => {
    if (!discarding) closing = true;
  });
  // The page that loads after a discard starts with nothing to confirm.
  contents.on('did-finish-load', () => (discarding = false));
  contents.on('will-prevent-unload', (event) => {
    if (discarding) {
      event.preventDefault(); // asked already: Electron's way of letting the unload go on
      return;
    }
    const wasClosing = closing;
    closing = false;
    const words = unloadQuestion[locale()] ?? unloadQuestion.fr;
    void dialog
      .showMessageBox(window, {
        type: 'question',
        title: 'Relance',
        message: words.message,
        detail: words.detail,
        buttons: [words.leave, words.stay],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        if (response !== 0 || window.isDestroyed()) return;
        discarding = true;
        if (wasClosing) window.close();
        else contents.reload();
      });
  });
}

/** Everything the softphone needs from the browser: microphone (and camera if asked), notifications, output-device choice. */
const grantable = new Set<string>(['media', 'notifications', 'speaker-selection']);
const grantableMedia = new Set<string>(['audio', 'video']);

export interface PermissionQuery {
  permission: string;
  /** Every origin/URL the request is attributed to; all must be the app's. */
  origins: (string | undefined)[];
  isMainFrame: boolean;
  mediaTypes?: readonly string[] | undefined;
}

export function isPermissionGranted(query: PermissionQuery, isAppUrl: UrlCheck): boolean {
  if (!grantable.has(query.permission) || !query.isMainFrame) return false;
  const origins = query.origins.filter((origin) => origin !== undefined && origin !== '');
  if (origins.length === 0 || !origins.every((origin) => isAppUrl(origin))) return false;
  if (query.permission === 'media') return (query.mediaTypes ?? []).every((type) => grantableMedia.has(type));
  return true;
}

/** Grants the few permissions above to the app's own origin and denies everything else, requests and checks alike. */
export function applyPermissionPolicy(session: Session, isAppUrl: UrlCheck): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details || 'securityOrigin' in details ? details : undefined;
    callback(
      isPermissionGranted(
        {
          permission,
          origins: [details.requestingUrl, media?.securityOrigin],
          isMainFrame: details.isMainFrame,
          mediaTypes: media?.mediaTypes,
        },
        isAppUrl,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(
      {
        permission,
        origins: [requestingOrigin, details.securityOrigin],
        // Checks come from the main frame or from a same-origin frame of ours; the origin test above is what matters.
        isMainFrame: true,
        // 'unknown' is what Chromium asks when it only wants to know whether any device may be listed.
        mediaTypes: details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : undefined,
      },
      isAppUrl,
    ),
  );
}
