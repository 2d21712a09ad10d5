import type { CallRow } from '../../shared/domain/dialer';

export { callsCsvFileName, callsToCsv, type CallsCsvOptions } from '../../shared/calls-csv';

/** Every row of a query, page by page (the export takes what the filters select, not just one page). */
export async function collectRows(
  fetchPage: (offset: number, limit: number) => Promise<{ total: number; items: CallRow[] }>,
  pageSize = 1000,
): Promise<CallRow[]> {
  const rows: CallRow[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset, pageSize);
    rows.push(...page.items);
    if (page.items.length < pageSize || rows.length >= page.total) return rows;
  }
}
