// `npm run dev`: the renderer on Vite's dev server (hot reload), main and preload
// bundled once, then Electron pointed at the dev server.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'vite';

for (const config of ['vite.main.config.ts', 'vite.preload.config.ts']) {
  const built = spawnSync('npx', ['vite', 'build', '--config', config], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const server = await createServer({ configFile: 'vite.renderer.config.ts' });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`renderer dev server: ${url}`);
const electron = spawn('npx', ['electron', '.'], {
  stdio: 'inherit',
  env: { ...process.env, PULT_DEV_SERVER_URL: url },
});
electron.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
