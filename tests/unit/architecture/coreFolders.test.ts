import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeLoop, folderGraph, folderLoops } from '../../support/folderGraph';

const repo = path.resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pult-folders-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(scratch, 'tree-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe('src-main/core folders', () => {
  it('import each other without a loop', () => {
    const graph = folderGraph(path.join(repo, 'src-main/core'));
    expect(graph.size).toBeGreaterThan(5); // the scan found the real folders
    expect(folderLoops(graph).map((loop) => describeLoop(graph, loop))).toEqual([]);
  });

  it('renderer features import each other without a loop', () => {
    const graph = folderGraph(path.join(repo, 'src-renderer/features'));
    expect(folderLoops(graph).map((loop) => describeLoop(graph, loop))).toEqual([]);
  });
});

describe('the loop check itself', () => {
  it('finds a loop of two folders through nested files, type imports and re-exports', () => {
    const root = tree({
      'calls/wrapUp.ts': "import type { View } from '../telephony/media/view';\n",
      'telephony/media/view.ts': "export * from '../../calls/records';\nexport type View = 1;\n",
      'calls/records.ts': 'export const records = 1;\n',
      'db/database.ts': "import 'better-sqlite3';\n",
    });
    const graph = folderGraph(root);
    expect(folderLoops(graph)).toEqual([['calls', 'telephony']]);
    expect(describeLoop(graph, ['calls', 'telephony'])).toContain(
      'calls/wrapUp.ts → ../telephony/media/view',
    );
  });

  it('finds a loop of three, and none where the imports only go one way', () => {
    const loop = tree({
      'a/x.ts': "import '../b/y';\n",
      'b/y.ts': "import '../c/z';\n",
      'c/z.ts': "import { a } from '../a/x';\n",
    });
    expect(folderLoops(folderGraph(loop))).toEqual([['a', 'b', 'c']]);
    const oneWay = tree({
      'a/x.ts': "import '../b/y';\nimport '../c/z';\n",
      'b/y.ts': "import '../c/z';\n",
      'c/z.ts': 'export const z = 1;\n',
    });
    expect(folderLoops(folderGraph(oneWay))).toEqual([]);
  });
});
