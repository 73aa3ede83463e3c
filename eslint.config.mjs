import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import pult from './eslint-rules/layers.mjs';

// The layering rules are lint rules so that breaking them is a red build:
// the core runs in plain Node (never Electron), the renderer is a sandboxed page (never Node).
const electronModules = ['electron', 'electron-store', 'electron-updater', 'electron-log'];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// What only main can load: native modules, the database, SIP, files.
const mainOnlyPackages = [
  'better-sqlite3',
  'typeorm',
  'reflect-metadata',
  'jssip',
  'pg',
  'node-hid',
  'koffi',
  'pkg-prebuilds',
  'ws',
  'iconv-lite',
  'csv-parse',
  'csv-stringify',
  'read-excel-file',
  'write-excel-file',
];
const notInPage = (why) => ({
  paths: [...nodeBuiltins, ...electronModules, ...mainOnlyPackages].map((name) => ({
    name,
    message: why,
  })),
  patterns: [
    { group: ['node:*'], message: why },
    { group: [...electronModules, ...mainOnlyPackages].map((name) => `${name}/*`), message: why },
  ],
});

// The contract's own files: what the renderer may see of main.
const contractFiles = [
  'src-main/ipc/contract.ts',
  'src-main/ipc/channels.ts',
  'src-main/ipc/bridgeApi.ts',
  'src-main/ipc/result.ts',
];
const coreDomain = (name) => `src-main/core/${name}/`;
const layers = [
  {
    from: 'src-shared/',
    allow: [],
    message:
      'src-shared runs in both processes and stands alone: move what it needs into src-shared.',
  },
  ...contractFiles.map((from) => ({
    from,
    allow: ['src-shared/', ...contractFiles],
    message: 'the IPC contract is read by the renderer: it may use only src-shared.',
  })),
  {
    from: 'src-renderer/',
    allow: ['src-shared/', ...contractFiles],
    message: 'the renderer imports only src-shared and the IPC contract.',
  },
  {
    from: 'src-renderer/',
    throughIndex: 'src-renderer/features/',
    message: 'a feature is used by others only through its index.ts.',
  },
  {
    from: 'src-main/core/',
    deny: [
      'src-main/electron/',
      'src-renderer/',
      'src-main/ipc/dispatch',
      'src-main/ipc/handlers/',
    ],
    message: 'src-main/core runs in plain Node and never reaches into the layers around it.',
  },
  {
    from: coreDomain('headset'),
    deny: [coreDomain('telephony')],
    message: 'the headset reports buttons and shows lights; telephony decides what they mean.',
  },
  {
    from: coreDomain('db'),
    allow: [coreDomain('platform'), 'src-shared/'],
    message: 'the database layer knows no domain: domains use it, never the other way round.',
  },
  {
    from: coreDomain('clients'),
    deny: [coreDomain('telephony')],
    message: 'the client base knows nothing of calls in progress: telephony asks it.',
  },
];

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
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { pult },
    rules: { 'pult/layers': ['error', layers] },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        notInPage(
          'src-shared runs in the sandboxed page too: no Node, Electron or main-only packages.',
        ),
      ],
    },
  },
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
        notInPage('The renderer is a sandboxed page: ask main through the IPC contract.'),
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
