import { describe, expect, it } from 'vitest';
import { TeamCatalogues } from '../../../src-main/core/catalogue/teamCatalogues';
import { upgradeTo } from './upgrade';

describe('migration 21, from version 20', () => {
  it('keeps the catalogue in use, and keeps an edition from the team until it is taken', async () => {
    const v21 = await upgradeTo(21, (v20) => {
      v20.sqlite.exec(`INSERT INTO catalogues (version, sha256, source, applied_at, body)
        VALUES ('файл-1', '${'a'.repeat(64)}', '/etc/pult/catalogue.json', 'x', '{"version":"файл-1"}')`);
    });
    try {
      const team = new TeamCatalogues(v21.sqlite);
      expect(team.inForce()).toMatchObject({ version: 'файл-1', sha256: 'a'.repeat(64) });
      expect(team.waiting()).toBe(false);
      // An edition the feed carries that this version cannot read is refused, and nothing waits.
      expect(team.land({ sha256: 'b'.repeat(64), catalogue: { version: 2 } }, 'y').kind).toBe(
        'invalid',
      );
      expect(team.waiting()).toBe(false);
    } finally {
      await v21.close();
    }
  });
});
