import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rule must fail a wrong import and pass a right one; this proves both directions. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layer boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import { readFile } from 'node:fs'; export const f = readFile;"],
    ['src/shared/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/shared/x.ts', "import { createCore } from '../core/app-core'; export const c = createCore;"],
    ['src/core/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/core/x.ts', "import { startWebHost } from '../web/server'; export const s = startWebHost;"],
    ['src/renderer/x.ts', "import { createCore } from '../core/app-core'; export const c = createCore;"],
    ['src/renderer/x.ts', "import { readFile } from 'node:fs'; export const f = readFile;"],
    ['src/preload/x.ts', "import { createCore } from '../core/app-core'; export const c = createCore;"],
    ['src/web/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/x.ts', "import { startWebHost } from '../web/server'; export const s = startWebHost;"],
  ])('fails %s importing across a boundary (%#)', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    [
      'src/core/x.ts',
      "import { readFile } from 'node:fs'; import { requests } from '../shared/contract'; export const f = [readFile, requests];",
    ],
    [
      'src/main/x.ts',
      "import { app } from 'electron'; import { createCore } from '../core/app-core'; export const a = [app, createCore];",
    ],
    ['src/renderer/x.ts', "import { requests } from '../shared/contract'; export const r = requests;"],
    ['src/web/x.ts', "import { createCore } from '../core/app-core'; export const c = createCore;"],
  ])('passes %s importing within the rules (%#)', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
