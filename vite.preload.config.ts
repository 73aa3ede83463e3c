import { defineConfig } from 'vite';

// Sandboxed preloads must be one CommonJS file that requires only 'electron'.
export default defineConfig({
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    minify: false,
    ssr: true,
    rolldownOptions: {
      input: { preload: 'src-main/electron/preload.ts' },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
