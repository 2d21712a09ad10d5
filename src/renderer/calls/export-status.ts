import type { CallsFilter } from './calls-filter';

/** The export's last message, with the filters it was about. */
export interface ExportStatus {
  text: string;
  error: boolean;
  filter: CallsFilter;
}

const sameFilter = (a: CallsFilter, b: CallsFilter): boolean =>
  (Object.keys(a) as (keyof CallsFilter)[]).every((field) => a[field] === b[field]);

/** « 2 appels exportés. » speaks of the list it exported: once the filters change, it is gone. */
export const exportStatusFor = (status: ExportStatus | null, filter: CallsFilter): ExportStatus | null =>
  status && sameFilter(status.filter, filter) ? status : null;
