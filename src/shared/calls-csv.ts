// The call log as a spreadsheet, the same from the Calls screen and `relance calls export`.
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { csvFormulaEscape } from './csv-cell';
import { csvPhone } from './csv-phone';
import type { CallRow } from './domain/dialer';

const BOM = '\uFEFF';

export interface CallsCsvOptions {
  locale: 'fr' | 'en';
  /** The disposition's label in `locale` (falls back to its id). */
  dispositionLabel: (id: string) => string | undefined;
  /** IANA zone the times are written in (the seller's). */
  zone: string;
}

// The French columns are the ones `relance calls export` writes, so both files read the same.
const columns = {
  fr: [
    'Début',
    'Sonnerie',
    'Décroché',
    'Fin',
    'Sens',
    'Numéro',
    'Id prospect',
    'Prospect',
    'Statut SIP',
    'Raccroché par',
    'Issue',
    'Code issue',
    'Issue fixée par',
    'Notes',
    'Conversation (s)',
    'RTT (ms)',
    'Gigue (ms)',
    'Perte (%)',
    'MOS',
    "Session d'appels",
    'Id appel',
  ],
  en: [
    'Start',
    'Ringing',
    'Answered',
    'End',
    'Direction',
    'Number',
    'Lead id',
    'Lead',
    'SIP status',
    'Hung up by',
    'Disposition',
    'Disposition code',
    'Disposition set by',
    'Notes',
    'Talk time (s)',
    'RTT (ms)',
    'Jitter (ms)',
    'Loss (%)',
    'MOS',
    'Dialer session',
    'Call id',
  ],
} as const;

const words = {
  fr: {
    direction: { outbound: 'sortant', inbound: 'entrant' },
    hangup: { local: 'vendeur', remote: 'correspondant', system: 'système' },
    by: { sip: 'automatique (SIP)', seller: 'vendeur' },
    date: 'dd/MM/yyyy HH:mm:ss',
    delimiter: ';',
    decimal: ',',
  },
  en: {
    direction: { outbound: 'outbound', inbound: 'inbound' },
    hangup: { local: 'seller', remote: 'other party', system: 'system' },
    by: { sip: 'automatic (SIP)', seller: 'seller' },
    date: 'yyyy-MM-dd HH:mm:ss',
    delimiter: ',',
    decimal: '.',
  },
} as const;

/**
 * Call rows as a spreadsheet opens them: UTF-8 with a BOM (Excel reads accents), and for French
 * `;` between fields with decimal commas; for English `,` and decimal points. Numbers are written
 * as the leads export writes them (`06 12 34 56 78` in French, else `+33 6 12 34 56 78`); cells a
 * spreadsheet would run as a formula (international numbers, names, notes) start with an apostrophe.
 */
export function callsToCsv(rows: Iterable<CallRow>, options: CallsCsvOptions): string {
  const w = words[options.locale];
  const date = (iso: string | undefined) => (iso ? DateTime.fromISO(iso, { zone: options.zone }).toFormat(w.date) : '');
  const num = (n: number | undefined, digits = 1) =>
    n === undefined ? '' : String(Number(n.toFixed(digits))).replace('.', w.decimal);
  const data: string[][] = [];
  for (const r of rows) {
    data.push([
      date(r.startedAt),
      date(r.ringingAt),
      date(r.answeredAt),
      date(r.endedAt),
      w.direction[r.direction],
      csvPhone(r.number, w.delimiter),
      r.leadId ?? '',
      r.leadName ?? '',
      r.sipStatus?.toString() ?? '',
      r.hangupSide ? w.hangup[r.hangupSide] : '',
      r.disposition ? (options.dispositionLabel(r.disposition) ?? r.disposition) : '',
      r.disposition ?? '',
      r.dispositionBy ? w.by[r.dispositionBy] : '',
      r.notes ?? '',
      num(r.talkSeconds, 0),
      num(r.quality?.rttMs, 0),
      num(r.quality?.jitterMs),
      num(r.quality?.lossPct, 2),
      num(r.quality?.mos, 2),
      r.dialerSessionId ?? '',
      r.id,
    ]);
  }
  const fields = [...columns[options.locale]];
  return (
    BOM + Papa.unparse({ fields, data }, { delimiter: w.delimiter, newline: '\r\n', ...csvFormulaEscape }) + '\r\n'
  );
}

/** `appels-2026-03-10.csv` / `calls-2026-03-10.csv`. */
export const callsCsvFileName = (locale: 'fr' | 'en', now: Date): string =>
  `${locale === 'fr' ? 'appels' : 'calls'}-${DateTime.fromJSDate(now).toFormat('yyyy-MM-dd')}.csv`;
