/**
 * Ask once, from a click: browsers ignore or quieten a permission prompt that no gesture started.
 * Electron grants it through the shell's permission handler, so this is a no-op there.
 */
export function requestNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}
