import type BetterSqlite3 from 'better-sqlite3';

/** A TypeORM query builder, or anything else that can say its SQL. */
export interface BuiltStatement {
  getQueryAndParameters(): [string, unknown[]];
}

/**
 * Runs a statement TypeORM's query builder wrote, now, on main's one
 * connection. Why not the builder's own `execute()`: it is async, and
 * TypeORM's transactions on better-sqlite3 share that single connection
 * (typeorm/typeorm#1884, #8668), so a call record written between two of
 * their awaits would join the transaction and roll back with it. A change
 * of several statements therefore runs inside `sqlite.transaction()`,
 * synchronously, with its statements built by TypeORM from the entities.
 */
export function runBuilt(
  sqlite: BetterSqlite3.Database,
  built: BuiltStatement,
): BetterSqlite3.RunResult {
  const [sql, parameters] = built.getQueryAndParameters();
  return sqlite.prepare(sql).run(...parameters.map(bindable));
}

/** The first row a built SELECT returns (raw columns), or undefined. */
export function firstBuilt(sqlite: BetterSqlite3.Database, built: BuiltStatement): unknown {
  const [sql, parameters] = built.getQueryAndParameters();
  return sqlite.prepare(sql).get(...parameters.map(bindable));
}

/** Every row a built SELECT returns (raw columns, named by the builder's aliases). */
export function allBuilt(sqlite: BetterSqlite3.Database, built: BuiltStatement): unknown[] {
  const [sql, parameters] = built.getQueryAndParameters();
  return sqlite.prepare(sql).all(...parameters.map(bindable));
}

// better-sqlite3 binds no booleans; TypeORM's own driver turns them into 0/1 the same way.
const bindable = (value: unknown) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);
