import { describe, expect, it } from 'vitest';
import { tempDatabaseFile } from '../../support/tempDatabase';
import { openAtVersion } from './upgrade';

describe('migration 2, from version 1', () => {
  it('adds the default refusal reasons and keeps the clients of version 1', async () => {
    const file = tempDatabaseFile();
    const v1 = await openAtVersion(1, file);
    const now = new Date().toISOString();
    v1.sqlite
      .prepare('INSERT INTO clients (full_name, created_at, updated_at) VALUES (?, ?, ?)')
      .run('Олена Петренко', now, now);
    expect(v1.sqlite.prepare('SELECT count(*) AS n FROM refusal_reasons').get()).toEqual({ n: 0 });
    await v1.close();

    const v2 = await openAtVersion(2, file);
    try {
      expect(v2.sqlite.prepare('SELECT full_name FROM clients').all()).toEqual([
        { full_name: 'Олена Петренко' },
      ]);
      const codes = v2.sqlite.prepare('SELECT code FROM refusal_reasons ORDER BY id').all();
      expect(codes.map((r) => (r as { code: string }).code)).toContain('tooExpensive');
      expect(v2.sqlite.pragma('user_version', { simple: true })).toBe(2);
    } finally {
      await v2.close();
    }
  });
});
