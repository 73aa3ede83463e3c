import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';

/*
 * The e2e host (tests/e2e/host) as plain JavaScript: it starts the app's
 * main as Electron would, and Electron has no TypeScript loader in the way.
 * Run under tsx, every module main loads (TypeORM's hundreds of files, the
 * workers') passed through tsx's hooks: a third of a start's time on this
 * machine, which the startup figure then counted as the app's.
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

export default defineConfig({
  build: {
    outDir: 'dist/e2e-host',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: { launch: 'tests/e2e/host/launch.ts' },
      // Packages load from node_modules as the app's do; only the host's own files are bundled.
      external: (id) => builtins.has(id) || !(id.startsWith('.') || path.isAbsolute(id)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
