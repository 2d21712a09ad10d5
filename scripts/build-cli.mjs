// Bundles the CLI (and the web host and core it starts) into out/cli/index.js for plain Node.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  define: { __RELANCE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
