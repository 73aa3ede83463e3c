// The snapshot's landing thread for tests that run the TypeScript sources
// (the app runs the bundled dist/main/clientLandingThread.js): tsx first, then the entry.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/core/sync/clientLandingThread.ts');
