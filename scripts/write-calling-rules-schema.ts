import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { callingRulesDocFiles } from './calling-rules-files';

// tests/unit/calling-rules/rule-set-docs.test.ts fails when these are stale.
for (const [file, text] of Object.entries(await callingRulesDocFiles())) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
