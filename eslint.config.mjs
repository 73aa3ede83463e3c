import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// The layering rules are lint rules so that breaking them is a red build:
// the core runs in plain Node (never Electron), the renderer is a sandboxed page (never Node).
const electronModules = ['electron', 'electron-store', 'electron-updater', 'electron-log'];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      'tests/e2e/host/electron-module/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronModules.map((name) => ({
            name,
            message:
              'src-main/core runs in plain Node: pass what it needs in through src-main/core/platform/ports.ts.',
          })),
          patterns: [
            {
              group: electronModules.map((name) => `${name}/*`),
              message: 'src-main/core runs in plain Node: no Electron modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // TypeORM documents EntitySchema options as object literals, though its type is a class.
    files: ['src-main/core/db/entities/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-class-instance-assignment': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...electronModules].map((name) => ({
            name,
            message: 'The renderer is a sandboxed page: ask main through the IPC contract.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer is a sandboxed page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Test hosts and fixtures talk to loosely typed things (CDP, child processes).
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // Playwright reads fixtures from the first parameter's pattern; `{}` means none.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
