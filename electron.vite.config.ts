import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { sipGrammarOnce } from './scripts/sip-grammar-once';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => resolve(root, path);

// Media must stay real files: the CSP allows `media-src 'self' blob:`, not `data:`.
const mediaFile = /\.(wav|mp3|ogg|oga|m4a|webm|flac)$/i;

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // lowdb and steno are ESM-only: bundle them. Other dependencies stay external (electron-vite's default).
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      // The CSV import worker is a second entry: csv-in-worker.ts starts `csv-import-worker.js`
      // from the directory of the code that imports it, so shared chunks stay beside both.
      lib: {
        entry: { index: at('src/main/index.ts'), 'csv-import-worker': at('src/core/leads/import/csv/csv-worker.ts') },
        formats: ['es'],
      },
      // ESM main (Electron >= 28); `import.meta.dirname` locates the preload and renderer.
      rolldownOptions: { output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload cannot be ESM and can only require('electron'): one self-contained CommonJS file.
      externalizeDeps: false,
      lib: { entry: at('src/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false } },
    },
  },
  renderer: {
    root: at('src/renderer'),
    // Relative asset URLs work both under app://relance/ and under the web host's /.
    base: './',
    plugins: [react(), sipGrammarOnce()],
    build: {
      outDir: at('out/renderer'),
      assetsInlineLimit: (file) => (mediaFile.test(file) ? false : undefined),
      rolldownOptions: { input: at('src/renderer/index.html') },
    },
  },
});
