#!/usr/bin/env node
// Entry of the `relance` command; the CLI itself is bundled by `npm run build` into out/cli.
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('relance: not built yet; run "npm run build" first\n');
  process.exit(2);
}
await import(entry.href);
