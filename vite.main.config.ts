import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Main process: one ESM bundle for Node 22 (Electron 45). Packages stay external
// (native modules must load from node_modules, unpacked from asar).
const external = [
  'electron',
  /^electron\//,
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
].map((name) => (typeof name === 'string' ? new RegExp(`^${name}(/.*)?$`) : name));

export default defineConfig({
  build: {
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: {
        main: 'src-main/electron/main.ts',
        importWorker: 'src-main/core/clients/import/importWorker.ts',
        fileJobWorker: 'src-main/core/clients/fileJobs/fileJobWorker.ts',
        branchStatsWorker: 'src-main/core/scripts/branchStatsWorker.ts',
        sheetWorker: 'src-main/core/performance/sheetWorker.ts',
        clientRowThread: 'src-main/core/clients/import/clientRowThread.ts',
        walCheckpointThread: 'src-main/core/db/walCheckpointThread.ts',
        clientLandingThread: 'src-main/core/sync/clientLandingThread.ts',
      },
      external,
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
