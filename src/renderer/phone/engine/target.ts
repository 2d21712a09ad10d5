// What the seller typed (or a lead's number) to a SIP request URI. Phone numbers follow the one
// rule of the app (src/shared/phone.ts), so "06 12 34 56 78" and "+33612345678" dial the same.
import { parsePhone } from '../../../shared/phone';

export type DialTarget =
  { ok: true; kind: 'phone' | 'extension' | 'sip'; uri: string; number: string } | { ok: false; error: string };

/** Short all-digit strings are PBX extensions, not (invalid) phone numbers. */
const EXTENSION = /^[0-9*#]{1,6}$/;
/** A bare SIP user such as "bob" or "sales.desk". */
const SIP_USER = /^[a-z0-9][a-z0-9._~+-]*$/i;
const SIP_URI = /^sips?:([^@\s]+)@([^@\s;?]+)(?:[;?]\S*)?$/i;

/**
 * `domain` is the account's SIP domain, `region` reads national numbers ("FR").
 * Accepts: national/international numbers, tel:/callto: numbers, extensions, sip: URIs,
 * user@host, and bare SIP user names.
 */
export function normalizeTarget(input: string, domain: string, region: string): DialTarget {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'enter a number or SIP address to call' };
  if (!domain) return { ok: false, error: 'the SIP account has no domain to call through' };

  const sip = SIP_URI.exec(raw);
  if (sip) return { ok: true, kind: 'sip', uri: raw, number: decodeURIComponent(sip[1]!) };
  if (/^sips?:/i.test(raw)) return { ok: false, error: `"${raw}" is not a valid SIP address (sip:user@host)` };

  const scheme = /^(tel|callto):(?:\/\/)?(.*)$/i.exec(raw);
  const body = scheme ? scheme[2]!.split(/[;?]/)[0]!.trim() : raw;

  if (!scheme && body.includes('@')) {
    const [user, host, ...rest] = body.split('@');
    if (rest.length > 0 || !user || !host || /\s/.test(body)) {
      return { ok: false, error: `"${raw}" is not a valid SIP address (user@host)` };
    }
    return { ok: true, kind: 'sip', uri: `sip:${body}`, number: user };
  }

  const compact = body.replace(/[\s().-]/g, '');
  // Typed as is: "06 12 34" with spaces is a phone number cut short, not an extension.
  if (EXTENSION.test(body)) {
    return { ok: true, kind: 'extension', uri: `sip:${encodeUser(compact)}@${domain}`, number: compact };
  }
  if (/\d/.test(compact) && /^\+?[\d*#]+$/.test(compact.replace(/^00/, '+'))) {
    const parsed = parsePhone(body, region);
    if (!parsed.ok) return { ok: false, error: `"${body}" is not a valid phone number` };
    return { ok: true, kind: 'phone', uri: `sip:${parsed.e164}@${domain}`, number: parsed.e164 };
  }
  if (!scheme && SIP_USER.test(body)) {
    return { ok: true, kind: 'sip', uri: `sip:${body}@${domain}`, number: body };
  }
  return { ok: false, error: `"${raw}" is neither a phone number nor a SIP address` };
}

/** '#' ends a URI's user part unless escaped. */
const encodeUser = (user: string): string => user.replace(/#/g, '%23');

/** The number shown and logged for a caller: E.164 when it reads as a phone number. */
export function callerNumber(user: string | undefined, region: string): string {
  const raw = (user ?? '').trim();
  if (!raw) return 'anonymous';
  const decoded = safeDecode(raw);
  if (/\d/.test(decoded) && /^\+?[\d\s().-]+$/.test(decoded) && decoded.replace(/\D/g, '').length > 6) {
    const parsed = parsePhone(decoded, region);
    if (parsed.ok) return parsed.e164;
  }
  return decoded.slice(0, 128);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
