// ESLint (flat config), run by `npm run lint` and by `npm test` with --max-warnings 0.
// Kept to rules that catch real bugs: ESLint's and typescript-eslint's recommended sets,
// the few type-aware rules about promises (a floating promise is a swallowed error), the
// rules of hooks, and Microsoft's Office add-in rules (load before read, sync after load…).
// Formatting is not linted.
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-cli/**', 'out/**', 'coverage/**', 'test-artifacts/**', '.tmp/**', 'node_modules/**', 'samples/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The control-character ranges in the cell grammar and the XML writer are deliberate
      // (C0 characters a cell may hold; what XML 1.0 forbids), written as \x escapes.
      'no-control-regex': 'off',
      // Ledger text is Japanese: a full-width space in a string, template, comment or
      // pattern is meant. Irregular whitespace in the code itself is still an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An unhandled rejection is an error no officer is told about.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `_name` says "deliberately unused" (an interface's parameter, a skipped tuple item).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      // Off: it does not follow load('items/id') to `items`, nor know that a ClientResult's
      // `value` comes with the sync (14 false findings). The workbook double checks the real
      // thing: reading a property not loaded and synced throws PropertyNotLoaded in the tests.
      'office-addins/load-object-before-read': 'off',
      // Off: it takes load(DATA), a named list of properties, for an empty load().
      'office-addins/no-empty-load': 'off',
    },
  },
  {
    // One sync per block or per sheet, by design: a block Excel refuses is halved and asked
    // again (readInBlocks), a sheet whose rules Excel will not give is reported alone.
    files: ['src/excel/readGrids.ts', 'src/excel/conditionalFormats.ts'],
    rules: { 'office-addins/no-context-sync-in-loop': 'off' },
  },
  {
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx', 'tests/taskpane/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Node scripts and configuration in plain JavaScript.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' },
    },
  },
);
