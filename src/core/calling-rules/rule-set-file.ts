import { z } from 'zod';
import { RuleSetSchema, type RuleSet } from '../../shared/domain/calling-rules';

/** The JSON Schema of a rule set file, for managers and IT who adapt one (docs/calling-rules.schema.json). */
export function ruleSetJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(RuleSetSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}

/** Reads a rule set file's text: the set, or every problem by field path. */
export function parseRuleSetFile(text: string): { ok: true; rules: RuleSet } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`not JSON: ${(err as Error).message}`] };
  }
  const parsed = RuleSetSchema.safeParse(json);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`),
  };
}
