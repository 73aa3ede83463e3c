// `npm test`: lint, type-check, build, unit + integration (vitest), e2e (Playwright).
// Every stage runs even when an earlier one fails, so one run shows everything;
// the last line sums the tests of both runners as "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const stages = [
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['bundle', 'npm', ['run', '--silent', 'bundle']],
  [
    'vitest',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest-results.json',
    ],
  ],
  ['e2e', 'npx', ['playwright', 'test']],
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const failedStages = [];
for (const [name, command, args] of stages) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) failedStages.push(name);
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('test-results/vitest-results.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest-results.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (existsSync('test-results/e2e-results.json')) {
  const p = JSON.parse(readFileSync('test-results/e2e-results.json', 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
}
// A stage that failed without failing a test (lint, type-check, build) still fails the run.
if (failedStages.length > 0) console.log(`\nfailed stages: ${failedStages.join(', ')}`);
console.log(
  `\n${passed} passed, ${failed + failedStages.filter((s) => s !== 'vitest' && s !== 'e2e').length} failed, ${skipped} skipped`,
);
process.exit(failedStages.length > 0 ? 1 : 0);
