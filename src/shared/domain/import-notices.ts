import { z } from 'zod';
import { ImportProblemSchema, importProblemText } from './import-problems';
import { phoneTypes } from './lead';

/**
 * What a lenient ADF import dropped or reinterpreted, as a code with its values, so each screen
 * says it in its own language. The English sentences are the importer's historical warnings
 * (the CLI and `--json` print them); `importNoticeText` is their only source.
 */

/** `element`: the path the warning is about, as the English sentence starts with it (`vehicle[1]/year`). */
const element = z.string();
const value = z.string();
const at = <C extends string>(code: C) => z.object({ code: z.literal(code), element });
const atWithValue = <C extends string>(code: C) => z.object({ code: z.literal(code), element, value });

export const ImportNoticeSchema = z.discriminatedUnion('code', [
  // The file.
  z.object({ code: z.literal('doctype-entities-ignored') }),
  z.object({ code: z.literal('prospect-outside-adf') }),
  // An element of a prospect.
  at('element-unknown'),
  /** A known ADF element Relance has no field for. */
  at('element-not-kept'),
  /** `type`: the phone's type attribute, lower-cased. */
  z.object({ code: z.literal('phone-type-unknown'), element, type: z.string() }),
  z.object({ code: z.literal('phone-type-not-adf'), element, type: z.string(), readAs: z.enum(phoneTypes) }),
  at('phone-type-pager'),
  atWithValue('phone-dropped'),
  atWithValue('email-dropped'),
  atWithValue('country-dropped'),
  atWithValue('year-dropped'),
  atWithValue('vin-dropped'),
  /** An odometer on a vehicle that is not a trade-in. */
  at('odometer-not-trade-in'),
  atWithValue('odometer-dropped'),
  z.object({ code: z.literal('prices-extra'), element, count: z.number().int().min(2) }),
  atWithValue('price-dropped'),
  /** `value`: the interest attribute, lower-cased. */
  atWithValue('interest-unknown'),
  z.object({ code: z.literal('vehicle-dropped'), element, missing: z.enum(['make', 'model']) }),
  at('second-trade-in-dropped'),
  /** The request date could not be read: `problem` says why (a date problem). */
  z.object({ code: z.literal('request-date-dropped'), element, problem: ImportProblemSchema }),
  // A CSV row or an ADF prospect.
  /** No name and no company, imported without one: `where` are the name columns (or element) left empty. */
  z.object({ code: z.literal('no-name'), where: z.array(z.string()) }),
  /** A CSV file none of whose columns gives a name or a company: every lead comes without one. */
  z.object({ code: z.literal('no-name-column') }),
]);
export type ImportNotice = z.infer<typeof ImportNoticeSchema>;
export type ImportNoticeCode = ImportNotice['code'];

type Locale = 'fr' | 'en';
type Texts = { [C in ImportNoticeCode]: (n: Extract<ImportNotice, { code: C }>) => string };

/** French quotes with the no-break spaces the UI uses. */
const q = (s: string | number) => `«\u00a0${s}\u00a0»`;

/** The phone types as the lead form names them. */
const frPhoneType: Record<(typeof phoneTypes)[number], string> = {
  mobile: 'Portable',
  home: 'Domicile',
  work: 'Travail',
  fax: 'Fax',
  other: 'Autre',
};

const english: Texts = {
  'doctype-entities-ignored': () => 'DOCTYPE with entity declarations ignored (entities are never expanded)',
  'prospect-outside-adf': () => '<prospect> outside an <adf> element, read anyway',
  'element-unknown': (n) => `${n.element}: unknown element ignored`,
  'element-not-kept': (n) => `${n.element}: not kept (Relance has no such field)`,
  'phone-type-unknown': (n) => `${n.element}: type '${n.type}' unknown, read as other`,
  'phone-type-not-adf': (n) => `${n.element}: type '${n.type}' is not ADF, read as ${n.readAs}`,
  'phone-type-pager': (n) => `${n.element}: type 'pager' read as other`,
  'phone-dropped': (n) => `${n.element}: '${n.value}' is not a valid number, dropped`,
  'email-dropped': (n) => `${n.element}: '${n.value}' is not a valid e-mail, dropped`,
  'country-dropped': (n) => `${n.element}: '${n.value}' is not a 2-letter code, dropped`,
  'year-dropped': (n) => `${n.element}: '${n.value}' is not a year, dropped`,
  'vin-dropped': (n) => `${n.element}: '${n.value}' is not a VIN, dropped`,
  'odometer-not-trade-in': (n) => `${n.element}: kept only for a trade-in, dropped`,
  'odometer-dropped': (n) => `${n.element}: '${n.value}' is not a whole number, dropped`,
  'prices-extra': (n) => `${n.element}: ${n.count} prices, only the first kept`,
  'price-dropped': (n) => `${n.element}: '${n.value}' is not a price, dropped`,
  'interest-unknown': (n) => `${n.element}: interest '${n.value}' unknown, read as buy`,
  'vehicle-dropped': (n) => `${n.element}: no ${n.missing}, vehicle dropped`,
  'second-trade-in-dropped': (n) => `${n.element}: second trade-in dropped (a lead keeps one)`,
  'request-date-dropped': (n) => `${n.element}: ${importProblemText(n.problem, 'en')}, dropped`,
  'no-name': (n) =>
    `no name and no company: imported without a name (nothing in ${n.where.map((w) => `'${w}'`).join(', ')})`,
  'no-name-column': () => 'no column gives a name or a company: the leads are imported without a name',
};

// The element path leads, as in the rejects file ("Téléphone : Le numéro…"): it is ADF's own name, not translated.
const french: Texts = {
  'doctype-entities-ignored': () =>
    "Déclarations d'entités du DOCTYPE ignorées (les entités ne sont jamais remplacées)",
  'prospect-outside-adf': () => "Élément <prospect> hors d'un élément <adf>, lu quand même",
  'element-unknown': (n) => `${n.element} : Élément inconnu, ignoré`,
  'element-not-kept': (n) => `${n.element} : Non conservé (Relance n'a pas ce champ)`,
  'phone-type-unknown': (n) => `${n.element} : Type ${q(n.type)} inconnu, lu comme ${q(frPhoneType.other)}`,
  'phone-type-not-adf': (n) =>
    `${n.element} : Type ${q(n.type)} hors de la norme ADF, lu comme ${q(frPhoneType[n.readAs])}`,
  'phone-type-pager': (n) => `${n.element} : Type ${q('pager')} lu comme ${q(frPhoneType.other)}`,
  'phone-dropped': (n) => `${n.element} : Le numéro ${q(n.value)} n'est pas valide, valeur ignorée`,
  'email-dropped': (n) => `${n.element} : L'adresse e-mail ${q(n.value)} n'est pas valide, valeur ignorée`,
  'country-dropped': (n) => `${n.element} : ${q(n.value)} n'est pas un code pays à 2 lettres, valeur ignorée`,
  'year-dropped': (n) => `${n.element} : ${q(n.value)} n'est pas une année, valeur ignorée`,
  'vin-dropped': (n) => `${n.element} : ${q(n.value)} n'est pas un VIN, valeur ignorée`,
  'odometer-not-trade-in': (n) => `${n.element} : Kilométrage gardé seulement pour une reprise, valeur ignorée`,
  'odometer-dropped': (n) => `${n.element} : ${q(n.value)} n'est pas un nombre entier, valeur ignorée`,
  'prices-extra': (n) => `${n.element} : ${n.count} prix, seul le premier est gardé`,
  'price-dropped': (n) => `${n.element} : ${q(n.value)} n'est pas un prix, valeur ignorée`,
  'interest-unknown': (n) => `${n.element} : Type de demande ${q(n.value)} inconnu, lu comme ${q('Achat')}`,
  'vehicle-dropped': (n) =>
    `${n.element} : ${n.missing === 'make' ? 'Pas de marque' : 'Pas de modèle'}, véhicule ignoré`,
  'second-trade-in-dropped': (n) => `${n.element} : Deuxième reprise ignorée (une fiche prospect n'en garde qu'une)`,
  'request-date-dropped': (n) => `${n.element} : ${importProblemText(n.problem, 'fr')}, date de la demande ignorée`,
  'no-name': (n) => `Ni nom ni société : prospect importé sans nom (rien dans ${n.where.map(q).join(', ')})`,
  'no-name-column': () => 'Aucune colonne ne donne le nom ni la société : les prospects sont importés sans nom',
};

const texts: Record<Locale, Texts> = { en: english, fr: french };

/** The notice as one sentence in `locale`; English is the importer's historical warning, word for word. */
export function importNoticeText(notice: ImportNotice, locale: Locale): string {
  return (texts[locale][notice.code] as (n: ImportNotice) => string)(notice);
}
