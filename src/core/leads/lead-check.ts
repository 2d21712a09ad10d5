import { LeadSchema, type Lead } from '../../shared/domain/lead';
import { describeZodError } from '../../shared/result';
import { compileCheck } from './schema-check';

const isLead = compileCheck(LeadSchema);

/**
 * The first thing wrong with a lead by the lead schema (`field` as a dotted path), or undefined
 * when it is valid. The compiled check decides (a 100k-row import validates every lead); zod,
 * only asked about a lead already found wrong, words the problem.
 */
export function leadIssue(lead: Lead): { field: string; message: string } | undefined {
  if (isLead(lead)) return undefined;
  const checked = LeadSchema.safeParse(lead);
  if (checked.success) return undefined; // never expected: the check is held equal to zod by tests
  return describeZodError(checked.error)[0]!;
}
