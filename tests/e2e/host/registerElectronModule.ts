import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

/**
 * The one seam between the app and the host: the bare specifier 'electron',
 * from both import and require, resolves to the host's implementation instead
 * of the npm package (which, outside Electron, only exports a binary's path).
 */
export function registerElectronModule(repoRoot: string): void {
  const dir = path.join(repoRoot, 'tests/e2e/host/electron-module');
  const esm = pathToFileURL(path.join(dir, 'index.mjs')).href;
  const cjs = pathToFileURL(path.join(dir, 'index.cjs')).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'electron') {
        const viaRequire = context.conditions.includes('require');
        return { url: viaRequire ? cjs : esm, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
