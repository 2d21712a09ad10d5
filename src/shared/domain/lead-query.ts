import { z } from 'zod';
import { StageSchema } from './lead';

/** The lead list's one search box plus filters and sort; every field optional. */
export const LeadQuerySchema = z
  .object({
    /** Free text: name parts, any phone in any format or partial digits, email, VIN/stock fragment, city. */
    text: z.string().max(200).default(''),
    stages: z.array(StageSchema).max(6).optional(),
    owners: z.array(z.string().max(100)).max(50).optional(),
    sources: z.array(z.string().max(100)).max(50).optional(),
    tags: z.array(z.string().max(50)).max(50).optional(),
    callbackDue: z.enum(['overdue', 'today', 'week']).optional(),
    consent: z.enum(['given', 'none', 'revoked']).optional(),
    sort: z.enum(['name', 'lastContact', 'nextCallback', 'created']).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export type LeadQuery = z.input<typeof LeadQuerySchema>;
export type ParsedLeadQuery = z.output<typeof LeadQuerySchema>;

/** One row of the lead list: what the list shows, nothing more (the detail comes with leads.get). */
export const LeadSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Preferred (or first) phone, E.164. */
  phone: z.string().optional(),
  email: z.string().optional(),
  city: z.string().optional(),
  stage: StageSchema,
  owner: z.string().optional(),
  vehicle: z.string().optional(),
  source: z.string().optional(),
  tags: z.array(z.string()),
  nextCallbackAt: z.string().optional(),
  lastContactAt: z.string().optional(),
  createdAt: z.string(),
});
export type LeadSummary = z.infer<typeof LeadSummarySchema>;

/** Rows the lead list asks for at a time; the first-page snapshot keeps one such page. */
export const LEAD_LIST_PAGE_SIZE = 100;

export const LeadPageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(LeadSummarySchema),
});
export type LeadPage = z.infer<typeof LeadPageSchema>;
