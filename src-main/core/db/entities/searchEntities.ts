import { EntitySchema } from 'typeorm';
import { rowid } from './columnTypes';

export interface SearchControlRow {
  /** Always 1: the table holds one row. */
  id: number;
  /** 1 while a bulk import writes the search rows itself (the triggers stand aside). */
  paused: number;
}

export interface SearchBacklogRow {
  id: number;
  firstId: number;
  lastId: number;
}

export interface ClientSearchRow {
  /** The client's id. */
  rowid: number;
  name: string;
  phones: string;
  address: string;
}

export const SearchControlEntity = new EntitySchema<SearchControlRow>({
  name: 'SearchControl',
  tableName: 'search_control',
  columns: {
    id: rowid,
    paused: { type: 'integer' },
  },
});

export const SearchBacklogEntity = new EntitySchema<SearchBacklogRow>({
  name: 'SearchBacklog',
  tableName: 'search_backlog',
  columns: {
    id: rowid,
    firstId: { type: 'integer', name: 'first_id' },
    lastId: { type: 'integer', name: 'last_id' },
  },
});

/**
 * The FTS5 index (a virtual table, contentless, kept by triggers). TypeORM
 * cannot describe a virtual table or its shadow tables, so the schema
 * builder leaves it alone (`synchronize: false`); it is read only through
 * clientSearch's prepared statements.
 */
export const ClientSearchEntity = new EntitySchema<ClientSearchRow>({
  name: 'ClientSearch',
  tableName: 'client_search',
  synchronize: false,
  columns: {
    rowid: { type: 'integer', primary: true },
    name: { type: 'text' },
    phones: { type: 'text' },
    address: { type: 'text' },
  },
});
