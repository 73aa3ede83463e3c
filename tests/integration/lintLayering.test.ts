import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// Runs the project's real ESLint on deliberately bad files, so a broken or
// loosened layering rule shows up as a failing test, not a silent pass.
const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const probes: string[] = [];

async function lint(relative: string, source: string): Promise<{ code: number; output: string }> {
  const file = path.join(repo, relative);
  probes.push(file);
  writeFileSync(file, source);
  try {
    const { stdout } = await run('npx', ['eslint', '--no-warn-ignored', relative], { cwd: repo });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, output: e.stdout };
  }
}

afterEach(() => {
  for (const file of probes.splice(0)) rmSync(file, { force: true });
});

describe('layering lint rules', () => {
  it.each([
    ["import { app } from 'electron';\nexport const probe = app;", 'electron'],
    ["import Store from 'electron-store';\nexport const probe = Store;", 'electron-store'],
    ["import log from 'electron-log/main';\nexport const probe = log;", 'electron-log/main'],
    [
      "import { autoUpdater } from 'electron-updater';\nexport const probe = autoUpdater;",
      'electron-updater',
    ],
  ])('fails when src-main/core imports Electron: %s', async (source, name) => {
    const result = await lint('src-main/core/lintProbe.ts', `${source}\n`);
    expect(result.code).toBe(1);
    expect(result.output).toContain('no-restricted-imports');
    expect(result.output).toContain(`'${name}'`);
  });

  it('fails when the renderer imports a Node built-in', async () => {
    const result = await lint(
      'src-renderer/lintProbe.ts',
      "import { readFileSync } from 'node:fs';\nimport os from 'os';\nexport const probe = [readFileSync, os];\n",
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain("'node:fs'");
    expect(result.output).toContain("'os'");
  });

  it('passes a core file that imports only Node', async () => {
    const result = await lint(
      'src-main/core/lintProbe.ts',
      "import { EventEmitter } from 'node:events';\nexport const probe = new EventEmitter();\n",
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});
