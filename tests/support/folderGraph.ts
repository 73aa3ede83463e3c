import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Which top-level folder of `root` imports which other, with one example import for each edge. */
export function folderGraph(root: string): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const from = path.relative(root, file).split(path.sep)[0]!;
    if (from === path.relative(root, file)) continue; // a file at the root belongs to no folder
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.relative(root, path.resolve(path.dirname(file), fileName));
      if (target.startsWith('..')) continue;
      const to = target.split(path.sep)[0]!;
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(root, file)} → ${fileName}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every set of folders that import each other round a loop (Tarjan's strongly connected components). */
export function folderLoops(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) loops.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return loops;
}

/** A loop said with the imports that make it, so the test's failure shows where to cut. */
export function describeLoop(graph: Map<string, Map<string, string>>, loop: string[]): string {
  const members = new Set(loop);
  const lines = loop.flatMap((from) =>
    [...(graph.get(from) ?? [])].filter(([to]) => members.has(to)).map(([, example]) => example),
  );
  return `${loop.join(' ↔ ')}:\n  ${lines.join('\n  ')}`;
}
