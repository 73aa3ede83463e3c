import { describe, expect, it } from 'vitest';
import { publishProblems } from '../../../src-shared/scripts/publishCheck';
import {
  addNode,
  freeNodeId,
  newNode,
  removeNode,
  setExit,
  withField,
} from '../../../src-shared/scripts/scriptEdits';
import { scriptGraphSchema, type ScriptNode } from '../../../src-shared/scripts/scriptGraph';
import { offerScript } from '../../support/scriptFixtures';

describe('the editor’s changes to a graph', () => {
  it('points each kind of way on at a node, or at nothing, leaving the other ways as they were', () => {
    let graph = offerScript();
    graph = setExit(graph, 'offer', 'refused', 'sale');
    graph = setExit(graph, 'why', 'choice:has', undefined);
    const offer = graph.nodes.find((n) => n.id === 'offer');
    expect(offer).toMatchObject({ accepted: 'sale', refused: 'sale' });
    const why = graph.nodes.find((n) => n.id === 'why');
    expect(why?.type === 'question' && why.choices.map((c) => c.next)).toEqual(['bye', undefined]);
    // The original is untouched: each change is a new graph.
    expect(offerScript().nodes.find((n) => n.id === 'offer')).toMatchObject({ refused: 'why' });
  });

  it('removes a node and every way that led to it, which the publishing check then names', () => {
    const graph = removeNode(offerScript(), 'bye');
    expect(graph.nodes.map((n) => n.id)).not.toContain('bye');
    expect(publishProblems(graph).map((p) => [p.nodeId, p.kind, p.detail])).toEqual([
      ['why', 'leadsNowhere', 'choice:price'],
      ['why', 'leadsNowhere', 'choice:has'],
    ]);
    // The start is never removed.
    expect(removeNode(offerScript(), 'hello').nodes).toHaveLength(offerScript().nodes.length);
  });

  it('adds nodes with free ids that the schema takes, an input without a type until it is given one', () => {
    let graph = offerScript();
    for (const type of ['say', 'say', 'input'] as const)
      graph = addNode(graph, newNode(type, freeNodeId(graph, type)));
    expect(graph.nodes.slice(-3).map((n) => n.id)).toEqual(['say1', 'say2', 'input1']);
    expect(scriptGraphSchema.safeParse(graph).success).toBe(true);
    expect(
      publishProblems(graph).find((p) => p.nodeId === 'input1' && p.kind === 'inputWithoutType'),
    ).toBeDefined();
  });

  it('sets an optional field, or leaves it out for undefined', () => {
    const node: ScriptNode = { id: 'a', type: 'end', outcome: 'sale' };
    expect(withField(node, 'outcome', undefined)).toEqual({ id: 'a', type: 'end' });
    expect(withField(node, 'outcome', 'refused')).toEqual({
      id: 'a',
      type: 'end',
      outcome: 'refused',
    });
  });
});
