import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries: a file's folder says where it runs, and these rules fail any import
 * that would break that (Signal-Desktop's file-suffix rule, done with folders here).
 */
const nodeBuiltins = { group: ['node:*'], message: 'This layer must not use Node built-ins.' };
const electron = { group: ['electron', 'electron/*'], message: 'Only src/main and src/preload may import electron.' };
const layer = (name, message) => ({ group: [`**/${name}`, `**/${name}/**`], message });

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/results.json', '.tmp/**', 'tests/rig/harness/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      nodeBuiltins,
      electron,
      layer('core', 'src/shared is imported by everyone and imports no other layer.'),
      layer('main', 'src/shared imports no other layer.'),
      layer('preload', 'src/shared imports no other layer.'),
      layer('web', 'src/shared imports no other layer.'),
      layer('renderer', 'src/shared imports no other layer.'),
      layer('cli', 'src/shared imports no other layer.'),
      {
        group: ['react', 'react-dom', 'ws', 'lowdb', 'lowdb/*'],
        message: 'src/shared holds contract and domain only.',
      },
    ),
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      electron,
      layer('main', 'core never depends on a shell.'),
      layer('preload', 'core never depends on a shell.'),
      layer('web', 'core never depends on a shell.'),
      layer('renderer', 'core never depends on the UI.'),
      layer('cli', 'core never depends on the CLI.'),
      { group: ['react', 'react-dom'], message: 'core has no UI.' },
    ),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        nodeBuiltins,
        electron,
        layer('core', 'The renderer talks to core only through the client (src/renderer/client).'),
        layer('main', 'The renderer never imports a shell.'),
        layer('preload', 'The renderer never imports a shell.'),
        layer('web', 'The renderer never imports a shell.'),
        layer('cli', 'The renderer never imports the CLI.'),
        { group: ['ws', 'lowdb', 'lowdb/*'], message: 'Node-only library in the renderer.' },
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: restrict(
      nodeBuiltins,
      layer('core', 'The preload is a bridge only; core runs in main.'),
      layer('renderer', 'The preload never imports the UI.'),
      layer('web', 'The preload never imports the web host.'),
      layer('cli', 'The preload never imports the CLI.'),
    ),
  },
  {
    files: ['src/main/**'],
    rules: restrict(
      layer('renderer', 'main never imports the UI.'),
      layer('web', 'The two shells are independent.'),
      layer('cli', 'main never imports the CLI.'),
    ),
  },
  {
    files: ['src/web/**'],
    rules: restrict(
      electron,
      layer('renderer', 'The web host serves the built UI; it never imports it.'),
      layer('main', 'The two shells are independent.'),
      layer('preload', 'The two shells are independent.'),
      layer('cli', 'The web host never imports the CLI.'),
    ),
  },
  {
    files: ['src/cli/**'],
    rules: restrict(
      electron,
      layer('renderer', 'The CLI never imports the UI.'),
      layer('main', 'The CLI never imports the Electron shell.'),
      layer('preload', 'The CLI never imports the Electron shell.'),
    ),
  },
  {
    files: ['tests/rig/harness/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
