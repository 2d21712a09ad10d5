// "Test connection": a short-lived UserAgent that connects and registers once, then leaves,
// and says exactly what failed. It never touches the engine's own registration.
import { Registerer, TransportState, UserAgent } from 'sip.js';
import { validateAccount } from './account';
import { connectionTestFailure, sipStatusText } from './sip-status';
import type { AccountConfig, ConnectionTestResult } from './types';

export interface ConnectionTestDeps {
  now: () => number;
  timeoutMs: number;
  connectionTimeoutSec: number;
  log: (level: 'debug' | 'log' | 'warn' | 'error', message: string) => void;
  diagnoseTransport?: (server: string) => Promise<'tls' | 'unreachable' | 'ok'>;
}

export async function testConnection(account: AccountConfig, deps: ConnectionTestDeps): Promise<ConnectionTestResult> {
  const problems = validateAccount(account);
  if (problems.length) {
    return { ok: false, reason: 'invalid-config', detail: problems.map((p) => p.message).join('; ') };
  }
  const t0 = deps.now();
  const ua = new UserAgent({
    uri: UserAgent.makeURI(account.uri)!,
    authorizationUsername: account.authorizationUsername,
    authorizationPassword: account.password,
    displayName: account.displayName,
    userAgentString: 'Relance (connection test)',
    gracefulShutdown: false,
    logBuiltinEnabled: false,
    logConfiguration: false,
    logLevel: 'error',
    logConnector: (level, category, _label, content) => deps.log(level, `[test ${category}] ${content}`),
    ...(account.outboundProxy ? { preloadedRouteSet: [`<${account.outboundProxy};lr>`] } : {}),
    transportOptions: { server: account.server, connectionTimeout: deps.connectionTimeoutSec, traceSip: false },
  });
  let registerer: Registerer | undefined;
  let registered = false;

  const attempt = async (): Promise<ConnectionTestResult> => {
    try {
      await ua.start();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const waited = deps.now() - t0;
      if (waited >= deps.connectionTimeoutSec * 1000 - 50) {
        return {
          ok: false,
          reason: 'timeout',
          detail: `no WebSocket connection to ${account.server} within ${deps.connectionTimeoutSec} s`,
        };
      }
      if (account.server.startsWith('wss:') && deps.diagnoseTransport) {
        const verdict = await deps.diagnoseTransport(account.server).catch(() => 'unreachable' as const);
        if (verdict === 'tls') {
          return {
            ok: false,
            reason: 'tls',
            detail: `the secure connection to ${account.server} failed (certificate or TLS setup)`,
          };
        }
      }
      return { ok: false, reason: 'unreachable', detail: `cannot connect to ${account.server} (${message})` };
    }
    registerer = new Registerer(ua, { expires: 60 });
    const r = registerer;
    return new Promise<ConnectionTestResult>((resolve) => {
      ua.transport.stateChange.addListener((s) => {
        if (s === TransportState.Disconnected && !registered) {
          resolve({
            ok: false,
            reason: 'unreachable',
            detail: `${account.server} closed the connection before answering`,
          });
        }
      });
      r.register({
        requestDelegate: {
          onAccept: () => {
            registered = true;
            resolve({ ok: true, ms: Math.round(deps.now() - t0) });
          },
          onReject: (res) => {
            const code = res.message.statusCode ?? 0;
            const text = sipStatusText(code, res.message.reasonPhrase);
            const reason = connectionTestFailure(code);
            const words: Record<string, string> = {
              unauthorized: `the server refused the user name or password (${text})`,
              'not-found': `the server does not know this SIP user (${text})`,
              timeout: `the server did not answer the registration (${text})`,
              rejected: `the server refused the registration (${text})`,
            };
            resolve({ ok: false, reason, code, detail: words[reason] ?? text });
          },
        },
      }).catch((e: unknown) =>
        resolve({
          ok: false,
          reason: 'unreachable',
          detail: `REGISTER could not be sent: ${e instanceof Error ? e.message : String(e)}`,
        }),
      );
    });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      attempt(),
      new Promise<ConnectionTestResult>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({
              ok: false,
              reason: 'timeout',
              detail: `no answer from ${account.server} within ${deps.timeoutMs} ms`,
            }),
          deps.timeoutMs,
        );
      }),
    ]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Leave no binding behind: the real phone may register the same address.
    if (registered && registerer && ua.isConnected()) {
      await Promise.race([registerer.unregister().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    }
    await ua.stop().catch(() => undefined);
  }
}
