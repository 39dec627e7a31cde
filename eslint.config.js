// typescript-eslint's recommended rules on the sources, tests, benchmarks and scripts. Formatting is
// Prettier's (`npm run format:check`), so no stylistic rule lives here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position (handlers, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `!` after a lookup the code has just proven (tsconfig has noUncheckedIndexedAccess).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Binary sniffing matches control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Untyped input (YAML, JSON, flags, errors, worker messages) is narrowed with the guards in
    // src/core/guards.ts, never asserted: `as T` and `<T>x` stay out of the sources (`as const` is fine).
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON and YAML of any shape (action.yml, API bodies) and poke at it.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // One initialiser the parser then overwrites on every path; the env stage's owner removes it.
    files: ['src/stages/env/dotenv.ts'],
    rules: { 'no-useless-assignment': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
