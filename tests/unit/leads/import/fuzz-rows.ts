import { mulberry32 } from '../../../../src/core/leads/sample/prng';

/**
 * Rows as dealers' files really hold them, good and bad mixed: every column of the export (and
 * a few repeated ones), each cell valid, empty, padded, too long, misspelt or of the wrong kind.
 * Used to hold fast paths equal to what they replace, on inputs nobody wrote by hand.
 */
export const fuzzHeaders = [
  'Prénom',
  'Nom',
  'Nom complet',
  'Société',
  'Téléphone',
  'Portable',
  'Tél. domicile',
  'Tél. travail',
  'Fax',
  'Autre téléphone',
  'Téléphone 2',
  'E-mail',
  'Moment préféré',
  'Adresse',
  'Code postal',
  'Ville',
  'Pays',
  'Intérêt',
  'État',
  'Année',
  'Marque',
  'Modèle',
  'Finition',
  'VIN',
  'N° de stock',
  'Immatriculation',
  'Prix',
  'Devise',
  'Reprise année',
  'Reprise marque',
  'Reprise modèle',
  'Reprise km',
  'Reprise immatriculation',
  'Reprise VIN',
  'Source',
  'Fournisseur',
  'Réf. source',
  'Étape',
  'Vendeur',
  'Étiquettes',
  'Notes',
  'Commentaire',
  'Message',
  'Consentement le',
  'Texte du consentement',
  'Créé le',
  'Dernier contact',
] as const;

type Header = (typeof fuzzHeaders)[number];

const long = (n: number) => 'x'.repeat(n);
const phones = [
  '06 12 34 56 78',
  '+33 6 12 34 56 78',
  '0033612345678',
  '01.42.68.53.00',
  '+33 1 42 68 53 00',
  '07 81 22 33 44',
  '+32 470 12 34 56',
  '+1 415 555 2671',
  '06 12 34 56 78 / 07 81 22 33 44',
  '01 42 68 53 00|06 98 76 54 32',
  '0800 123 456',
];
const badPhones = ['12 34', 'pas de numéro', '+33 9 99 99 99 99 99', '06 12 34 56 78 / 12'];

/** Per column: values a file may well hold, then values that must be rejected. */
const cells: Record<Header, readonly [good: readonly string[], bad: readonly string[]]> = {
  Prénom: [['Élodie', 'Jean-Marc', 'Chloé', '  Zoé  '], [long(101)]],
  Nom: [['Martin', 'Lefèvre', "O'Brien"], [long(101)]],
  'Nom complet': [['Martin Élodie'], [long(201)]],
  Société: [['Garage Martin SARL', 'Taxis du Centre'], [long(201)]],
  Téléphone: [phones, badPhones],
  Portable: [phones, badPhones],
  'Tél. domicile': [phones, badPhones],
  'Tél. travail': [phones, badPhones],
  Fax: [phones, badPhones],
  'Autre téléphone': [phones, badPhones],
  'Téléphone 2': [phones, badPhones],
  'E-mail': [
    ['paul.roy@gmail.com', 'Contact@Garage.FR', "o'neil+crm@mail.example.fr"],
    ['x@', 'a b@c.fr', 'zoe@mail'],
  ],
  'Moment préféré': [['après 18h', 'le matin'], [long(201)]],
  Adresse: [['12 rue de la Paix'], [long(201)]],
  'Code postal': [['75002', '69001'], [long(21)]],
  Ville: [['Paris', 'Saint-Étienne', 'Lyon'], [long(101)]],
  Pays: [['FR', 'France', 'belgique', 'fr', 'Royaume-Uni'], ['Narnia']],
  Intérêt: [['achat', 'LOA', 'essai', 'location', 'test drive'], ['troc']],
  État: [['neuf', 'VO', 'occasion', 'VN'], ['cassé']],
  Année: [
    ['2023', '2020', '1900', '2100'],
    ['1899', '2101', '20255', 'deux mille'],
  ],
  Marque: [['Renault', 'Peugeot', 'Toyota'], [long(61)]],
  Modèle: [['Clio', '208', 'Yaris'], [long(81)]],
  Finition: [['RS Line', 'GT'], [long(81)]],
  VIN: [
    ['VF1RFB00X56789012', 'VR3-ZETTF2-PD163437'],
    ['VF1-ÉÉÉ', 'VF1IOQ', long(18)],
  ],
  'N° de stock': [['VO-25-0513'], [long(41)]],
  Immatriculation: [['gf-304-qe', 'AB 123 CD'], [long(21)]],
  Prix: [
    ['17990', '12 990,00 €', '12.990,50', '12,990.50', '$12000', '9 990 CHF'],
    ['douze mille', '-5'],
  ],
  Devise: [
    ['EUR', 'eur', '€', 'USD'],
    ['euros', 'E'],
  ],
  'Reprise année': [['2012'], ['1800']],
  'Reprise marque': [['Peugeot'], [long(61)]],
  'Reprise modèle': [['Partner'], [long(81)]],
  'Reprise km': [
    ['103307', '45 000 km', '30000 miles'],
    ['beaucoup', '12,5', '-3'],
  ],
  'Reprise immatriculation': [['ab-123-cd'], [long(21)]],
  'Reprise VIN': [['VF7ZZZZZZZZZZZZZZ'], ['Q']],
  Source: [['Site web', 'La Centrale'], [long(101)]],
  Fournisseur: [['Leboncoin'], [long(101)]],
  'Réf. source': [['LBC-123'], [long(101)]],
  Étape: [['nouveau', 'contacté', 'RDV', 'Rendez-vous', 'venu', 'vendu', 'perdu', 'new'], ['gagné']],
  Vendeur: [['Claire Dubois', 'Julien Moreau'], [long(101)]],
  Étiquettes: [['Financement, Reprise', 'VIP|salon', 'a;b;a'], [long(51)]],
  Notes: [['Rappeler après 18h', 'Très intéressé'], []],
  Commentaire: [['Deuxième note', 'Rappeler après 18h'], []],
  Message: [['Je cherche une citadine'], [long(10_001)]],
  'Consentement le': [
    ['10/06/2025 14:16:33', '01/09/2025', '2025-06-10T12:00:00Z'],
    ['31/02/2025', 'hier'],
  ],
  'Texte du consentement': [["J'accepte d'être recontacté(e) par téléphone."], [long(2001)]],
  'Créé le': [
    ['10/06/2025 14:16:33', '2025-03-30 02:30', '31-12-2025 14h30'],
    ['31/02/2025', 'demain'],
  ],
  'Dernier contact': [['02/01/2026 09:22:22', '2025-10-26T02:30:00+02:00'], ['jamais']],
};

/**
 * `count` rows of cells (one per fuzzHeaders entry), the same for the same seed. `badShare` is
 * the chance that a filled cell holds a value to reject (with ~25 filled cells, 0.03 leaves
 * about half the rows valid).
 */
export function fuzzRows(count: number, seed = 1, badShare = 0.03): string[][] {
  const r = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const rows: string[][] = [];
  for (let n = 0; n < count; n++) {
    // Each row fills a random share of the columns, so sparse and dense rows both occur.
    const fill = r();
    // Columns that go together are filled together, but not always (that is a reject of its own).
    const vehicle = r() < fill;
    const consent = r() < fill;
    const filled = (h: Header): boolean => {
      if (h === 'Marque' || h === 'Modèle') return r() < 0.97 ? vehicle : !vehicle;
      if (h === 'Consentement le' || h === 'Texte du consentement') return r() < 0.97 ? consent : !consent;
      if (vehicle === false && /^(Intérêt|État|Année|Finition|VIN|N° de stock|Immatriculation|Prix|Devise)$/.test(h))
        return r() < 0.02;
      return r() < fill;
    };
    rows.push(
      fuzzHeaders.map((h) => {
        if (!filled(h)) return r() < 0.1 ? '   ' : '';
        const [good, bad] = cells[h];
        const value = bad.length > 0 && r() < badShare ? pick(bad) : pick(good);
        return r() < 0.05 ? ` ${value} ` : value;
      }),
    );
  }
  return rows;
}

/** The rows as a `;` CSV text, quoted where needed. */
export function fuzzCsv(count: number, seed = 1, badShare?: number): string {
  const quote = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [fuzzHeaders, ...fuzzRows(count, seed, badShare)].map((row) => row.map(quote).join(';')).join('\r\n');
}
