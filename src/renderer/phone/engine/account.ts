// Checks an AccountConfig before sip.js sees it, with one clear message per bad field.
import type { AccountConfig } from './types';

export interface AccountProblem {
  field: keyof AccountConfig;
  message: string;
}

const SIP_URI = /^sips?:([^@\s]+)@([^@\s;>]+)$/i;

export function validateAccount(account: AccountConfig): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const bad = (field: keyof AccountConfig, message: string) => problems.push({ field, message });

  let server: URL | undefined;
  try {
    server = new URL(account.server);
  } catch {
    bad('server', `server must be a ws:// or wss:// URL, got "${account.server}"`);
  }
  if (server && server.protocol !== 'ws:' && server.protocol !== 'wss:') {
    bad('server', `server must use ws:// or wss://, got ${server.protocol.replace(':', '')}://`);
  }
  if (!SIP_URI.test(account.uri)) bad('uri', `SIP URI must look like sip:user@domain, got "${account.uri}"`);
  if (!account.authorizationUsername.trim()) bad('authorizationUsername', 'authorization user is empty');
  if (!account.password) bad('password', 'password is empty');
  if (account.outboundProxy && !/^sips?:\S+$/i.test(account.outboundProxy)) {
    bad('outboundProxy', `outbound proxy must be a SIP URI like sip:proxy.example.com, got "${account.outboundProxy}"`);
  }
  if (account.dtmfMethod !== 'rfc4733' && account.dtmfMethod !== 'info') {
    bad('dtmfMethod', `DTMF method must be rfc4733 or info, got "${String(account.dtmfMethod)}"`);
  }
  for (const [i, s] of account.iceServers.entries()) {
    const urls = Array.isArray(s.urls) ? s.urls : [s.urls];
    for (const u of urls) {
      if (!/^(stuns?|turns?):\S+$/i.test(u)) bad('iceServers', `ICE server ${i + 1}: "${u}" is not a stun:/turn: URL`);
    }
  }
  if (!Number.isFinite(account.iceGatheringTimeoutMs) || account.iceGatheringTimeoutMs < 50) {
    bad('iceGatheringTimeoutMs', `ICE gathering timeout must be at least 50 ms, got ${account.iceGatheringTimeoutMs}`);
  }
  if (!Number.isInteger(account.maxLines) || account.maxLines < 1) {
    bad('maxLines', `lines must be a whole number of at least 1, got ${account.maxLines}`);
  }
  if (account.declineCode !== 486 && account.declineCode !== 603) {
    bad('declineCode', `decline code must be 486 or 603, got ${String(account.declineCode)}`);
  }
  if (!/^[A-Z]{2}$/.test(account.defaultRegion)) {
    bad('defaultRegion', `region must be a two-letter country code like FR, got "${account.defaultRegion}"`);
  }
  return problems;
}

/** The host part of the account's SIP URI, used as the domain for numbers and extensions. */
export function accountDomain(uri: string): string {
  return SIP_URI.exec(uri)?.[2] ?? '';
}
