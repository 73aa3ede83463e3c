// The performance sheet's thread for tests and the bench, which run the TypeScript sources
// (the app runs the bundled dist/main/sheetWorker.js): tsx first, then the entry.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/core/performance/sheetWorker.ts');
