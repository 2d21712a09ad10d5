import type { ZoneSource } from '../../shared/domain/calling-rules';
import type { Address } from '../../shared/domain/lead';
import { areaCodeInfo, canadianPostalZones, nanpCountry, REGION_ZONES, zipZones } from './nanp-zones';

/**
 * Where the callee is, as far as the number and the address tell: one or more places (a zone, and
 * the country and region that pick a holiday calendar). Numbers are stored E.164 (checked by
 * libphonenumber-js on input, src/shared/phone.ts); here they are read by prefix only, because a
 * libphonenumber parse (~8 µs) would cost four times the engine's whole budget per lead.
 */
export interface CalleePlace {
  zone: string;
  /** ISO 3166-1 alpha-2 (an overseas department has its own: GP, MQ, GF, RE, YT…). */
  country?: string;
  /** A state, a province, or a French département with its own holidays (57, 67, 68). */
  subdivision?: string;
}

export interface CalleeZone {
  /** The zone reported to the seller and in the log. */
  zone: string;
  source: ZoneSource;
  /** Every place the rules must hold in (the zone first): more than one when unsure. */
  places: readonly CalleePlace[];
  /** The distinct zones of `places`, in order. */
  zones: readonly string[];
  /** The country the number's prefix tells, if it does. */
  numberCountry?: string;
}

const PARIS = 'Europe/Paris';

/**
 * E.164 prefixes outside the NANP, longest first where they nest. French overseas numbers are also
 * reachable through the national plan (0590…, 0696…): a lead typed "0596 12 34 56" is stored as
 * +33596123456, so the +33 overseas blocks map to their departments, not to Paris.
 */
const PREFIXES: readonly (readonly [string, CalleePlace])[] = [
  ...(
    [
      ['262', 'RE', 'Indian/Reunion'],
      ['263', 'RE', 'Indian/Reunion'],
      ['692', 'RE', 'Indian/Reunion'],
      ['693', 'RE', 'Indian/Reunion'],
      ['269', 'YT', 'Indian/Mayotte'],
      ['639', 'YT', 'Indian/Mayotte'],
      ['590', 'GP', 'America/Guadeloupe'],
      ['690', 'GP', 'America/Guadeloupe'],
      ['691', 'GP', 'America/Guadeloupe'],
      ['594', 'GF', 'America/Cayenne'],
      ['694', 'GF', 'America/Cayenne'],
      ['596', 'MQ', 'America/Martinique'],
      ['696', 'MQ', 'America/Martinique'],
      ['697', 'MQ', 'America/Martinique'],
    ] as const
  ).map(([block, country, zone]) => [`+33${block}`, { zone, country }] as const),
  ['+33', { zone: PARIS, country: 'FR' }],
  // Mayotte left +269 (now the Comoros) for +262 in 2007: 269 and 639 blocks, and 7093 (M2M).
  ['+262269', { zone: 'Indian/Mayotte', country: 'YT' }],
  ['+262639', { zone: 'Indian/Mayotte', country: 'YT' }],
  ['+2627093', { zone: 'Indian/Mayotte', country: 'YT' }],
  ['+262', { zone: 'Indian/Reunion', country: 'RE' }],
  // Guadeloupe, Saint-Barthélemy and Saint-Martin share +590 and one clock; the number cannot tell them apart.
  ['+590', { zone: 'America/Guadeloupe', country: 'GP' }],
  ['+594', { zone: 'America/Cayenne', country: 'GF' }],
  ['+596', { zone: 'America/Martinique', country: 'MQ' }],
  ['+508', { zone: 'America/Miquelon', country: 'PM' }],
  ['+687', { zone: 'Pacific/Noumea', country: 'NC' }],
  ['+689', { zone: 'Pacific/Tahiti', country: 'PF' }],
  ['+681', { zone: 'Pacific/Wallis', country: 'WF' }],
  ['+269', { zone: 'Indian/Comoro', country: 'KM' }],
  // Neighbours with one zone each.
  ['+377', { zone: 'Europe/Monaco', country: 'MC' }],
  ['+376', { zone: 'Europe/Andorra', country: 'AD' }],
  ['+352', { zone: 'Europe/Luxembourg', country: 'LU' }],
  ['+353', { zone: 'Europe/Dublin', country: 'IE' }],
  ['+32', { zone: 'Europe/Brussels', country: 'BE' }],
  ['+41', { zone: 'Europe/Zurich', country: 'CH' }],
  ['+49', { zone: 'Europe/Berlin', country: 'DE' }],
  ['+39', { zone: 'Europe/Rome', country: 'IT' }],
  ['+44', { zone: 'Europe/London', country: 'GB' }],
  ['+31', { zone: 'Europe/Amsterdam', country: 'NL' }],
  ['+43', { zone: 'Europe/Vienna', country: 'AT' }],
];

/** Countries with one zone, for addresses. Overseas departments and collectivities by ISO code. */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  FR: PARIS,
  GP: 'America/Guadeloupe',
  MQ: 'America/Martinique',
  GF: 'America/Cayenne',
  RE: 'Indian/Reunion',
  YT: 'Indian/Mayotte',
  BL: 'America/St_Barthelemy',
  MF: 'America/Marigot',
  PM: 'America/Miquelon',
  NC: 'Pacific/Noumea',
  PF: 'Pacific/Tahiti',
  WF: 'Pacific/Wallis',
  KM: 'Indian/Comoro',
  MC: 'Europe/Monaco',
  AD: 'Europe/Andorra',
  LU: 'Europe/Luxembourg',
  IE: 'Europe/Dublin',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  DE: 'Europe/Berlin',
  IT: 'Europe/Rome',
  GB: 'Europe/London',
  NL: 'Europe/Amsterdam',
  AT: 'Europe/Vienna',
};

/** French postcodes that are not metropolitan: 971 Guadeloupe … 988 New Caledonia. */
const FRENCH_OVERSEAS_POSTCODES: Readonly<Record<string, string>> = {
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '975': 'PM',
  '976': 'YT',
  '980': 'MC',
  '986': 'WF',
  '987': 'PF',
  '988': 'NC',
};
const NANP_COUNTRIES = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'MP', 'AS']);
const FRENCH_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'BL', 'MF', 'PM', 'NC', 'PF', 'WF']);
/** Alsace-Moselle keeps Good Friday and 26 December (local law). */
const ALSACE_MOSELLE = new Set(['57', '67', '68']);

export const E164 = /^\+[1-9]\d{6,14}$/;

/** E164.test without the regex engine: the list screen asks it for every lead. */
export function isE164(number: string): boolean {
  const n = number.length;
  if (n < 8 || n > 16 || number.charCodeAt(0) !== 43 /* + */) return false;
  const first = number.charCodeAt(1);
  if (first < 49 || first > 57) return false;
  for (let i = 2; i < n; i++) {
    const d = number.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** A digit trie of PREFIXES (after the "+"): the longest prefix is found without slicing the number. */
interface PrefixNode {
  next: (PrefixNode | undefined)[];
  places?: readonly CalleePlace[];
}
const prefixRoot: PrefixNode = { next: [] };
for (const [prefix, place] of PREFIXES) {
  let node = prefixRoot;
  for (let i = 1; i < prefix.length; i++) {
    const d = prefix.charCodeAt(i) - 48;
    node = node.next[d] ??= { next: [] };
  }
  node.places = [place];
}
/** Area code (200-999) -> its places; null once looked up and unknown. */
const nanpPlaces: (readonly CalleePlace[] | null | undefined)[] = [];

/** Places the number alone points to; undefined when its prefix is not in our tables. */
export function placesFromNumber(e164: string): readonly CalleePlace[] | undefined {
  if (e164.charCodeAt(1) === 49 /* +1 */) {
    const a = e164.charCodeAt(2) - 48;
    const b = e164.charCodeAt(3) - 48;
    const c = e164.charCodeAt(4) - 48;
    if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9)) return undefined;
    const code = a * 100 + b * 10 + c;
    let places = nanpPlaces[code];
    if (places === undefined) {
      const info = areaCodeInfo(String(code).padStart(3, '0'));
      places = info ? info.zones.map((zone) => ({ zone, country: info.country, subdivision: info.region })) : null;
      nanpPlaces[code] = places;
    }
    return places ?? undefined;
  }
  // Longest prefix first: +33596 (Martinique) before +33 (metropolitan France).
  let node: PrefixNode | undefined = prefixRoot;
  let found: readonly CalleePlace[] | undefined;
  for (let i = 1; node && i < e164.length; i++) {
    node = node.next[e164.charCodeAt(i) - 48];
    if (node?.places) found = node.places;
  }
  return found;
}

function frenchPlace(postal: string | undefined, country: string): readonly CalleePlace[] | undefined {
  const code = postal?.replace(/\s/g, '');
  if (code && /^\d{5}$/.test(code)) {
    if (code === '97133') return [{ zone: COUNTRY_ZONES.BL!, country: 'BL' }];
    if (code === '97150') return [{ zone: COUNTRY_ZONES.MF!, country: 'MF' }];
    const overseas = FRENCH_OVERSEAS_POSTCODES[code.slice(0, 3)];
    if (overseas) return [{ zone: COUNTRY_ZONES[overseas]!, country: overseas }];
    if (country === 'FR') {
      const dept = code.slice(0, 2);
      return [{ zone: PARIS, country: 'FR', ...(ALSACE_MOSELLE.has(dept) ? { subdivision: dept } : {}) }];
    }
  }
  const zone = COUNTRY_ZONES[country];
  return zone ? [{ zone, country }] : undefined;
}

/**
 * Places the address points to. With no country on the address, the number's country says how to
 * read the postcode (a five-digit code is a French postcode for a +33 number, a ZIP code for +1).
 * Only the country, postcode and region count, so the answer is remembered by those values (a few
 * thousand postcodes) rather than per lead: the same array for the same values.
 */
export function placesFromAddress(
  address: Address | undefined,
  numberCountry: string | undefined,
): readonly CalleePlace[] | undefined {
  if (!address) return undefined;
  const country = address.country ?? numberCountry;
  if (!country) return undefined;
  const { postalCode, regionCode } = address;
  let places = addressMemo.get(country)?.get(postalCode)?.get(regionCode);
  if (places === undefined) {
    places = readAddress(country, postalCode, regionCode) ?? null;
    if (places) Object.freeze(places);
    if (addressMemoSize >= MEMO_LIMIT) clearMemos();
    addressMemoSize++;
    let byPostal = addressMemo.get(country);
    if (!byPostal) addressMemo.set(country, (byPostal = new Map()));
    let byRegion = byPostal.get(postalCode);
    if (!byRegion) byPostal.set(postalCode, (byRegion = new Map()));
    byRegion.set(regionCode, places);
  }
  return places ?? undefined;
}

function readAddress(
  country: string,
  postalCode: string | undefined,
  regionCode: string | undefined,
): readonly CalleePlace[] | undefined {
  const postal = postalCode?.trim();
  const region = regionCode?.trim().toUpperCase();
  if (FRENCH_COUNTRIES.has(country)) return frenchPlace(postal, country);
  if (NANP_COUNTRIES.has(country)) {
    // US territories are regions of the table too (PR, VI, GU, MP, AS).
    const byPostal = postal ? (country === 'CA' ? canadianPostalZones(postal) : zipZones(postal)) : undefined;
    const byRegion = region && REGION_ZONES[region] ? region : REGION_ZONES[country] ? country : undefined;
    const found = byPostal ?? (byRegion ? { region: byRegion, zones: REGION_ZONES[byRegion]! } : undefined);
    return found?.zones.map((zone) => ({ zone, country: nanpCountry(found.region), subdivision: found.region }));
  }
  const zone = COUNTRY_ZONES[country];
  return zone ? [{ zone, country }] : undefined;
}

/** Bounds the memos: past this many distinct addresses (country, postcode, region), start afresh. */
const MEMO_LIMIT = 100_000;
const addressMemo = new Map<string, Map<string | undefined, Map<string | undefined, readonly CalleePlace[] | null>>>();
let addressMemoSize = 0;
/** No places: the key for "the number (or the address) tells nothing". */
const NONE: readonly CalleePlace[] = Object.freeze([]);
/** Number places -> address places -> the resolved callee, one object per distinct pair. */
const resolved = new Map<readonly CalleePlace[], Map<readonly CalleePlace[], CalleeZone | null>>();

function clearMemos(): void {
  addressMemo.clear();
  addressMemoSize = 0;
  // The address arrays it held are gone: pairs keyed by them would never be found again.
  resolved.clear();
}

/**
 * The callee's zone: from the number, then the address, else the dealership's zone (reported as
 * such). When the two disagree (a number kept after a move) the call must be legal in both; when the
 * address narrows a number that spans zones, only the zones they share are checked.
 * The result depends on the number's places and the address's places only, both interned, so one
 * immutable CalleeZone serves every lead with the same pair: the engine's per-callee caches stay
 * small and a list of 100k leads costs no per-lead memory.
 */
export function resolveCalleeZone(e164: string, address: Address | undefined, dealershipZone: string): CalleeZone {
  const byNumber = placesFromNumber(e164);
  const byAddress = placesFromAddress(address, byNumber?.[0]?.country);
  let row = resolved.get(byNumber ?? NONE);
  if (!row) resolved.set(byNumber ?? NONE, (row = new Map()));
  let known = row.get(byAddress ?? NONE);
  if (known === undefined) {
    known = resolve(byNumber, byAddress) ?? null;
    if (known) Object.freeze(known);
    row.set(byAddress ?? NONE, known);
  }
  return known ?? fallback(dealershipZone);
}

const fallbacks = new Map<string, CalleeZone>();

function fallback(zone: string): CalleeZone {
  let z = fallbacks.get(zone);
  if (!z) {
    z = Object.freeze({ zone, source: 'dealership-fallback', places: [{ zone }], zones: [zone] } as const);
    if (fallbacks.size < 1000) fallbacks.set(zone, z);
  }
  return z;
}

function resolve(
  byNumber: readonly CalleePlace[] | undefined,
  byAddress: readonly CalleePlace[] | undefined,
): CalleeZone | undefined {
  const numberCountry = byNumber?.[0]?.country;
  const result = (zone: string, source: ZoneSource, places: readonly CalleePlace[]): CalleeZone => ({
    zone,
    source,
    places,
    zones: [...new Set(places.map((p) => p.zone))],
    ...(numberCountry ? { numberCountry } : {}),
  });
  if (byNumber && byAddress) {
    const shared = byNumber.flatMap((n) => {
      const a = byAddress.find((p) => p.zone === n.zone);
      // The address knows the region better (Alsace-Moselle); the number may know the state.
      return a ? [{ ...n, ...a, subdivision: a.subdivision ?? n.subdivision }] : [];
    });
    if (shared.length > 0) {
      // The brief prefers the address: its majority zone comes first when it is among them.
      const first = shared.find((p) => p.zone === byAddress[0]!.zone) ?? shared[0]!;
      return result(first.zone, 'number+address', [first, ...shared.filter((p) => p !== first)]);
    }
    const places = dedupe([...byAddress, ...byNumber]);
    return result(places[0]!.zone, 'number+address', places);
  }
  if (byNumber) return result(byNumber[0]!.zone, 'number', byNumber);
  if (byAddress) return result(byAddress[0]!.zone, 'address', byAddress);
  return undefined;
}

function dedupe(places: readonly CalleePlace[]): CalleePlace[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.zone}|${p.country ?? ''}|${p.subdivision ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
