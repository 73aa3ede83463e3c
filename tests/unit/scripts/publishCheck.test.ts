import { describe, expect, it } from 'vitest';
import { publishProblems } from '../../../src-shared/scripts/publishCheck';
import {
  maxScriptNodes,
  scriptGraphSchema,
  type ScriptGraph,
} from '../../../src-shared/scripts/scriptGraph';

/** A small inbound script that may be published: greet, ask, offer, end. */
function fine(): ScriptGraph {
  return scriptGraphSchema.parse({
    name: 'Вхідний: інтернет',
    start: 'hello',
    nodes: [
      {
        id: 'hello',
        type: 'say',
        text: 'Добрий день, {{client.firstName}}! Мене звати {{agent.name}}.',
        next: 'issue',
      },
      {
        id: 'issue',
        type: 'question',
        text: 'Що сталося?',
        variable: 'issue',
        choices: [
          { id: 'modem', label: 'Модем не працює', next: 'support' },
          { id: 'price', label: 'Питання про тариф', next: 'speed' },
        ],
      },
      { id: 'support', type: 'transfer', department: 'Технічна підтримка' },
      {
        id: 'speed',
        type: 'input',
        text: 'Яка швидкість потрібна?',
        variable: 'speed',
        inputType: 'number',
        min: 10,
        max: 1000,
        next: 'offer',
      },
      {
        id: 'offer',
        type: 'offer',
        item: 'Тариф «Швидкий»',
        text: 'Для {{answers.speed}} Мбіт/с радимо «Швидкий».',
        accepted: 'sale',
        refused: 'bye',
      },
      { id: 'sale', type: 'end', outcome: 'sale' },
      { id: 'bye', type: 'end', outcome: 'refused', refusalReason: 'tooExpensive' },
    ],
  });
}
const kinds = (graph: ScriptGraph) =>
  publishProblems(graph).map((p) => [p.nodeId, p.kind, p.detail ?? null]);
const edit = (change: (graph: ScriptGraph) => void) => {
  const graph = fine();
  change(graph);
  return graph;
};
const node = (graph: ScriptGraph, id: string) => graph.nodes.find((n) => n.id === id)!;

describe('publishing a script', () => {
  it('is allowed for a script whose every path reaches an end or a transfer', () => {
    expect(publishProblems(fine())).toEqual([]);
  });

  it('is refused when a path ends without an end node', () => {
    const graph = edit((g) => {
      const say = node(g, 'hello');
      if (say.type === 'say') delete say.next;
    });
    expect(kinds(graph)).toContainEqual(['hello', 'pathWithoutEnd', 'next']);
  });

  it('is refused when a node cannot be reached from the start', () => {
    const graph = edit((g) => g.nodes.push({ id: 'lost', type: 'end' }));
    expect(kinds(graph)).toEqual([['lost', 'unreachable', null]]);
  });

  it('is refused when a loop has no way out to an end', () => {
    const graph = edit((g) => {
      const offer = node(g, 'offer');
      if (offer.type === 'offer') offer.refused = 'again';
      g.nodes.push(
        { id: 'again', type: 'say', text: 'А якщо подумати?', next: 'again2' },
        { id: 'again2', type: 'jump', target: 'again' },
      );
    });
    expect(
      kinds(graph)
        .filter((k) => k[1] === 'loopWithoutExit')
        .map((k) => k[0])
        .sort(),
    ).toEqual(['again', 'again2']);
    // A loop with a way out (back to the offer, or goodbye) is allowed.
    const withExit = edit((g) => {
      const offer = node(g, 'offer');
      if (offer.type === 'offer') offer.refused = 'again';
      g.nodes.push({
        id: 'again',
        type: 'question',
        text: 'А якщо подумати?',
        variable: 'again',
        choices: [
          { id: 'yes', label: 'Розповісти ще раз', next: 'offer' },
          { id: 'no', label: 'Ні, дякую', next: 'bye' },
        ],
      });
    });
    expect(publishProblems(withExit)).toEqual([]);
  });

  it('is refused when a {{…}} names nothing the run will know', () => {
    const graph = edit((g) => {
      const say = node(g, 'hello');
      if (say.type === 'say')
        say.text = 'Вітаю, {{client.nickname}}! Ваш тариф {{answers.tariff}}.';
    });
    expect(kinds(graph)).toEqual([
      ['hello', 'unresolvedPlaceholder', 'client.nickname'],
      ['hello', 'unresolvedPlaceholder', 'answers.tariff'],
    ]);
  });

  it('is refused when a choice leads nowhere, or to a node that does not exist', () => {
    const graph = edit((g) => {
      const q = node(g, 'issue');
      if (q.type === 'question') {
        delete q.choices[0]!.next;
        q.choices[1]!.next = 'gone';
      }
    });
    expect(kinds(graph)).toContainEqual(['issue', 'leadsNowhere', 'choice:modem']);
    expect(kinds(graph)).toContainEqual(['issue', 'leadsNowhere', 'choice:price']);
  });

  it('is refused when an input has no type', () => {
    const graph = edit((g) => {
      const input = node(g, 'speed');
      if (input.type === 'input') delete input.inputType;
    });
    expect(kinds(graph)).toEqual([['speed', 'inputWithoutType', null]]);
  });

  it('is refused when the start is missing or an id repeats', () => {
    expect(kinds(edit((g) => (g.start = 'nope')))).toContainEqual(['nope', 'noStart', null]);
    expect(kinds(edit((g) => g.nodes.push({ id: 'sale', type: 'end' })))).toContainEqual([
      'sale',
      'duplicateId',
      null,
    ]);
  });
});

describe('a hostile script file is refused where it enters', () => {
  const parse = (json: string) => scriptGraphSchema.safeParse(JSON.parse(json));

  it('a node type nobody knows', () => {
    const file = JSON.stringify({
      ...fine(),
      nodes: [...fine().nodes, { id: 'x', type: 'eval', code: '1' }],
    });
    expect(parse(file).success).toBe(false);
  });

  it(`${maxScriptNodes + 1} nodes and more (10,000 here)`, () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => ({
      id: `n${i}`,
      type: 'say',
      text: '',
      next: `n${i + 1}`,
    }));
    const result = scriptGraphSchema.safeParse({ name: 'x', start: 'n0', nodes });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['nodes']);
  });

  it('a text of 10 MB', () => {
    const graph = fine();
    const say = node(graph, 'hello');
    if (say.type === 'say') say.text = 'а'.repeat(10 * 1024 * 1024);
    expect(scriptGraphSchema.safeParse(graph).success).toBe(false);
  });

  it('__proto__ and constructor keys, at the top and inside a node', () => {
    const top = JSON.stringify(fine()).replace('{"name"', '{"__proto__":{"polluted":true},"name"');
    expect(parse(top).success).toBe(false);
    const inNode = JSON.stringify(fine()).replace(
      '{"id":"hello"',
      '{"constructor":{"prototype":{"x":1}},"id":"hello"',
    );
    expect(parse(inNode).success).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a cycle of jumps with no end is read, and then refused for publishing with every node named', () => {
    const cyclic = scriptGraphSchema.parse({
      name: 'Коло',
      start: 'a',
      nodes: [
        { id: 'a', type: 'jump', target: 'b' },
        { id: 'b', type: 'jump', target: 'c' },
        { id: 'c', type: 'jump', target: 'a' },
      ],
    });
    expect(
      publishProblems(cyclic)
        .map((p) => [p.nodeId, p.kind])
        .sort(),
    ).toEqual([
      ['a', 'loopWithoutExit'],
      ['b', 'loopWithoutExit'],
      ['c', 'loopWithoutExit'],
    ]);
  });

  it('the largest script allowed is checked at once, a 2,000-node chain', () => {
    const nodes = [
      ...Array.from({ length: maxScriptNodes - 1 }, (_, i) => ({
        id: `n${i}`,
        type: 'say' as const,
        text: `Крок ${i}`,
        next: i === maxScriptNodes - 2 ? 'end' : `n${i + 1}`,
      })),
      { id: 'end', type: 'end' as const },
    ];
    expect(
      publishProblems(scriptGraphSchema.parse({ name: 'Довгий', start: 'n0', nodes })),
    ).toEqual([]);
  });
});
