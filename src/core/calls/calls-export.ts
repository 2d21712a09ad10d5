import { callsToCsv as toCsv } from '../../shared/calls-csv';
import type { CallRow } from '../../shared/domain/dialer';

export interface CallsCsvOptions {
  /** French label of a disposition id (falls back to the id). */
  dispositionLabel: (id: string) => string | undefined;
  /** Dates are written in this zone (the dealership's). */
  zone: string;
}

/** Call rows -> CSV for French Excel (the command line speaks to French dealerships first). */
export const callsToCsv = (rows: Iterable<CallRow>, options: CallsCsvOptions): string =>
  toCsv(rows, { ...options, locale: 'fr' });

/** Call rows -> JSON: the records as stored, with the outcome applied (ISO times, numbers as numbers). */
export function callsToJson(rows: Iterable<CallRow>): string {
  return JSON.stringify([...rows], null, 2) + '\n';
}
