import type { Lead, Phone } from '../../../shared/domain/lead';

export const ADF_MIME = 'application/x-adf+xml';

export type AdfExportableLead = Pick<Lead, 'contact' | 'vehicles'> &
  Partial<Pick<Lead, 'tradeIn' | 'source' | 'comments' | 'createdAt'>>;

const phoneType: Record<Phone['type'], string> = {
  mobile: 'cellphone',
  fax: 'fax',
  home: 'voice',
  work: 'voice',
  other: 'voice',
};

/** Escapes text and attribute values; control characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- removing what XML 1.0 cannot carry
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const el = (name: string, value: string | number | undefined, attrs: Record<string, string | undefined> = {}) =>
  value === undefined || value === '' ? '' : `<${name}${attributes(attrs)}>${xmlEscape(String(value))}</${name}>`;
const attributes = (attrs: Record<string, string | undefined>) =>
  Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${xmlEscape(v!)}"`)
    .join('');

/** One `<adf>` with one `<prospect>` per lead, in ADF 1.0 element order. */
export function leadsToAdf(leads: Iterable<AdfExportableLead>): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<?adf version="1.0"?>', '<adf>'];
  for (const lead of leads) out.push(prospect(lead));
  out.push('</adf>', '');
  return out.join('\n');
}

function prospect(lead: AdfExportableLead): string {
  const c = lead.contact;
  const parts: string[] = ['  <prospect status="new">'];
  const s = lead.source;
  if (s?.externalId) parts.push(`    ${el('id', s.externalId, { sequence: '1', source: s.provider ?? s.name })}`);
  if (lead.createdAt) parts.push(`    ${el('requestdate', lead.createdAt)}`);
  for (const v of lead.vehicles) {
    parts.push(
      `    <vehicle${attributes({ interest: v.interest, status: v.condition })}>` +
        el('id', v.registration, { source: 'registration' }) +
        el('year', v.year) +
        el('make', v.make) +
        el('model', v.model) +
        el('vin', v.vin) +
        el('stock', v.stockNumber) +
        el('trim', v.trim) +
        (v.price ? el('price', v.price.amount, { type: v.price.type, currency: v.price.currency }) : '') +
        '</vehicle>',
    );
  }
  const t = lead.tradeIn;
  if (t) {
    parts.push(
      '    <vehicle interest="trade-in" status="used">' +
        el('id', t.registration, { source: 'registration' }) +
        el('year', t.year) +
        el('make', t.make) +
        el('model', t.model) +
        el('vin', t.vin) +
        (t.mileage ? el('odometer', t.mileage.value, { units: t.mileage.unit }) : '') +
        '</vehicle>',
    );
  }
  const kind = c.kind;
  const names =
    el('name', c.firstName, { part: 'first', type: 'individual' }) +
    el('name', c.lastName, { part: 'last', type: 'individual' }) +
    el('name', c.fullName, { part: 'full', type: kind });
  const phones = c.phones
    .map((p) =>
      el('phone', p.e164, {
        type: phoneType[p.type],
        preferredcontact: p.preferred ? '1' : '0',
        time: p.preferred ? c.preferredContactTime : undefined,
      }),
    )
    .join('');
  const a = c.address;
  const address = a
    ? '<address>' +
      el('street', a.street, { line: '1' }) +
      el('apartment', a.apartment) +
      el('city', a.city) +
      el('regioncode', a.regionCode) +
      el('postalcode', a.postalCode) +
      el('country', a.country) +
      '</address>'
    : '';
  parts.push(
    `    <customer><contact>${names}${el('email', c.email)}${phones}${address}</contact>${el('comments', lead.comments)}</customer>`,
  );
  if (s) {
    const provider = s.provider ?? s.name;
    parts.push(
      `    <provider>${el('name', provider, { part: 'full' })}${s.name !== provider ? el('service', s.name) : ''}</provider>`,
    );
  }
  parts.push('  </prospect>');
  return parts.join('\n');
}
