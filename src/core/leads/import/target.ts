import type { ImportProblem } from '../../../shared/domain/import-problems';
import type { Lead, LeadDraft } from '../../../shared/domain/lead';
import type { ParsedLeadQuery } from '../../../shared/domain/lead-query';

/** Rows of a file, as read so far; `fileRejects`: rows of this batch the reader rejected already. */
export interface ImportBatch {
  items: { draft: LeadDraft; line: number }[];
  fileRejects?: number;
}

/**
 * A row the lead rules refuse: `field` is the lead field at fault, `reason` the English words.
 * `problem` (codes `lead-rule-broken`, `merge-breaks-rule`) lets the screens word it in French;
 * without it the reason is shown as it is.
 */
export interface TargetReject {
  line: number;
  field: string;
  reason: string;
  problem?: ImportProblem;
}

/** What the import needs from the lead service (dedupe, merge and durable write are its job). */
export interface ImportTarget {
  /**
   * Merges and stores the rows, batch by batch as the file is read. Rows whose lead the lead
   * rules refuse come back in `rejected`; unless keepValid, any reject (theirs or the file's)
   * means nothing is written.
   */
  importBatches(
    batches: Iterable<ImportBatch> | AsyncIterable<ImportBatch>,
    options: {
      dryRun: boolean;
      fileName: string;
      via: 'import' | 'sample';
      keepValid: boolean;
      /** Called once every row is merged, just before the leads are written (never on a dry run or a refusal). */
      onWriting?: () => void;
    },
  ): Promise<{
    imported: number;
    merged: number;
    unchanged: number;
    rejected: TargetReject[];
  }>;
}

/** What the export needs: every lead matching a query, in the query's order. */
export interface LeadSource {
  query(q: ParsedLeadQuery): Lead[];
  /** Resolves once the leads are loaded (the service's query() is synchronous and needs them). */
  ready?(): Promise<unknown>;
}
