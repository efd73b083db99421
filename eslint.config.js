import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// src/core is pure TypeScript: no React, no DOM, no network, no IO. It runs in Node, in a
// worker and in the browser. src/io does files, storage, workers; src/ui renders view-models.
const coreRestrictions = {
  patterns: [
    { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'src/core must not import React.' },
    { group: ['maplibre-gl', '@tanstack/*', 'idb'], message: 'src/core must not import UI or IO libraries.' },
    { group: ['node:*', 'fs', 'path', 'fs/*'], message: 'src/core must not touch the file system.' },
    { group: ['**/ui/**', '**/io/**', '../ui/*', '../io/*'], message: 'src/core must not import from src/ui or src/io.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'out', 'data', 'coverage', 'tests/e2e/artifacts', '.cache', '.docs-scratch', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Data must never become markup.' },
        { selector: "CallExpression[callee.property.name='setHTML']", message: 'Use setDOMContent with React, never setHTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Data must never become markup.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', coreRestrictions],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/core has no DOM.' },
        { name: 'document', message: 'src/core has no DOM.' },
        { name: 'fetch', message: 'src/core does no IO.' },
        { name: 'localStorage', message: 'src/core does no IO.' },
        { name: 'indexedDB', message: 'src/core does no IO.' },
        { name: 'XMLHttpRequest', message: 'src/core does no IO.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path'], message: 'UI code runs in the browser.' }] },
      ],
    },
  },
);
