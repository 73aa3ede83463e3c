// The file-job thread for tests that run the TypeScript sources
// (the app runs the bundled dist/main/fileJobWorker.js): tsx first, then the entry.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/core/clients/fileJobs/fileJobWorker.ts');
