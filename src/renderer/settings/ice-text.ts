import type { z } from 'zod';
import type { IceServerSchema } from '../../shared/domain/settings';

export type IceServer = z.infer<typeof IceServerSchema>;

/** Same cap as IceSettingsSchema: more servers only slow gathering down. */
export const maxIceServers = 10;

export type IceTextProblem = 'bad-url' | 'turn-needs-credentials' | 'too-many';
export type IceTextResult = { ok: true; servers: IceServer[] } | { ok: false; problem: IceTextProblem; line: number };

const iceUrl = /^(stuns?|turns?):\S+$/i;
const isTurn = (url: string) => /^turns?:/i.test(url);

/**
 * One server per line: its URL(s) separated by spaces, then optional `username=…` and
 * `credential=…` for TURN. Kept as text so a seller's admin can paste a list as-is.
 */
export function iceServersToText(servers: readonly IceServer[]): string {
  return servers
    .map((server) => {
      const parts = typeof server.urls === 'string' ? [server.urls] : [...server.urls];
      if (server.username !== undefined) parts.push(`username=${server.username}`);
      if (server.credential !== undefined) parts.push(`credential=${server.credential}`);
      return parts.join(' ');
    })
    .join('\n');
}

export function parseIceText(text: string): IceTextResult {
  const servers: IceServer[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const tokens = raw.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const urls: string[] = [];
    let username: string | undefined;
    let credential: string | undefined;
    for (const token of tokens) {
      if (token.startsWith('username=')) username = token.slice('username='.length);
      else if (token.startsWith('credential=')) credential = token.slice('credential='.length);
      else if (iceUrl.test(token)) urls.push(token);
      else return { ok: false, problem: 'bad-url', line };
    }
    if (urls.length === 0) return { ok: false, problem: 'bad-url', line };
    // The browser refuses a TURN server without both, and the whole call setup fails with it.
    if (urls.some(isTurn) && (!username || !credential)) return { ok: false, problem: 'turn-needs-credentials', line };
    if (servers.length === maxIceServers) return { ok: false, problem: 'too-many', line };
    const server: IceServer = { urls: urls.length === 1 ? urls[0]! : urls };
    if (username !== undefined) server.username = username;
    if (credential !== undefined) server.credential = credential;
    servers.push(server);
  }
  return { ok: true, servers };
}
