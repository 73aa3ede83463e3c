import { DataSource, EntitySchema } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PultDatabase } from '../../../src-main/core/db/database';
import { entities } from '../../../src-main/core/db/entities';
import {
  ClientPhoneEntity,
  type ClientPhoneRow,
} from '../../../src-main/core/db/entities/clientEntities';
import {
  CallbackEntity,
  RefusalReasonEntity,
} from '../../../src-main/core/db/entities/workEntities';
import { runBuilt } from '../../../src-main/core/db/builtStatements';
import { openTempDatabase } from '../../support/tempDatabase';

let db: PultDatabase;
beforeEach(async () => {
  db = await openTempDatabase();
});
afterEach(async () => {
  await db.close();
});

/** What TypeORM's schema builder would run to make the file match `entityList`. */
async function changesWanted(entityList: EntitySchema[]): Promise<string[]> {
  const checker = new DataSource({
    type: 'better-sqlite3',
    database: db.file,
    entities: entityList,
  });
  await checker.initialize();
  try {
    const log = await checker.driver.createSchemaBuilder().log();
    return log.upQueries.map((query) => query.query);
  } finally {
    await checker.destroy();
  }
}

describe('entities and migrations agree', () => {
  it("a base built by the migrations is what the entities say: TypeORM's schema builder finds nothing to change", async () => {
    expect(await changesWanted(entities)).toEqual([]);
  });

  it('every table the migrations make has an entity', () => {
    const tables = (
      db.sqlite
        .prepare(
          // FTS5's own shadow tables (client_search_data, ...) belong to the client_search entity.
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search_%' AND name NOT LIKE 'knowledge_search_%' AND name <> 'migrations' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    const described = db.dataSource.entityMetadatas.map((entity) => entity.tableName).sort();
    expect(described).toEqual(tables);
  });

  it('an entity that drifts from its table is found (a nullable column, a missing index)', async () => {
    const { name, tableName, columns, relations } = ClientPhoneEntity.options;
    // EntitySchema's options are a plain object in practice, as every entity file writes them.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const drifted = new EntitySchema<ClientPhoneRow>({
      name,
      tableName,
      relations,
      columns: { ...columns, label: { type: 'text', nullable: true } },
      indices: [],
    });
    const others = entities.filter((entity) => entity !== ClientPhoneEntity);
    const wanted = await changesWanted([...others, drifted]);
    expect(wanted).toContain('DROP INDEX "client_phones_e164"');
    expect(wanted.some((sql) => sql.includes('"label" text,'))).toBe(true);
  });
});

describe('TypeORM on the migrated base', () => {
  it('a built insert gives the new rowid; a repository reads flags back as booleans', async () => {
    const reasons = db.dataSource.getRepository(RefusalReasonEntity);
    const insert = db.dataSource.createQueryBuilder().insert().into(RefusalReasonEntity).values({
      code: 'moved',
      labelUk: 'Переїхав',
      labelEn: 'Moved away',
      active: false,
    });
    const id = Number(runBuilt(db.sqlite, insert).lastInsertRowid);
    expect(id).toBeGreaterThan(0);
    expect(await reasons.findOneBy({ id })).toEqual({
      id,
      code: 'moved',
      labelUk: 'Переїхав',
      labelEn: 'Moved away',
      active: false,
    });
    expect((await reasons.findOneByOrFail({ code: 'tooExpensive' })).active).toBe(true);
  });

  it('a foreign key the entity names is enforced by the file', () => {
    const insert = db.dataSource.createQueryBuilder().insert().into(CallbackEntity).values({
      clientId: 424242,
      dueAt: '2026-12-05T10:00:00.000Z',
      status: 'pending',
      createdBy: 'op1',
      createdAt: '2026-12-05T09:00:00.000Z',
      updatedAt: '2026-12-05T09:00:00.000Z',
    });
    expect(() => runBuilt(db.sqlite, insert)).toThrow(/FOREIGN KEY/);
  });
});
