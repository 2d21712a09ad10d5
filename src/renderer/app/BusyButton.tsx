import type { ButtonHTMLAttributes } from 'react';

/**
 * A button whose action is running: marked busy (`aria-disabled`, the working look in app.css)
 * but never `disabled`, because a focused button that becomes disabled drops the keyboard focus
 * to the page. The caller ignores presses while `busy`.
 */
export function BusyButton({ busy, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return <button type="button" {...props} aria-disabled={busy || undefined} />;
}
