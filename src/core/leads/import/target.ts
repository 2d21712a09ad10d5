import type { Lead, LeadDraft } from '../../../shared/domain/lead';
import type { ParsedLeadQuery } from '../../../shared/domain/lead-query';

/** What the import needs from the lead service (dedupe, merge and durable write are its job). */
export interface ImportTarget {
  importDrafts(
    items: { draft: LeadDraft; line: number }[],
    options: { dryRun: boolean; fileName: string; via: 'import' | 'sample' },
  ): Promise<{ imported: number; merged: number; unchanged: number }>;
}

/** What the export needs: every lead matching a query, in the query's order. */
export interface LeadSource {
  query(q: ParsedLeadQuery): Lead[];
  /** Resolves once the leads are loaded (the service's query() is synchronous and needs them). */
  ready?(): Promise<unknown>;
}
