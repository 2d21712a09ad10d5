import type { DialerView } from '../../shared/domain/dialer';
import { computerZone, zoneSuffix } from '../../shared/i18n/rules-text';
import { formatCount, pluralForm } from '../leads/format';
import type { Translate } from './translate';

/** A session is running (not idle, not stopped): its panel leads the page. */
export const sessionRunning = (view: DialerView): boolean => view.state !== 'idle' && view.state !== 'stopped';

export interface SessionControls {
  callNow: boolean;
  skip: boolean;
  pause: boolean;
  resume: boolean;
  stop: boolean;
}

/**
 * The buttons that make sense now, as core's machine (src/core/dialer/machine.ts) accepts them:
 * during a call or its wrap-up, pause and stop take effect once the call is done (`then`), and
 * resume cancels a pause asked for that way.
 */
export function sessionControls(view: DialerView): SessionControls {
  const none: SessionControls = { callNow: false, skip: false, pause: false, resume: false, stop: false };
  const then = view.then ?? 'next';
  switch (view.state) {
    case 'idle':
    case 'stopped':
      return none;
    case 'choosing':
      return { ...none, pause: true, stop: true };
    case 'preview':
      return { callNow: true, skip: true, pause: true, resume: false, stop: true };
    case 'paused':
    case 'interrupted':
      return { ...none, resume: true, stop: true };
    case 'dialing':
    case 'ringing':
    case 'connected':
    case 'wrap-up':
      return { ...none, pause: then === 'next', resume: then === 'pause', stop: then !== 'stop' };
  }
}

/**
 * "27/11/2026 10:00" in `zone`, and " (Europe/Paris)" after it when that is not the computer's
 * zone (`here`): the list's leads come back on the calling rules' clock, not the seller's.
 */
export function formatSessionTime(iso: string, locale: string, zone: string, here: string = computerZone()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(time);
  return `${text}${zoneSuffix({ zone, here })}`;
}

/**
 * The one sentence the status line says (and screen readers announce) for the session's state.
 * `zone`: the dealership's, in which the session's end says when the list has leads again.
 */
export function stateText(
  view: DialerView,
  t: Translate,
  dispositionLabel: (id: string) => string,
  locale: string,
  zone: string = computerZone(),
  here: string = computerZone(),
): string {
  const name = view.current ? view.current.name || view.current.number : '';
  switch (view.state) {
    case 'idle':
      return t('dialer.session.state.idle');
    case 'choosing':
      return t('dialer.session.state.choosing');
    case 'preview':
    case 'dialing':
    case 'ringing':
    case 'connected':
      return t(`dialer.session.state.${view.state}`, { name });
    case 'wrap-up':
      if (view.autoDisposition)
        return t('dialer.session.state.wrapUpAuto', { name, disposition: dispositionLabel(view.autoDisposition) });
      if (view.disposition === 'saving') return t('dialer.session.state.wrapUpSaving', { name });
      if (view.disposition === 'saved') return t('dialer.session.state.wrapUpSaved', { name });
      return t('dialer.session.state.wrapUp', { name });
    case 'paused':
      return t(view.pauseReason === 'phone' ? 'dialer.session.state.pausedPhone' : 'dialer.session.state.paused');
    case 'stopped': {
      if (view.stopReason !== 'list-done') return t('dialer.session.state.stopped');
      // At night or after every retry: say when the list has someone to call again.
      const done = view.comesBack
        ? t(`dialer.session.state.listDoneUntil.${pluralForm(view.comesBack.count, locale)}`, {
            n: formatCount(view.comesBack.count, locale),
            at: formatSessionTime(view.comesBack.at, locale, zone, here),
          })
        : t('dialer.session.state.listDone');
      // Leads left that only their owners may call: why "nobody" while the list still has some.
      const reserved = view.reservedForOthers ?? 0;
      if (reserved <= 0) return done;
      const others = t(`dialer.session.state.reservedForOthers.${pluralForm(reserved, locale)}`, {
        n: formatCount(reserved, locale),
      });
      return `${done} ${others}`;
    }
    case 'interrupted':
      return view.current ? t('dialer.session.state.interruptedCall', { name }) : t('dialer.session.state.interrupted');
  }
}
