import { describe, expect, it } from 'vitest';
import { ClientSearch } from '../../../src-main/core/clients/clientSearch';
import { SearchBacklog } from '../../../src-main/core/clients/searchBacklog';
import { clientQuerySchema } from '../../../src-shared/clients/clientSchemas';
import { tempDatabaseFile } from '../../support/tempDatabase';
import { insertClientAsBefore, openAtVersion } from './upgrade';

describe('migration 5, from version 4', () => {
  it('adds the search backlog; clients of version 4 stay searchable, new imports wait in it', async () => {
    const file = tempDatabaseFile();
    const v4 = await openAtVersion(4, file);
    insertClientAsBefore(v4, { fullName: 'Давня Клієнтка', phones: ['0671234567'] });
    await v4.close();
    const v5 = await openAtVersion(5, file);
    try {
      const search = new ClientSearch(v5.sqlite);
      const names = (text: string) =>
        search.find(clientQuerySchema.parse({ text })).items.map((i) => i.fullName);
      expect(names('давня')).toEqual(['Давня Клієнтка']);
      const backlog = new SearchBacklog(v5.sqlite);
      expect(backlog.pending()).toBe(0);
      backlog.defer(10, 19);
      expect(backlog.pending()).toBe(10);
      expect(() => backlog.defer(5, 4)).toThrow(/CHECK/);
    } finally {
      await v5.close();
    }
  });
});
