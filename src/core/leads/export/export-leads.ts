import { DateTime } from 'luxon';
import type { RequestOutput } from '../../../shared/contract';
import { LeadQuerySchema, type LeadQuery } from '../../../shared/domain/lead-query';
import type { LeadSource } from '../import/target';
import { ADF_MIME, leadsToAdf } from './adf-export';
import { leadsToCsv } from './csv-export';

export interface ExportRequest {
  format: 'csv' | 'adf';
  query?: LeadQuery;
  separator?: ';' | ',';
}

/** All leads, or those of a query (the list's current filter), as a CSV or ADF file. */
export async function exportLeads(
  source: LeadSource,
  request: ExportRequest,
  now: Date,
): Promise<RequestOutput<'leads.export'>> {
  await source.ready?.();
  const leads = source.query(LeadQuerySchema.parse(request.query ?? {}));
  const day = DateTime.fromJSDate(now).toFormat('yyyy-MM-dd');
  const text =
    request.format === 'adf' ? leadsToAdf(leads) : leadsToCsv(leads, { separator: request.separator ?? ';' });
  return {
    fileName: `relance-leads-${day}.${request.format === 'adf' ? 'xml' : 'csv'}`,
    mimeType: request.format === 'adf' ? ADF_MIME : 'text/csv;charset=utf-8',
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    count: leads.length,
  };
}
