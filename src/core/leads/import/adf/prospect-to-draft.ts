import type { z } from 'zod';
import type { ImportNotice } from '../../../../shared/domain/import-notices';
import type { ImportProblem } from '../../../../shared/domain/import-problems';
import {
  LeadDraftSchema,
  type LeadDraft,
  type Phone,
  type TradeIn,
  type Vehicle,
} from '../../../../shared/domain/lead';
import { parsePhone } from '../../../../shared/phone';
import { parseFrenchDate, parseFrenchNumber } from '../csv/french-values';
import { compact } from '../to-draft';
import { attr, child, children, elementNames, textOf, type XmlNode } from './xml';

export interface ProspectResult {
  draft?: LeadDraft;
  reject?: { column: string; problem: ImportProblem };
  /** What was dropped or reinterpreted (the caller adds the prospect's line). */
  warnings: ImportNotice[];
}

/** What ADF 1.0 defines under each element: anything else is reported as unknown. */
const known: Record<string, readonly string[]> = {
  prospect: ['id', 'requestdate', 'vehicle', 'customer', 'vendor', 'provider'],
  vehicle: [
    'id',
    'year',
    'make',
    'model',
    'vin',
    'stock',
    'trim',
    'doors',
    'bodystyle',
    'transmission',
    'odometer',
    'condition',
    'colorcombination',
    'imagetag',
    'price',
    'pricecomments',
    'option',
    'finance',
    'comments',
  ],
  customer: ['contact', 'id', 'timeframe', 'comments'],
  contact: ['name', 'email', 'phone', 'address'],
  address: ['street', 'apartment', 'city', 'regioncode', 'postalcode', 'country'],
  provider: ['id', 'name', 'service', 'url', 'email', 'phone', 'contact'],
};
/** Known ADF elements Relance has no field for: dropped, and said so. */
const notKept = new Set([
  'doors',
  'bodystyle',
  'transmission',
  'condition',
  'colorcombination',
  'imagetag',
  'pricecomments',
  'option',
  'finance',
]);

const phoneTypes: Record<string, { type: Phone['type']; adf: boolean }> = {
  voice: { type: 'other', adf: true },
  cellphone: { type: 'mobile', adf: true },
  fax: { type: 'fax', adf: true },
  pager: { type: 'other', adf: true },
  home: { type: 'home', adf: false },
  work: { type: 'work', adf: false },
  office: { type: 'work', adf: false },
  business: { type: 'work', adf: false },
  mobile: { type: 'mobile', adf: false },
  cell: { type: 'mobile', adf: false },
  portable: { type: 'mobile', adf: false },
};
const VIN = /^[A-HJ-NPR-Z0-9]{1,17}$/;
const PRICE_TYPES = ['quote', 'offer', 'msrp', 'invoice', 'call', 'appraisal', 'asking'] as const;
const REGISTRATION_IDS = /^(registration|immatriculation|immat|plate)$/i;

/**
 * One `<prospect>` -> LeadDraft, leniently: what cannot be read is dropped with a warning; only a
 * prospect with nobody to call is rejected. `path` is the prospect's element path for messages.
 */
export function prospectToDraft(p: XmlNode, path: string, ctx: { region: string; zone: string }): ProspectResult {
  const warnings: ImportNotice[] = [];
  const warnUnknown = (node: XmlNode | undefined, kind: string, at: string) => {
    for (const name of elementNames(node)) {
      if (!known[kind]!.includes(name)) warnings.push({ code: 'element-unknown', element: `${at}/${name}` });
      else if (notKept.has(name)) warnings.push({ code: 'element-not-kept', element: `${at}/${name}` });
    }
  };
  warnUnknown(p, 'prospect', 'prospect');

  const customer = child(p, 'customer');
  const contact = child(customer, 'contact');
  if (!contact)
    return { reject: { column: `${path}/customer/contact`, problem: { code: 'no-customer-contact' } }, warnings };
  warnUnknown(customer, 'customer', 'customer');
  warnUnknown(contact, 'contact', 'customer/contact');

  let firstName: string | undefined;
  let lastName: string | undefined;
  let fullName: string | undefined;
  let kind: 'individual' | 'business' = 'individual';
  for (const name of children(contact, 'name')) {
    const value = textOf(name);
    if (!value) continue;
    if (attr(name, 'type') === 'business') kind = 'business';
    const part = attr(name, 'part') ?? 'full';
    if (part === 'first') firstName = firstName ? `${firstName} ${value}` : value;
    else if (part === 'middle') firstName = firstName ? `${firstName} ${value}` : value;
    else if (part === 'last') lastName = value;
    else fullName = value;
  }

  const phones: Phone[] = [];
  let preferredContactTime: string | undefined;
  let preferred: string | undefined;
  const phoneAt = 'customer/contact/phone';
  for (const phone of children(contact, 'phone')) {
    const raw = textOf(phone);
    const typeAttr = (attr(phone, 'type') ?? 'voice').toLowerCase();
    const known = phoneTypes[typeAttr];
    if (!known) warnings.push({ code: 'phone-type-unknown', element: phoneAt, type: typeAttr });
    else if (!known.adf)
      warnings.push({ code: 'phone-type-not-adf', element: phoneAt, type: typeAttr, readAs: known.type });
    else if (typeAttr === 'pager') warnings.push({ code: 'phone-type-pager', element: phoneAt });
    const parsed = parsePhone(raw, ctx.region);
    if (!parsed.ok) {
      warnings.push({ code: 'phone-dropped', element: phoneAt, value: raw });
      continue;
    }
    if (phones.some((x) => x.e164 === parsed.e164)) continue;
    phones.push({ e164: parsed.e164, raw: raw.slice(0, 64), type: known?.type ?? 'other', preferred: false });
    if (attr(phone, 'preferredcontact') === '1') preferred ??= parsed.e164;
    const time = attr(phone, 'time');
    if (time) preferredContactTime ??= time.slice(0, 200);
  }
  for (const x of phones) x.preferred = x.e164 === (preferred ?? phones[0]?.e164);

  let email: string | undefined;
  for (const e of children(contact, 'email')) {
    const value = textOf(e).toLowerCase();
    if (!value) continue;
    if (LeadDraftSchema.shape.contact.shape.email.safeParse(value).success) email ??= value;
    else warnings.push({ code: 'email-dropped', element: 'customer/contact/email', value: textOf(e) });
  }
  if (phones.length === 0 && !email)
    return {
      reject: { column: `${path}/customer/contact`, problem: { code: 'no-contact-channel' } },
      warnings,
    };

  const addressNode = child(contact, 'address');
  let address: LeadDraft['contact']['address'];
  if (addressNode) {
    warnUnknown(addressNode, 'address', 'customer/contact/address');
    const country = textOf(child(addressNode, 'country')).toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country))
      warnings.push({ code: 'country-dropped', element: 'customer/contact/address/country', value: country });
    const streets = children(addressNode, 'street').map(textOf).filter(Boolean);
    address = compact({
      street: streets.join(', ') || undefined,
      apartment: textOf(child(addressNode, 'apartment')) || undefined,
      city: textOf(child(addressNode, 'city')) || undefined,
      regionCode: textOf(child(addressNode, 'regioncode')) || undefined,
      postalCode: textOf(child(addressNode, 'postalcode')) || undefined,
      country: /^[A-Z]{2}$/.test(country) ? country : undefined,
    });
    if (Object.keys(address).length === 0) address = undefined;
  }
  if (!preferredContactTime) {
    const timeframe = textOf(child(child(customer, 'timeframe'), 'description'));
    if (timeframe) preferredContactTime = timeframe.slice(0, 200);
  }

  const vehicles: Vehicle[] = [];
  let tradeIn: TradeIn | undefined;
  const notes: string[] = [];
  children(p, 'vehicle').forEach((v, index) => {
    const at = `vehicle[${index + 1}]`;
    warnUnknown(v, 'vehicle', at);
    const interest = (attr(v, 'interest') ?? 'buy').toLowerCase();
    const make = textOf(child(v, 'make'));
    const model = textOf(child(v, 'model'));
    const yearText = textOf(child(v, 'year'));
    const year = /^\d{4}$/.test(yearText) && +yearText >= 1900 && +yearText <= 2100 ? +yearText : undefined;
    if (yearText && year === undefined) warnings.push({ code: 'year-dropped', element: `${at}/year`, value: yearText });
    const vinText = textOf(child(v, 'vin')).toUpperCase();
    const vin = VIN.test(vinText) ? vinText : undefined;
    if (vinText && !vin) warnings.push({ code: 'vin-dropped', element: `${at}/vin`, value: vinText });
    const registration = children(v, 'id').find((id) => REGISTRATION_IDS.test(attr(id, 'source') ?? ''));
    const comments = textOf(child(v, 'comments'));
    if (comments) notes.push(comments.slice(0, 10_000));

    if (interest === 'trade-in' || interest === 'sell') {
      if (tradeIn) return void warnings.push({ code: 'second-trade-in-dropped', element: at });
      const odometer = child(v, 'odometer');
      let mileage: TradeIn['mileage'];
      if (odometer) {
        const n = parseFrenchNumber(textOf(odometer));
        const units = (attr(odometer, 'units') ?? 'km').toLowerCase();
        if (n.ok && Number.isInteger(n.value.value) && n.value.value >= 0)
          mileage = { value: n.value.value, unit: units.startsWith('mi') ? 'mi' : 'km' };
        else warnings.push({ code: 'odometer-dropped', element: `${at}/odometer`, value: textOf(odometer) });
      }
      tradeIn = compact({
        year,
        make: make.slice(0, 60) || undefined,
        model: model.slice(0, 80) || undefined,
        vin,
        registration: registration ? textOf(registration).toUpperCase().slice(0, 20) : undefined,
        mileage,
      });
      return;
    }
    if (!['buy', 'lease', 'test-drive'].includes(interest))
      warnings.push({ code: 'interest-unknown', element: at, value: interest });
    if (!make || !model)
      return void warnings.push({ code: 'vehicle-dropped', element: at, missing: make ? 'model' : 'make' });
    if (child(v, 'odometer')) warnings.push({ code: 'odometer-not-trade-in', element: `${at}/odometer` });
    const priceNodes = children(v, 'price');
    let price: Vehicle['price'];
    if (priceNodes.length > 1)
      warnings.push({ code: 'prices-extra', element: `${at}/price`, count: priceNodes.length });
    if (priceNodes[0]) {
      const n = parseFrenchNumber(textOf(priceNodes[0]));
      const type = attr(priceNodes[0], 'type');
      const currency = (attr(priceNodes[0], 'currency') ?? 'EUR').toUpperCase();
      if (!n.ok || n.value.value < 0)
        warnings.push({ code: 'price-dropped', element: `${at}/price`, value: textOf(priceNodes[0]) });
      else
        price = compact({
          amount: n.value.value,
          currency: /^[A-Z]{3}$/.test(currency) ? currency : 'EUR',
          type: PRICE_TYPES.find((t) => t === type),
        });
    }
    const status = attr(v, 'status');
    vehicles.push(
      compact({
        interest: (['buy', 'lease', 'test-drive'] as const).find((i) => i === interest) ?? 'buy',
        condition: status === 'new' || status === 'used' ? status : undefined,
        year,
        make: make.slice(0, 60),
        model: model.slice(0, 80),
        trim: textOf(child(v, 'trim')).slice(0, 80) || undefined,
        vin,
        stockNumber: textOf(child(v, 'stock')).slice(0, 40) || undefined,
        registration: registration ? textOf(registration).toUpperCase().slice(0, 20) : undefined,
        price,
      }),
    );
  });

  const providerNode = child(p, 'provider');
  if (providerNode) warnUnknown(providerNode, 'provider', 'provider');
  const idNode = children(p, 'id')[0];
  const providerName = textOf(child(providerNode, 'name')) || attr(idNode, 'source') || undefined;
  const service = textOf(child(providerNode, 'service')) || undefined;
  const externalId = textOf(idNode) || undefined;
  const source =
    providerName || service || externalId
      ? compact({
          name: (service ?? providerName ?? 'ADF').slice(0, 100),
          provider: providerName?.slice(0, 100),
          externalId: externalId?.slice(0, 100),
        })
      : undefined;

  let createdAt: string | undefined;
  const requestDate = textOf(child(p, 'requestdate'));
  if (requestDate) {
    const d = parseFrenchDate(requestDate, ctx.zone);
    if (d.ok) createdAt = d.value;
    else warnings.push({ code: 'request-date-dropped', element: 'prospect/requestdate', problem: d.problem });
  }

  // Kept, and said, as for a CSV row (see CsvRowReader): the seller asks the name on the call.
  if (!firstName && !lastName && !fullName) warnings.push({ code: 'no-name', where: ['customer/contact/name'] });
  const draft: LeadDraft = compact({
    contact: compact({ kind, firstName, lastName, fullName, phones, email, address, preferredContactTime }),
    vehicles,
    tradeIn,
    source,
    stage: 'new' as const,
    tags: [],
    consents: [],
    comments: textOf(child(customer, 'comments')).slice(0, 10_000) || undefined,
    notes: notes.length > 0 ? notes : undefined,
    createdAt,
  });
  // The schema is the last word (lengths, formats): a prospect it refuses is rejected, with where.
  const checked = LeadDraftSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { reject: { column: `${path}/${issue.path.join('/')}`, problem: schemaProblem(issue) }, warnings };
  }
  return { draft: checked.data, warnings };
}

/** A schema refusal: its English words, and what was too big when that is the issue (a French screen says that much). */
function schemaProblem(issue: z.core.$ZodIssue): ImportProblem {
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'))
    return {
      code: 'value-refused',
      message: issue.message,
      max: Number(issue.maximum),
      of: issue.origin === 'string' ? 'characters' : 'items',
    };
  return { code: 'value-refused', message: issue.message };
}
