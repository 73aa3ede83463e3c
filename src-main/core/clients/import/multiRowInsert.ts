import type BetterSqlite3 from 'better-sqlite3';

/** One way to write a row: its VALUES tuple, the statement around the tuples, what it binds. */
export interface RowShape<T> {
  /** "(?, ?, '')": bound values and constants. */
  tuple: string;
  /** The whole statement around `tuples` (the tuples joined by commas). */
  statement: (tuples: string) => string;
  /** Whether this shape writes the row as it is. */
  fits: (row: T) => boolean;
  bind: (row: T, into: unknown[]) => void;
}

const rowsPerStatement = 50;

/**
 * Inserts rows many to a statement, in their order. better-sqlite3 spends about
 * a quarter of a microsecond on every bound value, empty or not, which at a
 * million rows is most of an import's time; so a row that can be written with
 * fewer values (its empty columns as constants, a column SQL can compute) is.
 * Each run of rows takes the first shape that fits all of them; the last
 * shape must fit every row.
 */
export class MultiRowInsert<T> {
  private readonly prepared: {
    shape: RowShape<T>;
    many: BetterSqlite3.Statement;
    one: BetterSqlite3.Statement;
  }[];

  constructor(sqlite: BetterSqlite3.Database, shapes: readonly RowShape<T>[]) {
    this.prepared = shapes.map((shape) => ({
      shape,
      many: sqlite.prepare(
        shape.statement(Array<string>(rowsPerStatement).fill(shape.tuple).join(', ')),
      ),
      one: sqlite.prepare(shape.statement(shape.tuple)),
    }));
  }

  /** `shared`: named values the shapes use for every row (`@now`). */
  run(rows: readonly T[], shared?: Record<string, unknown>): void {
    const params: unknown[] = [];
    const execute = (statement: BetterSqlite3.Statement) => {
      if (shared !== undefined) params.push(shared);
      statement.run(...params);
      params.length = 0;
    };
    let at = 0;
    for (; at + rowsPerStatement <= rows.length; at += rowsPerStatement) {
      const end = at + rowsPerStatement;
      const chosen = this.shapeFor(rows, at, end);
      for (let i = at; i < end; i++) chosen.shape.bind(rows[i] as T, params);
      execute(chosen.many);
    }
    for (; at < rows.length; at++) {
      const chosen = this.shapeFor(rows, at, at + 1);
      chosen.shape.bind(rows[at] as T, params);
      execute(chosen.one);
    }
  }

  private shapeFor(rows: readonly T[], from: number, to: number) {
    const fitting = this.prepared.find(({ shape }) => {
      for (let i = from; i < to; i++) if (!shape.fits(rows[i] as T)) return false;
      return true;
    });
    if (fitting === undefined) throw new Error('no row shape fits these rows');
    return fitting;
  }
}
