import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { trackConnection } from './app/connection';
import { ConnectionContext } from './app/connection-context';
import { connect } from './client';
import { createI18n } from './i18n/i18n';
import { chooseLocale, localeFromSearch } from './i18n/locale';
import { createLogForwarder } from './log-forwarder';
import { createPhoneEngine } from './phone/engine';
import './styles/app.css';

// Connect first: in the web host this takes the token out of the URL hash before routing reads it.
const connection = trackConnection(connect());
const initialLocale = chooseLocale(localeFromSearch(window.location.search), undefined);
document.documentElement.lang = initialLocale;
const i18n = createI18n(initialLocale);
// The phone's warnings and uncaught page errors go to core's sip.log / renderer.log.
const logs = createLogForwarder((entries) => connection.client.request('logs.append', { entries }));
window.addEventListener('error', (event) => logs.push('renderer', 'error', String(event.error ?? event.message)));
window.addEventListener('unhandledrejection', (event) => logs.push('renderer', 'error', String(event.reason)));
// One softphone per window, created before React so StrictMode's double effects cannot make two.
const phone = createPhoneEngine({
  log: (level, message) => {
    if (level === 'warn' || level === 'error') console[level](message);
    logs.push('sip', level, message);
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ConnectionContext value={connection}>
        <App phone={phone} />
      </ConnectionContext>
    </I18nextProvider>
  </StrictMode>,
);
