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

/**
 * A rule set as a file a manager reads and edits: two-space JSON, one calling window per line
 * (`{ "start": "10:00", "end": "13:00" }`), `$schema` first when given.
 */
export function ruleSetFileText(rules: RuleSet, schemaPointer?: string): string {
  const { $schema, ...rest } = rules;
  const pointer = schemaPointer ?? $schema;
  const text = JSON.stringify(pointer === undefined ? rest : { $schema: pointer, ...rest }, null, 2);
  return `${text.replace(/\{\n\s*"start": ("[^"]*"),\n\s*"end": ("[^"]*")\n\s*\}/g, '{ "start": $1, "end": $2 }')}\n`;
}
