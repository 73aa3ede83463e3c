import { scriptGraphSchema, type ScriptGraph } from '../../src-shared/scripts/scriptGraph';

/**
 * A short telesales script: greeting, the offer, and, when refused, why
 * ("дорого", "вже маю провайдера") before goodbye. Branch statistics are
 * counted over its runs in tests and in the bench.
 */
export function offerScript(): ScriptGraph {
  return scriptGraphSchema.parse({
    name: 'Тариф',
    start: 'hello',
    nodes: [
      { id: 'hello', type: 'say', text: 'Добрий день!', next: 'offer' },
      { id: 'offer', type: 'offer', item: 'Швидкий', text: '…', accepted: 'sale', refused: 'why' },
      {
        id: 'why',
        type: 'question',
        text: 'Чому ні?',
        variable: 'why',
        choices: [
          { id: 'price', label: 'Дорого', next: 'bye' },
          { id: 'has', label: 'Вже маю провайдера', next: 'bye' },
        ],
      },
      { id: 'sale', type: 'end', outcome: 'sale' },
      { id: 'bye', type: 'end', outcome: 'refused' },
    ],
  });
}
