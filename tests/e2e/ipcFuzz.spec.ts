import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { z } from 'zod';
import { invokeChannels } from '../../src-main/ipc/channels';
import { invokeContract } from '../../src-main/ipc/contract';
import { refusalCodes } from '../../src-main/ipc/result';
import { openAppDatabase } from './support/appDatabase';
import { launchPult } from './support/pultApp';

const perChannel = 60;

const hugeText = '\u0001huge';
const deepObject = '\u0001deep';

/** Values a careless or hostile page could send: any shape, odd numbers, huge and strange text. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 4,
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id')),
    withBigInt: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
  // Built in the page (see `expand`): too big or too deep for the test's own wire to the page.
  fc.constantFrom(hugeText, deepObject),
  fc.constantFrom(
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53 + 1,
    -1,
    '',
    '\u0000',
    '<img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    "'; DROP TABLE clients; --",
    'Андрій'.normalize('NFD'),
    new Date('2026-12-05T10:00:00Z'),
  ),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}')),
);

const edgeValues: unknown[] = [
  undefined,
  null,
  '',
  Number.NaN,
  -1,
  {},
  [],
  hugeText,
  deepObject,
  JSON.parse('{"__proto__": {"admin": true}}') as unknown,
];

/** The request's own keys (for an object request), so the values reach the checks behind the shape. */
function keysOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const expectedCodes = new Set<string>(['invalidRequest', ...refusalCodes]);

test('every channel, thousands of generated payloads: no internal error, nothing uncaught, the base intact, main answering', async () => {
  test.setTimeout(240_000);
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('section-title')).toBeVisible();
    const tally: Record<string, number> = {};
    let sent = 0;
    const unexpected: { channel: string; payload: string; outcome: unknown }[] = [];
    for (const [index, channel] of invokeChannels.entries()) {
      const keys = keysOf(invokeContract[channel].request);
      const payload =
        keys.length === 0
          ? hostileValue
          : fc.oneof(hostileValue, fc.dictionary(fc.constantFrom(...keys), hostileValue));
      // Generated ones, and each key of the request given each edge value on its own.
      const payloads: unknown[] = [
        ...fc.sample<unknown>(payload, { numRuns: perChannel, seed: 20261205 + index }),
        ...keys.flatMap((key) => edgeValues.map((value) => ({ [key]: value }))),
      ];
      const outcomes = await page.evaluate(
        async ({ channel, payloads }) => {
          const api = window.pult as unknown as {
            invoke(channel: string, payload?: unknown): Promise<unknown>;
          };
          const expand = (value: unknown, depth = 0): unknown => {
            if (value === '\u0001huge') return 'x'.repeat(1_000_000);
            if (value === '\u0001deep') {
              let deep: unknown = 'bottom';
              for (let i = 0; i < 200; i++) deep = { next: deep };
              return deep;
            }
            if (depth > 8 || value === null || typeof value !== 'object') return value;
            if (Array.isArray(value)) return value.map((item) => expand(item, depth + 1));
            for (const key of Object.keys(value))
              (value as Record<string, unknown>)[key] = expand(
                (value as Record<string, unknown>)[key],
                depth + 1,
              );
            return value;
          };
          const results: unknown[] = [];
          for (const payload of payloads) {
            try {
              results.push(await api.invoke(channel, expand(payload)));
            } catch (error) {
              results.push({ thrown: String(error) });
            }
          }
          return results;
        },
        { channel, payloads },
      );
      sent += payloads.length;
      outcomes.forEach((outcome, i) => {
        const result = outcome as { ok?: boolean; error?: { code: string } };
        const kind = result.ok === true ? 'ok' : (result.error?.code ?? 'thrown');
        tally[kind] = (tally[kind] ?? 0) + 1;
        if (kind !== 'ok' && !expectedCodes.has(kind) && unexpected.length < 20)
          unexpected.push({ channel, payload: fc.stringify(payloads[i]).slice(0, 300), outcome });
      });
    }
    test.info().annotations.push({
      type: 'ipc fuzz',
      description: `${invokeChannels.length} channels, ${sent} payloads: ${JSON.stringify(tally)}`,
    });
    console.log(
      `ipc fuzz: ${invokeChannels.length * perChannel} payloads, ${JSON.stringify(tally)}`,
    );
    expect(unexpected).toEqual([]);
    expect(tally['invalidRequest'] ?? 0).toBeGreaterThan(sent * 0.5);

    // Main still answers, as it did before.
    expect(await page.evaluate(() => window.pult.invoke('app.info'))).toMatchObject({ ok: true });
    expect(app.output()).not.toMatch(/uncaught exception|unhandled rejection/);
  } finally {
    await app.close();
  }
  const db = openAppDatabase(app.userDataDir, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
});
