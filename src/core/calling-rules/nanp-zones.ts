/**
 * North American Numbering Plan: area code -> time zone(s), and US/Canadian addresses -> zone(s).
 * libphonenumber-js has no time-zone data, so this compact table is ours (NANPA area code
 * assignments by state or province, as of 2025; an unknown area code falls back to the address,
 * then the dealership's zone).
 *
 * Zones are listed majority first. An area code gets its state's majority zone unless listed in
 * AREA_CODE_SPLITS; a split lists every zone it covers at county level (a single small town across
 * the line, such as West Wendover NV, is left out). The engine reports the first zone and checks the
 * call against each one, unless the lead's address settles which.
 */

const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';

/** State or province -> its zones, majority first. */
export const REGION_ZONES: Readonly<Record<string, readonly string[]>> = {
  // United States
  AL: [CT],
  AK: ['America/Anchorage'],
  AZ: ['America/Phoenix', MT], // no DST, except the Navajo Nation
  AR: [CT],
  CA: [PT],
  CO: [MT],
  CT: [ET],
  DE: [ET],
  DC: [ET],
  FL: [ET, CT], // western panhandle
  GA: [ET],
  HI: ['Pacific/Honolulu'],
  ID: ['America/Boise', PT], // northern panhandle
  IL: [CT],
  IN: ['America/Indiana/Indianapolis', CT], // north-west and south-west corners
  IA: [CT],
  KS: [CT, MT], // four western counties
  KY: [ET, CT], // western half
  LA: [CT],
  ME: [ET],
  MD: [ET],
  MA: [ET],
  MI: ['America/Detroit', 'America/Menominee'], // four Upper Peninsula counties
  MN: [CT],
  MS: [CT],
  MO: [CT],
  MT: [MT],
  NE: [CT, MT], // panhandle
  NV: [PT],
  NH: [ET],
  NJ: [ET],
  NM: [MT],
  NY: [ET],
  NC: [ET],
  ND: [CT, MT], // south-west
  OH: [ET],
  OK: [CT],
  OR: [PT, 'America/Boise'], // Malheur County
  PA: [ET],
  RI: [ET],
  SC: [ET],
  SD: [CT, MT], // western half
  TN: [CT, ET], // East Tennessee
  TX: [CT, MT], // El Paso, Hudspeth, Culberson
  UT: [MT],
  VT: [ET],
  VA: [ET],
  WA: [PT],
  WV: [ET],
  WI: [CT],
  WY: [MT],
  PR: ['America/Puerto_Rico'],
  VI: ['America/St_Thomas'],
  GU: ['Pacific/Guam'],
  MP: ['Pacific/Saipan'],
  AS: ['Pacific/Pago_Pago'],
  // Canada
  AB: ['America/Edmonton'],
  BC: ['America/Vancouver', 'America/Edmonton'], // East Kootenay, Peace River
  MB: ['America/Winnipeg'],
  NB: ['America/Moncton'],
  NL: ['America/St_Johns', 'America/Goose_Bay'], // Labrador
  NS: ['America/Halifax'],
  PE: ['America/Halifax'],
  ON: ['America/Toronto', 'America/Winnipeg'], // north-west Ontario
  QC: ['America/Toronto', 'America/Halifax'], // Magdalen Islands, Lower North Shore
  SK: ['America/Regina', 'America/Edmonton'], // Lloydminster keeps Alberta time
  NT: ['America/Yellowknife'],
  NU: ['America/Iqaluit', 'America/Rankin_Inlet', 'America/Cambridge_Bay'],
  YT: ['America/Whitehorse'],
};

const CANADA = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'PE', 'ON', 'QC', 'SK', 'NT', 'NU', 'YT']);
const US_TERRITORIES = new Set(['PR', 'VI', 'GU', 'MP', 'AS']);

/** ISO country of a NANP region: CA for a province, the territory's own code, else US. */
export function nanpCountry(region: string): string {
  if (CANADA.has(region)) return 'CA';
  if (US_TERRITORIES.has(region)) return region;
  return 'US';
}

/** Geographic area codes by state or province. */
const AREA_CODES: Readonly<Record<string, string>> = {
  AL: '205 251 256 334 659 938',
  AK: '907',
  AZ: '480 520 602 623 928',
  AR: '327 479 501 870',
  CA: '209 213 279 310 323 341 350 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951',
  CO: '303 719 720 970 983',
  CT: '203 475 860 959',
  DE: '302',
  DC: '202 771',
  FL: '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954',
  GA: '229 404 470 478 678 706 762 770 912 943',
  HI: '808',
  ID: '208 986',
  IL: '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872',
  IN: '219 260 317 463 574 765 812 930',
  IA: '319 515 563 641 712',
  KS: '316 620 785 913',
  KY: '270 364 502 606 859',
  LA: '225 318 337 504 985',
  ME: '207',
  MD: '227 240 301 410 443 667',
  MA: '339 351 413 508 617 774 781 857 978',
  MI: '231 248 269 313 517 586 616 679 734 810 906 947 989',
  MN: '218 320 507 612 651 763 952',
  MS: '228 601 662 769',
  MO: '314 417 557 573 636 660 816 975',
  MT: '406',
  NE: '308 402 531',
  NV: '702 725 775',
  NH: '603',
  NJ: '201 551 609 640 732 848 856 862 908 973',
  NM: '505 575',
  NY: '212 315 329 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934',
  NC: '252 336 472 704 743 828 910 919 980 984',
  ND: '701',
  OH: '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937',
  OK: '405 539 572 580 918',
  OR: '458 503 541 971',
  PA: '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878',
  RI: '401',
  SC: '803 839 843 854 864',
  SD: '605',
  TN: '423 615 629 731 865 901 931',
  TX: '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979',
  UT: '385 435 801',
  VT: '802',
  VA: '276 434 540 571 686 703 757 804 826 948',
  WA: '206 253 360 425 509 564',
  WV: '304 681',
  WI: '262 274 353 414 534 608 715 920',
  WY: '307',
  PR: '787 939',
  VI: '340',
  GU: '671',
  MP: '670',
  AS: '684',
  AB: '368 403 587 780 825',
  BC: '236 250 257 604 672 778',
  MB: '204 431 584',
  NB: '428 506',
  NL: '709 879',
  NS: '782 902',
  PE: '782 902',
  ON: '226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 807 905 942',
  QC: '263 354 367 418 438 450 468 514 579 581 819 873',
  SK: '306 474 639',
  NT: '867',
  YT: '867',
  NU: '867',
};

/** Area codes whose zones differ from their state's majority zone. */
const AREA_CODE_SPLITS: Readonly<Record<string, readonly string[]>> = {
  // Florida panhandle: Pensacola, Panama City (Central) and Tallahassee (Eastern).
  '850': [CT, ET],
  '448': [CT, ET],
  '915': [MT], // El Paso
  '432': [CT, MT], // West Texas, with Hudspeth and Culberson counties
  '928': ['America/Phoenix', MT], // northern Arizona, Navajo Nation
  '208': ['America/Boise', PT],
  '986': ['America/Boise', PT],
  '219': [CT], // Gary, north-west Indiana
  '812': ['America/Indiana/Indianapolis', CT], // Evansville is Central
  '930': ['America/Indiana/Indianapolis', CT],
  '620': [CT, MT],
  '785': [CT, MT],
  '270': [CT, ET], // western Kentucky
  '364': [CT, ET],
  '906': ['America/Detroit', 'America/Menominee'],
  '308': [CT, MT], // Nebraska: Grand Island (Central), Scottsbluff (Mountain)
  '701': [CT, MT],
  '605': [CT, MT],
  '458': [PT, 'America/Boise'],
  '541': [PT, 'America/Boise'],
  '423': [ET], // Chattanooga, Tri-Cities
  '865': [ET], // Knoxville
  '931': [CT, ET],
  '250': ['America/Vancouver', 'America/Edmonton'],
  '236': ['America/Vancouver', 'America/Edmonton'],
  '257': ['America/Vancouver', 'America/Edmonton'],
  '672': ['America/Vancouver', 'America/Edmonton'],
  '778': ['America/Vancouver', 'America/Edmonton'],
  '807': ['America/Toronto', 'America/Winnipeg'], // Thunder Bay (Eastern), Kenora (Central)
  '418': ['America/Toronto', 'America/Halifax'],
  '581': ['America/Toronto', 'America/Halifax'],
  '367': ['America/Toronto', 'America/Halifax'],
  '306': ['America/Regina', 'America/Edmonton'],
  '639': ['America/Regina', 'America/Edmonton'],
  '474': ['America/Regina', 'America/Edmonton'],
  '709': ['America/St_Johns', 'America/Goose_Bay'],
  '879': ['America/St_Johns', 'America/Goose_Bay'],
  // Yukon, Northwest Territories and Nunavut share 867.
  '867': [
    'America/Yellowknife',
    'America/Whitehorse',
    'America/Iqaluit',
    'America/Rankin_Inlet',
    'America/Cambridge_Bay',
  ],
};

export interface AreaCodeInfo {
  /** State, province or territory; for an area code shared by several, the first. */
  region: string;
  country: string;
  zones: readonly string[];
}

const areaCodes = new Map<string, AreaCodeInfo>();
for (const [region, codes] of Object.entries(AREA_CODES)) {
  for (const code of codes.split(' ')) {
    if (areaCodes.has(code)) continue; // 782/902 (NS, PE), 867 (YT, NT, NU): the first region stands
    const zones = AREA_CODE_SPLITS[code] ?? [REGION_ZONES[region]![0]!];
    areaCodes.set(code, { region, country: nanpCountry(region), zones });
  }
}

export function areaCodeInfo(areaCode: string): AreaCodeInfo | undefined {
  return areaCodes.get(areaCode);
}

export function allAreaCodes(): ReadonlyMap<string, AreaCodeInfo> {
  return areaCodes;
}

/** First three ZIP digits -> state (USPS ranges). */
const ZIP3_STATES: readonly (readonly [number, number, string])[] = [
  [5, 5, 'NY'],
  [6, 7, 'PR'],
  [8, 8, 'VI'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 732, 'OK'],
  [733, 733, 'TX'],
  [734, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [885, 885, 'TX'],
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [967, 968, 'HI'],
  [969, 969, 'GU'],
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

/** ZIP3 ranges that settle a split state's zone (where the line follows ZIP3 areas closely). */
const ZIP3_ZONES: readonly (readonly [number, number, readonly string[]])[] = [
  [798, 799, [MT]], // El Paso, Hudspeth, Culberson
  [885, 885, [MT]],
  [733, 733, [CT]],
  [750, 797, [CT]],
  [320, 323, [ET]],
  [324, 324, [CT, ET]], // Panama City (Central) with Gulf County (partly Eastern)
  [325, 325, [CT]], // Pensacola, Fort Walton Beach
  [326, 349, [ET]],
  [832, 837, ['America/Boise']],
  [838, 838, [PT]], // Coeur d'Alene, Lewiston
];

function inRanges<T>(ranges: readonly (readonly [number, number, T])[], n: number): T | undefined {
  for (const [lo, hi, v] of ranges) if (n >= lo && n <= hi) return v;
  return undefined;
}

export function zipState(zip: string): string | undefined {
  const m = /^(\d{3})\d{2}(-\d{4})?$/.exec(zip.trim());
  return m ? inRanges(ZIP3_STATES, Number(m[1])) : undefined;
}

/** Zones of a US ZIP code: its ZIP3 area when that settles a split state, else its state's zones. */
export function zipZones(zip: string): { region: string; zones: readonly string[] } | undefined {
  const region = zipState(zip);
  if (!region) return undefined;
  const zones = inRanges(ZIP3_ZONES, Number(zip.trim().slice(0, 3))) ?? REGION_ZONES[region];
  return zones ? { region, zones } : undefined;
}

/** Canadian postal code (A1A 1A1) -> province, from its first letter. */
const POSTAL_PROVINCES: Readonly<Record<string, readonly string[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};

export function canadianPostalZones(postal: string): { region: string; zones: readonly string[] } | undefined {
  const m = /^([ABCEGHJ-NPRSTVXY])\d[A-Z] ?\d[A-Z]\d$/i.exec(postal.trim());
  const provinces = m ? POSTAL_PROVINCES[m[1]!.toUpperCase()] : undefined;
  if (!provinces) return undefined;
  return { region: provinces[0]!, zones: [...new Set(provinces.flatMap((p) => REGION_ZONES[p] ?? []))] };
}
