import type { ColumnMapping } from '../../../shared/domain/import-report';

/**
 * The lead fields a file column can fill. `fr`/`en` are the column labels the CSV export writes
 * (and the mapping step shows); `synonyms` are extra headers seen in dealer exports. Guessing
 * compares headers without case, accents or punctuation.
 */
export const importFields = {
  firstName: { fr: 'Prénom', en: 'First name', synonyms: ['prenom', 'first name', 'firstname', 'given name'] },
  lastName: { fr: 'Nom', en: 'Last name', synonyms: ['nom', 'nom de famille', 'last name', 'lastname', 'surname'] },
  fullName: { fr: 'Nom complet', en: 'Full name', synonyms: ['nom prenom', 'prenom nom', 'client', 'name', 'contact'] },
  company: { fr: 'Société', en: 'Company', synonyms: ['societe', 'entreprise', 'raison sociale', 'company'] },
  phone: {
    fr: 'Téléphone',
    en: 'Phone',
    synonyms: ['tel', 'telephone', 'tel principal', 'numero', 'phone', 'phone number', 'telephone principal'],
  },
  phoneMobile: {
    fr: 'Portable',
    en: 'Mobile',
    synonyms: ['portable', 'mobile', 'gsm', 'tel portable', 'tel mobile', 'cell', 'cellphone', 'mobile phone'],
  },
  phoneHome: {
    fr: 'Tél. domicile',
    en: 'Home phone',
    synonyms: ['fixe', 'tel fixe', 'domicile', 'tel domicile', 'telephone fixe', 'home', 'home phone', 'landline'],
  },
  phoneWork: {
    fr: 'Tél. travail',
    en: 'Work phone',
    synonyms: ['tel pro', 'tel bureau', 'bureau', 'travail', 'telephone professionnel', 'work', 'work phone'],
  },
  phoneFax: { fr: 'Fax', en: 'Fax', synonyms: ['fax', 'telecopie'] },
  phoneOther: { fr: 'Autre téléphone', en: 'Other phone', synonyms: ['autre tel', 'other phone', 'tel 2'] },
  email: {
    fr: 'E-mail',
    en: 'E-mail',
    synonyms: ['email', 'e mail', 'mail', 'courriel', 'adresse mail', 'adresse email'],
  },
  preferredContactTime: {
    fr: 'Moment préféré',
    en: 'Best time to call',
    synonyms: ['disponibilite', 'creneau', 'horaire de rappel', 'best time', 'preferred time'],
  },
  street: { fr: 'Adresse', en: 'Street', synonyms: ['adresse', 'rue', 'adresse postale', 'address', 'street'] },
  postalCode: { fr: 'Code postal', en: 'Postal code', synonyms: ['cp', 'code postal', 'zip', 'zip code', 'postcode'] },
  city: { fr: 'Ville', en: 'City', synonyms: ['ville', 'commune', 'localite', 'city', 'town'] },
  country: { fr: 'Pays', en: 'Country', synonyms: ['pays', 'country'] },
  vehicleInterest: { fr: 'Intérêt', en: 'Interest', synonyms: ['interet', 'type de demande', 'interest'] },
  vehicleCondition: {
    fr: 'État',
    en: 'Condition',
    synonyms: ['etat', 'vn vo', 'neuf occasion', 'condition', 'new used'],
  },
  vehicleYear: { fr: 'Année', en: 'Year', synonyms: ['annee', 'millesime', 'annee modele', 'year', 'model year'] },
  vehicleMake: { fr: 'Marque', en: 'Make', synonyms: ['marque', 'constructeur', 'make', 'brand'] },
  vehicleModel: { fr: 'Modèle', en: 'Model', synonyms: ['modele', 'vehicule', 'model', 'vehicle'] },
  vehicleTrim: { fr: 'Finition', en: 'Trim', synonyms: ['finition', 'version', 'trim'] },
  vehicleVin: { fr: 'VIN', en: 'VIN', synonyms: ['vin', 'n de serie', 'numero de serie', 'no de serie', 'chassis'] },
  vehicleStock: {
    fr: 'N° de stock',
    en: 'Stock number',
    synonyms: ['n de stock', 'stock', 'ref stock', 'stock number'],
  },
  vehicleRegistration: {
    fr: 'Immatriculation',
    en: 'Registration',
    synonyms: ['immatriculation', 'immat', 'plaque', 'registration', 'plate', 'license plate'],
  },
  vehiclePrice: { fr: 'Prix', en: 'Price', synonyms: ['prix', 'prix ttc', 'tarif', 'montant', 'price'] },
  vehicleCurrency: { fr: 'Devise', en: 'Currency', synonyms: ['devise', 'monnaie', 'currency'] },
  tradeInYear: { fr: 'Reprise année', en: 'Trade-in year', synonyms: [] },
  tradeInMake: { fr: 'Reprise marque', en: 'Trade-in make', synonyms: [] },
  tradeInModel: { fr: 'Reprise modèle', en: 'Trade-in model', synonyms: [] },
  tradeInMileage: {
    fr: 'Reprise km',
    en: 'Trade-in mileage',
    synonyms: ['kilometrage', 'km', 'kilometrage reprise', 'mileage', 'odometer'],
  },
  tradeInRegistration: { fr: 'Reprise immatriculation', en: 'Trade-in registration', synonyms: [] },
  tradeInVin: { fr: 'Reprise VIN', en: 'Trade-in VIN', synonyms: [] },
  source: {
    fr: 'Source',
    en: 'Source',
    synonyms: ['source', 'origine', 'provenance', 'canal', 'lead source', 'origin'],
  },
  sourceProvider: { fr: 'Fournisseur', en: 'Provider', synonyms: ['fournisseur', 'provider', 'plateforme'] },
  sourceId: { fr: 'Réf. source', en: 'Source ID', synonyms: ['ref source', 'id source', 'ref lead', 'lead id'] },
  stage: { fr: 'Étape', en: 'Stage', synonyms: ['etape', 'statut', 'etat du lead', 'stage', 'status'] },
  owner: {
    fr: 'Vendeur',
    en: 'Owner',
    synonyms: ['vendeur', 'conseiller', 'commercial', 'responsable', 'owner', 'seller'],
  },
  tags: { fr: 'Étiquettes', en: 'Tags', synonyms: ['etiquettes', 'tags', 'mots cles', 'labels'] },
  notes: {
    fr: 'Notes',
    en: 'Notes',
    synonyms: ['commentaire', 'commentaires', 'note', 'remarque', 'observations', 'comment'],
  },
  comments: {
    fr: 'Message',
    en: 'Message',
    synonyms: ['message', 'demande', 'commentaire client', 'customer comments'],
  },
  consentGivenAt: {
    fr: 'Consentement le',
    en: 'Consent given at',
    synonyms: ['date consentement', 'date du consentement', 'consentement', 'optin date', 'consent date'],
  },
  consentWording: {
    fr: 'Texte du consentement',
    en: 'Consent wording',
    synonyms: ['texte consentement', 'mention consentement', 'consent text', 'consent wording'],
  },
  createdAt: {
    fr: 'Créé le',
    en: 'Created at',
    synonyms: ['date de creation', 'date creation', 'cree le', 'date', 'date du lead', 'created', 'created at'],
  },
  lastContactAt: {
    fr: 'Dernier contact',
    en: 'Last contact',
    synonyms: ['date dernier contact', 'dernier contact', 'last contact', 'last contacted'],
  },
  ignore: { fr: '(ignorer)', en: '(ignore)', synonyms: [] },
} as const satisfies Record<string, { fr: string; en: string; synonyms: readonly string[] }>;

export type ImportField = keyof typeof importFields;
export const importFieldNames = Object.keys(importFields) as ImportField[];
export const isImportField = (name: string): name is ImportField => Object.hasOwn(importFields, name);

/** Short ids a client may send (the renderer's list uses them): `mobile` is `phoneMobile`, `make` is `vehicleMake`. */
const fieldAliases: Record<string, ImportField> = {
  mobile: 'phoneMobile',
  homePhone: 'phoneHome',
  workPhone: 'phoneWork',
  make: 'vehicleMake',
  model: 'vehicleModel',
  year: 'vehicleYear',
  trim: 'vehicleTrim',
  condition: 'vehicleCondition',
  vin: 'vehicleVin',
  stockNumber: 'vehicleStock',
  registration: 'vehicleRegistration',
  price: 'vehiclePrice',
};

/** A mapping value -> the field it names, accepting the aliases; undefined when unknown. */
export function resolveField(name: string): ImportField | undefined {
  return isImportField(name) ? name : fieldAliases[name];
}

/** "N° de série" -> "n de serie": lower case, no accents, punctuation as single spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const TRADE_IN = /\b(reprise|trade in|tradein|vehicule repris)\b/;
const lookup = new Map<string, ImportField>();
for (const field of importFieldNames) {
  const { fr, en, synonyms } = importFields[field];
  for (const s of [fr, en, ...synonyms]) if (!lookup.has(normalizeHeader(s))) lookup.set(normalizeHeader(s), field);
}
const tradeInOf: Partial<Record<ImportField, ImportField>> = {
  vehicleYear: 'tradeInYear',
  vehicleMake: 'tradeInMake',
  vehicleModel: 'tradeInModel',
  vehicleRegistration: 'tradeInRegistration',
  vehicleVin: 'tradeInVin',
  tradeInMileage: 'tradeInMileage',
};

/** The field a header most likely means, or undefined when no guess is safe. */
export function guessField(header: string): ImportField | undefined {
  const h = normalizeHeader(header);
  const direct = lookup.get(h);
  if (direct) return direct;
  if (TRADE_IN.test(h)) {
    const rest = h
      .replace(TRADE_IN, ' ')
      .replace(/\b(du|de|la|le|des|d|of)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const base = lookup.get(rest);
    return base ? tradeInOf[base] : undefined;
  }
  // "Téléphone 2", "Email client": drop a trailing number or a "client"/"du client" qualifier.
  const trimmed = h
    .replace(/\b(du |de la )?(client|prospect|contact)\b/g, ' ')
    .replace(/\s+\d+$/, '')
    .trim();
  return trimmed && trimmed !== h ? lookup.get(trimmed.replace(/\s+/g, ' ')) : undefined;
}

/**
 * header -> field for every header with a safe guess; a field already taken by an earlier header
 * is not guessed twice, except phones (a file may have several phone columns).
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = guessField(header);
    if (!field) continue;
    if (used.has(field) && !field.startsWith('phone')) continue;
    used.add(field);
    mapping[header] = field;
  }
  return mapping;
}

/** Unknown fields in a preset or a --mapping file are errors the user must see, not silent drops. */
export function invalidMappingFields(mapping: ColumnMapping): string[] {
  return Object.values(mapping).filter((f) => resolveField(f) === undefined);
}

/** The import fields that feed each part of a lead, to point a rejected lead field back at a column. */
const fieldsOfLeadPart: readonly (readonly [leadPath: string, fields: readonly ImportField[]])[] = [
  ['contact.phones', ['phone', 'phoneMobile', 'phoneHome', 'phoneWork', 'phoneFax', 'phoneOther']],
  ['contact.email', ['email']],
  ['contact.firstName', ['firstName']],
  ['contact.lastName', ['lastName']],
  ['contact.fullName', ['fullName', 'company']],
  ['contact.address.street', ['street']],
  ['contact.address.postalCode', ['postalCode']],
  ['contact.address.city', ['city']],
  ['contact.address.country', ['country']],
  ['contact.preferredContactTime', ['preferredContactTime']],
  [
    'vehicles',
    [
      'vehicleMake',
      'vehicleModel',
      'vehicleInterest',
      'vehicleCondition',
      'vehicleYear',
      'vehicleTrim',
      'vehicleVin',
      'vehicleStock',
      'vehicleRegistration',
      'vehiclePrice',
      'vehicleCurrency',
    ],
  ],
  ['tradeIn', ['tradeInMake', 'tradeInModel', 'tradeInYear', 'tradeInMileage', 'tradeInRegistration', 'tradeInVin']],
  ['source', ['source', 'sourceProvider', 'sourceId']],
  ['stage', ['stage']],
  ['owner', ['owner']],
  ['tags', ['tags']],
  ['consents', ['consentGivenAt', 'consentWording']],
  ['comments', ['comments']],
  ['timeline', ['notes']],
  ['createdAt', ['createdAt']],
  ['lastContactAt', ['lastContactAt']],
];

/**
 * The column of a row that fills `leadField` (a dotted lead path such as `contact.phones.20`):
 * the first such column with a value in the row, else the first such column; undefined if none.
 */
export function columnOfLeadField(
  leadField: string,
  headers: readonly string[],
  mapping: ColumnMapping,
  cells: readonly string[],
): string | undefined {
  const part = fieldsOfLeadPart.find(([p]) => leadField === p || leadField.startsWith(`${p}.`));
  if (!part) return undefined;
  const columns = headers
    .map((h, i) => ({ h, i, field: mapping[h] ? resolveField(mapping[h]) : undefined }))
    .filter((c) => c.field !== undefined && part[1].includes(c.field));
  return (columns.find((c) => cells[c.i]?.trim()) ?? columns[0])?.h;
}
