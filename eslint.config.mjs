import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'stream',
  'worker_threads',
];

/** The layering rule: shared runs anywhere, the renderer never reaches into main, the library never into Electron. */
const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'native/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(
    ['src/shared/**'],
    [...nodeBuiltins, 'electron', '**/main/**', '**/renderer/**', '**/preload/**'],
    'src/shared runs in the window and in Node: it imports neither node nor electron, nor another layer.',
  ),
  layer(
    ['src/renderer/**'],
    [...nodeBuiltins, 'electron', '**/main/**', '**/preload/**'],
    'The renderer talks to the main process only through the contract (window.filmfolio).',
  ),
  layer(
    ['src/main/library/**', 'src/cli/**'],
    ['electron', '**/renderer/**'],
    'The library is plain Node: it never imports electron, so the CLI and the tests can run it.',
  ),
);
