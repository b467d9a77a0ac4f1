// Lint and layering. The layers (see README): shared/ imports nothing of ours and nothing
// environment-bound; renderer/ reaches the main process only through shared/ and its RPC client;
// db/ knows nothing of Electron or the interface; only electron/main and electron/preload touch
// the `electron` module.
//
// no-restricted-imports is one rule: a later block replaces an earlier block's settings rather
// than adding to them, so every layer block repeats ELECTRON.
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Exact module names go in `paths`: `patterns` follow .gitignore rules, where a bare name such as
 * `domain` or `electron` would also match a local `./domain` or `../electron/services/app`.
 */
const layer = (...rules) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: rules.flatMap((r) => (r.names ?? []).map((name) => ({ name, message: r.message }))),
      patterns: rules.filter((r) => r.group).map(({ group, message }) => ({ group, message })),
    },
  ],
});
/** "Today" and a time stamp's day are the office's (WIB/WITA/WIT), never the UTC date that cutting an ISO string gives: at 02:00 WIB that is still yesterday. */
const UTC_DAY = {
  selector:
    "CallExpression[callee.property.name=/^(slice|substring|substr|split)$/][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString']",
  message:
    'A calendar date cut from toISOString() is the UTC date: use useOfficeToday() or localDateOf(instant, zone), and formatDay()/formatDateTime() to show a time stamp.',
};
/** Mantine's own date field restores the previous date on blur or reads 20/01/2025 as another day: every date field is DateField. */
const RAW_DATE_INPUT = {
  selector: "ImportDeclaration[source.value='@mantine/dates'] > ImportSpecifier[imported.name='DateInput']",
  message: 'Use DateField (renderer/src/components/DateField.tsx): it reads dates as officers type them and never drops what it cannot read.',
};
const NODE_BUILTINS = {
  // Every builtin, with and without the node: prefix, including subpaths such as fs/promises.
  names: builtinModules,
  group: ['node:*', ...builtinModules.map((name) => `/${name}/*`)],
  message: 'This layer must stay free of Node APIs.',
};
const ELECTRON = { names: ['electron'], group: ['/electron/*'], message: 'Only electron/main and electron/preload may use Electron.' };

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
  // Everywhere but the two Electron layers (tests mock the module with vi.mock instead of importing it).
  { ignores: ['electron/main/**', 'electron/preload/**'], rules: layer(ELECTRON) },
  {
    files: ['shared/**/*.ts'],
    rules: layer(NODE_BUILTINS, ELECTRON, { group: ['**/electron/**', '**/db/**', '**/renderer/**'], message: 'shared/ imports nothing of the other layers.' }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // "Today" and a time stamp's day are the office's (WIB/WITA/WIT), never the UTC date that
      // cutting an ISO string gives: at 02:00 WIB that is still yesterday.
      'no-restricted-syntax': ['error', UTC_DAY, RAW_DATE_INPUT],
      ...layer(NODE_BUILTINS, ELECTRON, {
        names: ['better-sqlite3', 'kysely'],
        group: ['**/electron/**', '**/db/**', '**/tests/**', '**/scripts/**'],
        message: 'The renderer talks to the main process only through the RPC client.',
      }),
    },
  },
  // The one place that wraps Mantine's date field.
  { files: ['renderer/src/components/DateField.tsx'], rules: { 'no-restricted-syntax': ['error', UTC_DAY] } },
  {
    files: ['db/**/*.ts'],
    rules: layer(ELECTRON, { group: ['**/electron/**', '**/renderer/**'], message: 'db/ knows nothing of the services, Electron or the interface.' }),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'electron/*.ts'],
    rules: layer(ELECTRON, { group: ['**/renderer/**', '**/main/**'], message: 'Services are Electron-free and know nothing of the interface.' }),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: layer({ group: ['**/renderer/**'], message: 'The main process knows the renderer only as built files and RPC envelopes.' }),
  },
);
