// The branch-statistics thread for tests and the bench, which run the TypeScript sources
// (the app runs the bundled dist/main/branchStatsWorker.js): tsx first, then the entry.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/core/scripts/branchStatsWorker.ts');
