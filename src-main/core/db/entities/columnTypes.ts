import type { EntitySchemaColumnOptions, EntitySchemaRelationOptions } from 'typeorm';

// Column types are explicit everywhere: nothing depends on decorator metadata,
// which some bundlers (esbuild) do not emit.

/**
 * `id INTEGER PRIMARY KEY`: SQLite's rowid under a name, so a million-row
 * import pays nothing for a key. It is deliberately not `generated`: TypeORM
 * reads `generated: 'increment'` as AUTOINCREMENT (a sqlite_sequence write on
 * every insert), which the tables do not have. A new row's id is the
 * `lastInsertRowid` better-sqlite3 reports (see builtStatements).
 */
export const rowid = {
  type: 'integer',
  primary: true,
} as const satisfies EntitySchemaColumnOptions;

/** 0/1 in the file (a CHECK keeps it so), true/false in code. */
export function flag(options: { name?: string; default?: boolean; nullable?: boolean } = {}) {
  return {
    type: 'integer',
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.default === undefined ? {} : { default: options.default ? 1 : 0 }),
    nullable: options.nullable ?? false,
    transformer: {
      to: (value: boolean | null | undefined) =>
        value === null || value === undefined ? value : value ? 1 : 0,
      from: (value: number | null) => (value === null ? null : value === 1),
    },
  } as const satisfies EntitySchemaColumnOptions;
}

type OnDelete = 'CASCADE' | 'SET NULL' | 'NO ACTION';

/**
 * A many-to-one reference and its foreign key, named as the migration names
 * it (`fk_<table>_<column>`): TypeORM matches foreign keys by name.
 */
export function references(
  target: string,
  table: string,
  column: string,
  onDelete: OnDelete,
): EntitySchemaRelationOptions {
  return {
    type: 'many-to-one',
    target,
    joinColumn: { name: column, foreignKeyConstraintName: `fk_${table}_${column}` },
    onDelete,
  };
}
