// Lint and layering. The layers (see README): shared/ imports nothing of ours and nothing
// environment-bound; renderer/ reaches the main process only through shared/ and its RPC client;
// db/ knows nothing of Electron or the interface; only electron/main and electron/preload touch
// the `electron` module.
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const NODE_BUILTINS = { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http'], message: 'This layer must stay free of Node APIs.' };
const ELECTRON = { group: ['electron'], message: 'Only electron/main and electron/preload may use Electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', '.data-serve.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['shared/**/*.ts'],
    rules: layer([
      NODE_BUILTINS,
      ELECTRON,
      { group: ['**/electron/**', '**/db/**', '**/renderer/**'], message: 'shared/ imports nothing of the other layers.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...layer([
        NODE_BUILTINS,
        ELECTRON,
        { group: ['**/electron/**', '**/db/**', 'better-sqlite3', 'kysely'], message: 'The renderer talks to the main process only through the RPC client.' },
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: layer([ELECTRON, { group: ['**/electron/**', '**/renderer/**'], message: 'db/ knows nothing of the services, Electron or the interface.' }]),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'electron/csp.ts'],
    rules: layer([ELECTRON, { group: ['**/renderer/**', '**/electron/main/**'], message: 'Services are Electron-free and know nothing of the interface.' }]),
  },
);
