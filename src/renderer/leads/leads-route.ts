import { parseRoute } from '../app/routes';

/** Where inside `#/leads…` we are. The app router only knows "leads"; this reads the rest. */
export type LeadsView =
  | { view: 'list'; search: string }
  | { view: 'detail'; id: string }
  | { view: 'import' }
  | { view: 'new' }
  | { view: 'elsewhere' };

export function parseLeadsHash(hash: string): LeadsView {
  // Another page's address: the leads area hears it before the app unmounts it. Read as the list,
  // it mounted the list for one render, whose address sync put `#/leads` back (a click on
  // "Numéroteur" from a lead landed on the list).
  if (parseRoute(hash) !== 'leads') return { view: 'elsewhere' };
  const path = hash.replace(/^#\/?/, '');
  const [pathPart = '', search = ''] = splitOnce(path, '?');
  const segments = pathPart.split('/').filter(Boolean);
  if (segments[0]?.toLowerCase() !== 'leads' || segments.length === 1) return { view: 'list', search };
  const sub = safeDecode(segments[1] ?? '');
  if (sub === 'import') return { view: 'import' };
  if (sub === 'new') return { view: 'new' };
  if (sub === '' || sub.length > 64) return { view: 'list', search };
  return { view: 'detail', id: sub };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

export const leadsListHref = (search = ''): string => (search ? `#/leads?${search}` : '#/leads');
export const leadHref = (id: string): string => `#/leads/${encodeURIComponent(id)}`;
export const leadsImportHref = '#/leads/import';
export const leadsNewHref = '#/leads/new';
