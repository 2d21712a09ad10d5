import { DateTime } from 'luxon';
import Papa from 'papaparse';
import type { CallRow } from '../../shared/domain/dialer';

const BOM = '\uFEFF';

export interface CallsCsvOptions {
  /** French label of a disposition id (falls back to the id). */
  dispositionLabel: (id: string) => string | undefined;
  /** Dates are written in this zone (the dealership's). */
  zone: string;
}

const direction = { outbound: 'sortant', inbound: 'entrant' } as const;
const hangup = { local: 'vendeur', remote: 'correspondant', system: 'système' } as const;
const by = { sip: 'automatique (SIP)', seller: 'vendeur' } as const;

/** Call rows -> CSV for French Excel: UTF-8 with BOM, `;`, local dates, decimal comma. */
export function callsToCsv(rows: Iterable<CallRow>, options: CallsCsvOptions): string {
  const date = (iso: string | undefined) =>
    iso ? DateTime.fromISO(iso, { zone: options.zone }).toFormat('dd/MM/yyyy HH:mm:ss') : '';
  const num = (n: number | undefined, digits = 1) =>
    n === undefined ? '' : String(Number(n.toFixed(digits))).replace('.', ',');
  const data: string[][] = [];
  for (const r of rows) {
    data.push([
      date(r.startedAt),
      date(r.ringingAt),
      date(r.answeredAt),
      date(r.endedAt),
      direction[r.direction],
      r.number,
      r.leadId ?? '',
      r.leadName ?? '',
      r.sipStatus?.toString() ?? '',
      r.hangupSide ? hangup[r.hangupSide] : '',
      r.disposition ? (options.dispositionLabel(r.disposition) ?? r.disposition) : '',
      r.disposition ?? '',
      r.dispositionBy ? by[r.dispositionBy] : '',
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
  const fields = [
    'Début',
    'Sonnerie',
    'Décroché',
    'Fin',
    'Sens',
    'Numéro',
    'Id lead',
    'Lead',
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
  ];
  return BOM + Papa.unparse({ fields, data }, { delimiter: ';', newline: '\r\n' }) + '\r\n';
}

/** Call rows -> JSON: the records as stored, with the outcome applied (ISO times, numbers as numbers). */
export function callsToJson(rows: Iterable<CallRow>): string {
  return JSON.stringify([...rows], null, 2) + '\n';
}
