import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callingRulesDocFiles } from '../../../scripts/calling-rules-files';
import { parseRuleSetFile, ruleSetFileText } from '../../../src/core/calling-rules/rule-set-file';
import { FR_RULES, RuleSetSchema, US_RULES } from '../../../src/shared/domain/calling-rules';

describe('documented rule set files', () => {
  it('are the committed docs files (regenerate with npx tsx scripts/write-calling-rules-schema.ts)', async () => {
    const files = await callingRulesDocFiles();
    expect(Object.keys(files).sort()).toEqual([
      'docs/calling-rules.schema.json',
      'docs/calling-rules/FR.json',
      'docs/calling-rules/US.json',
    ]);
    for (const [file, text] of Object.entries(files)) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });

  it('FR.json and US.json parse and are the presets, with a $schema pointer to the committed schema', () => {
    for (const [file, preset] of [
      ['docs/calling-rules/FR.json', FR_RULES],
      ['docs/calling-rules/US.json', US_RULES],
    ] as const) {
      const parsed = parseRuleSetFile(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
      const { $schema, ...rules } = parsed.rules;
      expect($schema).toBe('../calling-rules.schema.json');
      expect(rules).toEqual(preset);
    }
  });

  it('the schema describes the $schema key and refuses unknown keys, as the zod schema does', () => {
    const schema = JSON.parse(readFileSync('docs/calling-rules.schema.json', 'utf8')) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.properties.$schema).toEqual({ type: 'string', maxLength: 500 });
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).not.toContain('$schema');
    expect(RuleSetSchema.safeParse({ ...FR_RULES, $schema: 'x.json' }).success).toBe(true);
    expect(RuleSetSchema.safeParse({ ...FR_RULES, colour: 'red' }).success).toBe(false);
  });

  it('writes one calling window per line and round-trips any set', () => {
    const text = ruleSetFileText(FR_RULES);
    expect(text).toContain(
      '"mon": [\n      { "start": "10:00", "end": "13:00" },\n      { "start": "14:00", "end": "20:00" }\n    ]',
    );
    expect(text).not.toContain('$schema');
    expect(JSON.parse(text)).toEqual(FR_RULES);
    expect(JSON.parse(ruleSetFileText({ ...US_RULES, $schema: 's.json' }))).toEqual({ ...US_RULES, $schema: 's.json' });
    expect(Object.keys(JSON.parse(ruleSetFileText(US_RULES, 'p.json')) as object)[0]).toBe('$schema');
  });
});
