import { defineConfig } from '@playwright/test';

// The specs drive the app itself (tests/e2e/support/pultApp.ts launches it), so
// no browser project is configured here and Playwright never downloads one.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
});
