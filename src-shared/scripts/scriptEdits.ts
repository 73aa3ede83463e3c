import { exitsOf, scriptNodeTypes, type ScriptGraph, type ScriptNode } from './scriptGraph';

/**
 * The editor's changes to a graph, each returning a new graph: a node added,
 * changed, removed (every way that led to it then leads nowhere, and the
 * publishing check says so), and one way on pointed at another node.
 */

export const addableNodeTypes = scriptNodeTypes;
export type AddableNodeType = (typeof addableNodeTypes)[number];

/** A free id for a new node of a type: say1, say2… */
export function freeNodeId(graph: ScriptGraph, type: string): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  for (let n = 1; ; n++) if (!taken.has(`${type}${n}`)) return `${type}${n}`;
}

/** A new node as the form starts it: empty where the author must fill in. */
export function newNode(type: AddableNodeType, id: string): ScriptNode {
  switch (type) {
    case 'say':
      return { id, type, text: '' };
    case 'question':
      return {
        id,
        type,
        text: '',
        variable: id,
        choices: [{ id: 'c1', label: 'Так' }],
      };
    case 'input':
      return { id, type, text: '', variable: id, required: false };
    case 'branch':
      return { id, type, on: { source: 'answer', name: 'answer' }, cases: [] };
    case 'setVariable':
      return { id, type, variable: id, value: '' };
    case 'offer':
      return { id, type, item: 'Пропозиція', text: '' };
    case 'order':
      return { id, type, orderType: 'Замовлення' };
    case 'transfer':
      return { id, type, department: 'Технічна підтримка' };
    case 'jump':
      return { id, type };
    case 'end':
      return { id, type };
  }
}

export function addNode(graph: ScriptGraph, node: ScriptNode): ScriptGraph {
  return { ...graph, nodes: [...graph.nodes, node] };
}

export function replaceNode(graph: ScriptGraph, node: ScriptNode): ScriptGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === node.id ? node : n)) };
}

export function removeNode(graph: ScriptGraph, id: string): ScriptGraph {
  if (id === graph.start) return graph;
  return {
    ...graph,
    nodes: graph.nodes
      .filter((n) => n.id !== id)
      .map((n) => pointExits(n, (to) => (to === id ? undefined : to))),
  };
}

/** One way on (as exitsOf names it: next, choice:<id>, case:<i>, otherwise, accepted, refused, target) pointed at a node, or at nothing. */
export function setExit(
  graph: ScriptGraph,
  nodeId: string,
  via: string,
  to: string | undefined,
): ScriptGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === nodeId ? withExit(n, via, to) : n)),
  };
}

/** An object with an optional field set to a value, or without the field for undefined. */
export function withField<T extends object, K extends keyof T>(
  value: T,
  key: K,
  to: T[K] | undefined,
): T {
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) as T;
  return to === undefined ? rest : { ...rest, [key]: to };
}

function withExit(node: ScriptNode, via: string, to: string | undefined): ScriptNode {
  const set = <T extends object>(value: T, key: string): T =>
    withField(value as Record<string, unknown>, key, to) as T;
  switch (node.type) {
    case 'say':
    case 'input':
    case 'setVariable':
    case 'order':
      return via === 'next' ? set(node, 'next') : node;
    case 'question':
      return {
        ...node,
        choices: node.choices.map((c) => (via === `choice:${c.id}` ? set(c, 'next') : c)),
      };
    case 'branch':
      if (via === 'otherwise') return set(node, 'otherwise');
      return {
        ...node,
        cases: node.cases.map((c, i) => (via === `case:${i}` ? set(c, 'next') : c)),
      };
    case 'offer':
      return via === 'accepted' || via === 'refused' ? set(node, via) : node;
    case 'jump':
      return via === 'target' ? set(node, 'target') : node;
    case 'transfer':
    case 'end':
      return node;
  }
}

function pointExits(
  node: ScriptNode,
  map: (to: string | undefined) => string | undefined,
): ScriptNode {
  let changed = node;
  for (const via of exitsOf(node)) changed = withExit(changed, via.via, map(via.to));
  return changed;
}
