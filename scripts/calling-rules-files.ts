import { format, resolveConfig } from 'prettier';
import { FR_RULES, US_RULES, type RuleSet } from '../src/shared/domain/calling-rules';
import { ruleSetFileText, ruleSetJsonSchema } from '../src/core/calling-rules/rule-set-file';

/**
 * The documented rule set files, as committed: the JSON Schema and the presets managers start
 * from (with a `$schema` pointer so editors check and complete them), in the repo's JSON style.
 */
export async function callingRulesDocFiles(): Promise<Record<string, string>> {
  const style = async (file: string, text: string) => format(text, { ...(await resolveConfig(file)), filepath: file });
  const preset = (rules: RuleSet) => ruleSetFileText(rules, '../calling-rules.schema.json');
  const files: Record<string, string> = {
    'docs/calling-rules.schema.json': ruleSetJsonSchema(),
    'docs/calling-rules/FR.json': preset(FR_RULES),
    'docs/calling-rules/US.json': preset(US_RULES),
  };
  for (const [file, text] of Object.entries(files)) files[file] = await style(file, text);
  return files;
}
