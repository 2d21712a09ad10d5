import type { Settings } from '../../shared/domain/settings';
import type { AccountConfig } from './engine/types';

export type AccountProblem = 'no-server' | 'no-uri' | 'no-password';

/**
 * The engine's account from the effective settings and the stored password. A missing piece is
 * named so the panel can say what to fill in rather than failing to register.
 */
export function accountFromSettings(
  values: Settings,
  password: string | null,
): { ok: true; account: AccountConfig } | { ok: false; problem: AccountProblem } {
  const { sip, ice, phone } = values;
  if (!sip.server) return { ok: false, problem: 'no-server' };
  if (!sip.uri) return { ok: false, problem: 'no-uri' };
  if (password === null) return { ok: false, problem: 'no-password' };
  return {
    ok: true,
    account: {
      server: sip.server,
      uri: sip.uri,
      // Most PBXs authenticate as the URI's user part when no separate username is given.
      authorizationUsername: sip.authorizationUsername || userPart(sip.uri),
      password,
      displayName: sip.displayName,
      outboundProxy: sip.outboundProxy,
      dtmfMethod: sip.dtmfMethod,
      iceServers: ice.servers.map((server) => ({ ...server })),
      iceGatheringTimeoutMs: ice.gatheringTimeoutMs,
      maxLines: phone.maxLines,
      declineCode: phone.declineCode,
      defaultRegion: values.defaultRegion,
    },
  };
}

const userPart = (uri: string): string => uri.replace(/^sips?:/, '').split('@')[0] ?? '';

/** Same account, so no re-registration is needed (settings.changed fires for unrelated edits too). */
export function sameAccount(a: AccountConfig | null, b: AccountConfig | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
