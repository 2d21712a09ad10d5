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
  packages: 'bundle',
  external: ['bufferutil', 'utf-8-validate'],
  sourcemap: true,
  // ws is CommonJS: give the ESM bundle a real `require` for the Node built-ins it asks for.
  banner: {
    js: "import { createRequire as __relanceCreateRequire } from 'node:module'; const require = __relanceCreateRequire(import.meta.url);",
  },
  define: { __RELANCE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
