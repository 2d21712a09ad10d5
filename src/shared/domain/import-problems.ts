import { z } from 'zod';
import { stages } from './lead';

/**
 * Why an import rejects a row or a file, as a code with its values, so each screen and file
 * says it in its own language. The English sentences are the import's historical reasons (the
 * CLI prints them); `importProblemText` is their only source.
 */

/** Shown by the UI when `leads.inspectImport` refuses a file (it recognises the refusal by this message). */
export const notTextFileMessage = 'not a text file (an Excel workbook? save it as CSV first)';

/** Columns read against a list of words: stage, vehicle interest, vehicle condition. */
export const wordFields = ['stage', 'interest', 'condition'] as const;
export type WordField = (typeof wordFields)[number];

const value = z.string();
const plain = <C extends string>(code: C) => z.object({ code: z.literal(code) });
const withValue = <C extends string>(code: C) => z.object({ code: z.literal(code), value });
const ruleBroken = { field: z.string(), message: z.string() };

export const ImportProblemSchema = z.discriminatedUnion('code', [
  // A cell of a row (CSV), or an element (ADF).
  withValue('phone-invalid'),
  withValue('email-invalid'),
  plain('no-contact-channel'),
  withValue('date-invalid'),
  withValue('date-not-exist'),
  withValue('number-invalid'),
  withValue('country-unknown'),
  withValue('mileage-invalid'),
  /** `start`: the tag's first 30 characters. */
  z.object({ code: z.literal('tag-too-long'), start: z.string(), max: z.number().int().positive() }),
  plain('consent-wording-without-date'),
  plain('consent-date-without-wording'),
  plain('consent-without-phone'),
  withValue('price-invalid'),
  withValue('currency-invalid'),
  plain('vehicle-without-make-model'),
  z.object({ code: z.literal('vehicle-make-missing'), model: z.string() }),
  z.object({ code: z.literal('vehicle-model-missing'), make: z.string() }),
  /** `start`: the value's first 30 characters. */
  z.object({ code: z.literal('too-long'), start: z.string(), max: z.number().int().positive() }),
  withValue('year-invalid'),
  withValue('vin-invalid'),
  z.object({ code: z.literal('not-one-of'), field: z.enum(wordFields), value }),
  // A row or the file (CSV).
  z.object({ code: z.literal('column-count'), cells: z.number().int(), columns: z.number().int() }),
  z.object({ code: z.literal('quote-never-closes'), line: z.number().int() }),
  plain('not-text-file'),
  plain('file-empty'),
  plain('no-column-matched'),
  // ADF.
  z.object({
    code: z.literal('xml-malformed'),
    line: z.number().int(),
    column: z.number().int(),
    /** The XML parser's own words (English). */
    detail: z.string(),
  }),
  plain('no-prospect'),
  plain('no-customer-contact'),
  /**
   * The lead schema refused a value (ADF): `message` is the schema's English wording; `max`
   * and `of` say what was too big, when that is what it was.
   */
  z.object({
    code: z.literal('value-refused'),
    message: z.string(),
    max: z.number().optional(),
    of: z.enum(['characters', 'items']).optional(),
  }),
  // The lead rules (lead service): `field` is the lead field at fault, `message` the rule's English wording.
  z.object({ code: z.literal('lead-rule-broken'), ...ruleBroken }),
  /** Merging the row into an earlier lead (of `earlierLine`, or one already stored) breaks a rule. */
  z.object({ code: z.literal('merge-breaks-rule'), earlierLine: z.number().int().optional(), ...ruleBroken }),
  /** Free text with no code of its own (English). */
  z.object({ code: z.literal('other'), message: z.string() }),
]);
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
export type ImportProblemCode = ImportProblem['code'];

type Locale = 'fr' | 'en';
type Texts = { [C in ImportProblemCode]: (p: Extract<ImportProblem, { code: C }>) => string };

/** French quotes with the no-break spaces the UI uses. */
const q = (s: string | number) => `«\u00a0${s}\u00a0»`;

const allowedWords: Record<Locale, Record<WordField, string>> = {
  en: {
    stage: `${stages.join(', ')} (or nouveau, contacté, rdv, venu, vendu, perdu)`,
    interest: 'achat, LOA/location, essai (buy, lease, test-drive)',
    condition: 'neuf/VN, occasion/VO (new, used)',
  },
  fr: {
    stage: 'nouveau, contacté, rdv, venu, vendu ou perdu',
    interest: 'achat, LOA/location ou essai',
    condition: 'neuf/VN ou occasion/VO',
  },
};

const frWordField: Record<WordField, (v: string) => string> = {
  stage: (v) => `Étape ${q(v)} inconnue`,
  interest: (v) => `Type de demande ${q(v)} inconnu`,
  condition: (v) => `État du véhicule ${q(v)} inconnu`,
};

const english: Texts = {
  'phone-invalid': (p) => `phone '${p.value}' is not a valid number`,
  'email-invalid': (p) => `e-mail '${p.value}' is not valid`,
  'no-contact-channel': () => 'no phone and no e-mail: nothing to call',
  'date-invalid': (p) => `date '${p.value}' is not a date (expected 31/12/2025, 31/12/2025 14:30 or 2025-12-31)`,
  'date-not-exist': (p) => `date '${p.value}' does not exist`,
  'number-invalid': (p) => `'${p.value}' is not a number`,
  'country-unknown': (p) => `country '${p.value}' is not known (use a 2-letter code such as FR)`,
  'mileage-invalid': (p) => `mileage '${p.value}' is not a whole number of km`,
  'tag-too-long': (p) => `tag '${p.start}…' is longer than ${p.max} characters`,
  'consent-wording-without-date': () => 'consent wording given without the date it was given',
  'consent-date-without-wording': () => 'consent date given without the wording shown to the consumer',
  'consent-without-phone': () => 'consent given but no phone number it covers',
  'price-invalid': (p) => `price '${p.value}' is not a number`,
  'currency-invalid': (p) => `currency '${p.value}' is not a currency code such as EUR`,
  'vehicle-without-make-model': () => 'vehicle details given without make and model',
  'vehicle-make-missing': (p) => `vehicle make is missing (model '${p.model}' given)`,
  'vehicle-model-missing': (p) => `vehicle model is missing (make '${p.make}' given)`,
  'too-long': (p) => `'${p.start}…' is longer than ${p.max} characters`,
  'year-invalid': (p) => `year '${p.value}' is not a year`,
  'vin-invalid': (p) => `VIN '${p.value}' is not valid (at most 17 letters and digits, no I, O or Q)`,
  'not-one-of': (p) => `${p.field} '${p.value}' is not one of ${allowedWords.en[p.field]}`,
  'column-count': (p) =>
    `row has ${p.cells} columns, the header has ${p.columns} (a separator inside an unquoted value?)`,
  'quote-never-closes': (p) => `quoted field opened on line ${p.line} never closes: the file looks truncated`,
  'not-text-file': () => notTextFileMessage,
  'file-empty': () => 'the file is empty',
  'no-column-matched': () => 'no column could be matched to a lead field: choose a mapping',
  'xml-malformed': (p) => `XML is malformed at line ${p.line}, column ${p.column}: ${p.detail}`,
  'no-prospect': () => 'no <prospect> found: is this an ADF file?',
  'no-customer-contact': () => 'no customer contact: nothing to call',
  'value-refused': (p) => p.message,
  'lead-rule-broken': (p) => `${p.field}: ${p.message}`,
  'merge-breaks-rule': (p) =>
    `same person as ${p.earlierLine !== undefined ? `the lead of line ${p.earlierLine}` : 'a lead already in Relance'} (same phone or e-mail), and the two together break a rule: ${p.field}: ${p.message}`,
  other: (p) => p.message,
};

const french: Texts = {
  'phone-invalid': (p) => `Le numéro ${q(p.value)} n'est pas un numéro de téléphone valide`,
  'email-invalid': (p) => `L'adresse e-mail ${q(p.value)} n'est pas valide`,
  'no-contact-channel': () => 'Ni téléphone ni e-mail : aucun moyen de joindre ce prospect',
  'date-invalid': (p) => `${q(p.value)} n'est pas une date (attendu : 31/12/2025, 31/12/2025 14:30 ou 2025-12-31)`,
  'date-not-exist': (p) => `La date ${q(p.value)} n'existe pas`,
  'number-invalid': (p) => `${q(p.value)} n'est pas un nombre`,
  'country-unknown': (p) => `Pays ${q(p.value)} inconnu (indiquez un code à 2 lettres, par exemple FR)`,
  'mileage-invalid': (p) => `Kilométrage ${q(p.value)} invalide : indiquez un nombre entier de km`,
  'tag-too-long': (p) => `L'étiquette ${q(`${p.start}…`)} dépasse ${p.max} caractères`,
  'consent-wording-without-date': () => 'Texte du consentement fourni sans la date à laquelle il a été donné',
  'consent-date-without-wording': () => 'Date du consentement fournie sans le texte présenté au client',
  'consent-without-phone': () => "Consentement fourni sans le numéro de téléphone qu'il couvre",
  'price-invalid': (p) => `Le prix ${q(p.value)} n'est pas un nombre`,
  'currency-invalid': (p) => `${q(p.value)} n'est pas un code de devise (par exemple EUR)`,
  'vehicle-without-make-model': () => 'Détails du véhicule fournis sans marque ni modèle',
  'vehicle-make-missing': (p) => `Marque du véhicule manquante (modèle ${q(p.model)} indiqué)`,
  'vehicle-model-missing': (p) => `Modèle du véhicule manquant (marque ${q(p.make)} indiquée)`,
  'too-long': (p) => `${q(`${p.start}…`)} dépasse ${p.max} caractères`,
  'year-invalid': (p) => `${q(p.value)} n'est pas une année`,
  'vin-invalid': (p) => `Le VIN ${q(p.value)} n'est pas valide (17 lettres et chiffres au plus, sans I, O ni Q)`,
  'not-one-of': (p) => `${frWordField[p.field](p.value)} : indiquez ${allowedWords.fr[p.field]}`,
  'column-count': (p) =>
    `La ligne a ${p.cells} colonnes, l'en-tête en a ${p.columns} (un séparateur dans une valeur sans guillemets ?)`,
  'quote-never-closes': (p) =>
    `Les guillemets ouverts à la ligne ${p.line} ne sont jamais fermés : le fichier semble tronqué`,
  'not-text-file': () => "Ce n'est pas un fichier texte (un classeur Excel ? Enregistrez-le d'abord au format CSV)",
  'file-empty': () => 'Le fichier est vide',
  'no-column-matched': () =>
    'Aucune colonne ne correspond à un champ de la fiche prospect : choisissez la correspondance des colonnes',
  'xml-malformed': (p) => `Le fichier XML est mal formé à la ligne ${p.line}, colonne ${p.column} (${p.detail})`,
  'no-prospect': () => 'Aucun élément <prospect> trouvé : est-ce bien un fichier ADF ?',
  'no-customer-contact': () => 'Aucun contact client : personne à appeler',
  'value-refused': (p) =>
    p.max !== undefined && p.of === 'characters'
      ? `Valeur trop longue : ${p.max} caractères au plus`
      : p.max !== undefined && p.of === 'items'
        ? `Trop d'éléments : ${p.max} au plus`
        : `Valeur refusée (${p.message})`,
  'lead-rule-broken': (p) => `Le champ ${p.field} ne respecte pas les règles d'une fiche prospect (${p.message})`,
  'merge-breaks-rule': (p) =>
    `Même personne que ${p.earlierLine !== undefined ? `le prospect de la ligne ${p.earlierLine}` : 'un prospect déjà dans Relance'} (même téléphone ou e-mail), et la fusion des deux ne respecte pas les règles du champ ${p.field} (${p.message})`,
  other: (p) => `Ligne refusée (${p.message})`,
};

const texts: Record<Locale, Texts> = { en: english, fr: french };

/** The problem as one sentence in `locale`; English is the import's historical reason, word for word. */
export function importProblemText(problem: ImportProblem, locale: Locale): string {
  return (texts[locale][problem.code] as (p: ImportProblem) => string)(problem);
}
