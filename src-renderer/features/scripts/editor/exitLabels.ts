import type { TFunction } from 'i18next';
import { exitsOf, type ScriptNode } from '../../../../src-shared/scripts/scriptGraph';

/** Each way on from a node, named as the author knows it: a choice's label, a case's value… */
export function labelledExits(
  node: ScriptNode,
  t: TFunction,
): { via: string; to: string | undefined; label: string }[] {
  return exitsOf(node).map((exit) => ({ ...exit, label: exitLabel(node, exit.via, t) }));
}

function exitLabel(node: ScriptNode, via: string, t: TFunction): string {
  if (node.type === 'question' && via.startsWith('choice:'))
    return node.choices.find((c) => `choice:${c.id}` === via)?.label ?? via;
  if (node.type === 'branch' && via.startsWith('case:'))
    return `= ${node.cases[Number(via.slice(5))]?.equals ?? ''}`;
  return t(`scripts.editor.exits.${via}`, { defaultValue: via });
}
