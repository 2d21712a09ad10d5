/**
 * Text redaction for everything that reaches a log file or a diagnostics zip: SIP signalling
 * (REGISTER/INVITE with their Authorization headers), URLs, free-form messages. It errs on the
 * side of hiding: a false positive costs a word in a log, a miss leaks a secret.
 */

export const REDACTED = '[redacted]';

// `Authorization:` / `Proxy-Authorization:` to the end of the line, plus folded continuation
// lines (SIP lets a header go on over lines that start with white space).
const authHeader = /(?<![\w-])((?:Proxy-)?Authorization[ \t]*:[ \t]*)([^\r\n]*(?:\r?\n[ \t]+[^\r\n]*)*)/gi;
// What is worth keeping from a Digest header to diagnose a refused sign-in: who, and where.
const keptParam = /\b(username|realm)[ \t]*=[ \t]*(?:"([^"]*)"|([^\s,"]+))/gi;

// `password=…`, `"sip.password": "…"`, `access_token: …` in free text or JSON text.
const secretPair =
  /((["']?)\b(?:[\w-]+[._-])?(?:pass(?:word|wd)?|pwd|secret|token|credentials?|api[_-]?key)\b\2[ \t]*[:=][ \t]*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&"'}\]]+)/gi;
// A password in a URI's user part: sip:alice:secret@host, wss://alice:secret@host/ws.
const uriPassword = /\b((?:sips?|wss?|https?|turns?|stuns?):(?:\/\/)?[^\s:@/"']+):([^\s@/"']+)@/gi;

function redactAuthorization(value: string): string {
  if (value.endsWith(REDACTED)) return value;
  const scheme = /^([A-Za-z][\w-]*)(?=\s|$)/.exec(value)?.[1];
  const kept = [...value.matchAll(keptParam)].map((m) => `${m[1]!.toLowerCase()}="${m[2] ?? m[3] ?? ''}"`);
  return [scheme, kept.join(', '), REDACTED].filter(Boolean).join(' ');
}

/** Redacts one text. Pure and idempotent. */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  return text
    .replace(authHeader, (_all, head: string, value: string) => `${head}${redactAuthorization(value)}`)
    .replace(uriPassword, `$1:${REDACTED}@`)
    .replace(secretPair, (_all, head: string, _quote: string, value: string) =>
      value.startsWith('"')
        ? `${head}"${REDACTED}"`
        : value.startsWith("'")
          ? `${head}'${REDACTED}'`
          : `${head}${REDACTED}`,
    );
}
