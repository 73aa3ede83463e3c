import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src-renderer/i18n/locales/en.json';
import uk from '../../../src-renderer/i18n/locales/uk.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe('UI text', () => {
  it('has every Ukrainian key in English and the other way round', () => {
    expect(keys(en).sort()).toEqual(keys(uk).sort());
  });
  it('has no empty text', () => {
    expect([...leaves(uk), ...leaves(en)].filter((s) => s.trim() === '')).toEqual([]);
  });
  it('uses only keys that exist, in every t() call of the renderer', () => {
    const known = new Set(keys(uk));
    const root = path.resolve(import.meta.dirname, '../../../src-renderer');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.tsx'),
    );
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) {
        if (!known.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
