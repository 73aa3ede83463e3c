import type { ScriptGraph, ScriptNode } from './scriptGraph';

/** What changed from one version of a script to another, node by node. */
export interface ScriptDiff {
  nameChanged: boolean;
  startChanged: boolean;
  added: string[];
  removed: string[];
  /** Nodes in both, with the fields that differ (text, next, choices…). */
  changed: { nodeId: string; fields: string[] }[];
}

export function diffScripts(before: ScriptGraph, after: ScriptGraph): ScriptDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const changed: ScriptDiff['changed'] = [];
  for (const [id, node] of now) {
    const was = old.get(id);
    if (was === undefined) continue;
    const fields = changedFields(was, node);
    if (fields.length > 0) changed.push({ nodeId: id, fields });
  }
  return {
    nameChanged: before.name !== after.name,
    startChanged: before.start !== after.start,
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed,
  };
}

function changedFields(before: ScriptNode, after: ScriptNode): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

export function isEmptyDiff(diff: ScriptDiff): boolean {
  return (
    !diff.nameChanged &&
    !diff.startChanged &&
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0
  );
}
