import { EntitySchema } from 'typeorm';
import { flag, references, rowid } from './columnTypes';
import type { ImportJobRow } from './recordEntities';

export interface ClientRow {
  id: number;
  /** Team mode's global id (UUIDv7), made here; a trigger gives every new row one. */
  uid: string | null;
  fullName: string;
  /** The name as the list sorts it (surname first, folded): see nameSortKey. */
  sortKey: string;
  address: string;
  city: string;
  email: string;
  personalAccount: string;
  notes: string;
  doNotCall: boolean;
  lastOutcome: string | null;
  lastContactAt: string | null;
  openOrders: number;
  openComplaints: number;
  importJobId: number | null;
  createdAt: string;
  updatedAt: string;
  importJob?: ImportJobRow | null;
}

export interface ClientPhoneRow {
  id: number;
  clientId: number;
  /** E.164, for caller ID's exact lookup. */
  e164: string;
  /** As the operator or the imported file wrote it. */
  raw: string;
  label: string;
  /** The digit forms a person may type, read by the search index. */
  searchTokens: string;
  client?: ClientRow;
}

export interface TagRow {
  id: number;
  name: string;
}

export interface ClientTagRow {
  clientId: number;
  tagId: number;
  client?: ClientRow;
  tag?: TagRow;
}

export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'clients',
  columns: {
    id: rowid,
    uid: { type: 'text', nullable: true },
    fullName: { type: 'text', name: 'full_name' },
    sortKey: { type: 'text', name: 'sort_key', default: '' },
    address: { type: 'text', default: '' },
    city: { type: 'text', default: '' },
    email: { type: 'text', default: '' },
    personalAccount: { type: 'text', name: 'personal_account', default: '' },
    notes: { type: 'text', default: '' },
    doNotCall: flag({ name: 'do_not_call', default: false }),
    lastOutcome: { type: 'text', name: 'last_outcome', nullable: true },
    lastContactAt: { type: 'text', name: 'last_contact_at', nullable: true },
    openOrders: { type: 'integer', name: 'open_orders', default: 0 },
    openComplaints: { type: 'integer', name: 'open_complaints', default: 0 },
    importJobId: { type: 'integer', name: 'import_job_id', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    importJob: references('ImportJob', 'clients', 'import_job_id', 'SET NULL'),
  },
  indices: [
    // The list's order; `id` breaks ties so paging never repeats a client.
    { name: 'clients_sort_key', columns: ['sortKey', 'id'] },
    { name: 'clients_uid', columns: ['uid'], unique: true },
    { name: 'clients_last_outcome', columns: ['lastOutcome'], where: 'last_outcome IS NOT NULL' },
  ],
});

export const ClientPhoneEntity = new EntitySchema<ClientPhoneRow>({
  name: 'ClientPhone',
  tableName: 'client_phones',
  columns: {
    id: rowid,
    clientId: { type: 'integer', name: 'client_id' },
    e164: { type: 'text' },
    raw: { type: 'text' },
    label: { type: 'text', default: '' },
    searchTokens: { type: 'text', name: 'search_tokens', default: '' },
  },
  relations: {
    client: references('Client', 'client_phones', 'client_id', 'CASCADE'),
  },
  indices: [
    // Both are left out while a bulk import loads and built again after it (bulkLoadIndexes).
    { name: 'client_phones_e164', columns: ['e164'] },
    { name: 'client_phones_client', columns: ['clientId'] },
  ],
});

export const TagEntity = new EntitySchema<TagRow>({
  name: 'Tag',
  tableName: 'tags',
  columns: {
    id: rowid,
    // COLLATE NOCASE in the file: "VIP" and "vip" are one tag.
    name: { type: 'text', unique: true },
  },
});

export const ClientTagEntity = new EntitySchema<ClientTagRow>({
  name: 'ClientTag',
  tableName: 'client_tags',
  withoutRowid: true,
  columns: {
    clientId: { type: 'integer', name: 'client_id', primary: true },
    tagId: { type: 'integer', name: 'tag_id', primary: true },
  },
  relations: {
    client: references('Client', 'client_tags', 'client_id', 'CASCADE'),
    tag: references('Tag', 'client_tags', 'tag_id', 'CASCADE'),
  },
  indices: [{ name: 'client_tags_tag', columns: ['tagId', 'clientId'] }],
});
