// The import's file-reading thread for tests that run the TypeScript sources
// (the app runs the bundled dist/main/clientRowThread.js): tsx first, then the entry.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/core/clients/import/clientRowThread.ts');
