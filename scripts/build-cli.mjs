// Bundles the CLI (and the web host and core it starts) into out/cli/index.js for plain Node,
// and the CSV import worker beside it (out/cli/csv-import-worker.js, found by csv-in-worker.ts).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'bundle',
  external: ['bufferutil', 'utf-8-validate'],
  sourcemap: true,
  // ws is CommonJS: give the ESM bundle a real `require` for the Node built-ins it asks for.
  banner: {
    js: "import { createRequire as __relanceCreateRequire } from 'node:module'; const require = __relanceCreateRequire(import.meta.url);",
  },
  define: { __RELANCE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli/index.js' }),
  build({
    ...common,
    entryPoints: ['src/core/leads/import/csv/csv-worker.ts'],
    outfile: 'out/cli/csv-import-worker.js',
  }),
]);
