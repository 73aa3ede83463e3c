import { EntitySchema } from 'typeorm';

// Column types are explicit everywhere: nothing depends on decorator metadata,
// which some bundlers (esbuild) do not emit.

export interface ClientRow {
  id: number;
  fullName: string;
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
  phones?: ClientPhoneRow[];
  tags?: TagRow[];
}

export interface ClientPhoneRow {
  id: number;
  clientId: number;
  e164: string;
  raw: string;
  label: string;
  searchTokens: string;
}

export interface TagRow {
  id: number;
  name: string;
}

export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'clients',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    fullName: { type: 'text', name: 'full_name' },
    sortKey: { type: 'text', name: 'sort_key', default: '' },
    address: { type: 'text', default: '' },
    city: { type: 'text', default: '' },
    email: { type: 'text', default: '' },
    personalAccount: { type: 'text', name: 'personal_account', default: '' },
    notes: { type: 'text', default: '' },
    doNotCall: { type: 'boolean', name: 'do_not_call', default: false },
    lastOutcome: { type: 'text', name: 'last_outcome', nullable: true },
    lastContactAt: { type: 'text', name: 'last_contact_at', nullable: true },
    openOrders: { type: 'integer', name: 'open_orders', default: 0 },
    openComplaints: { type: 'integer', name: 'open_complaints', default: 0 },
    importJobId: { type: 'integer', name: 'import_job_id', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  relations: {
    phones: { type: 'one-to-many', target: 'ClientPhone', inverseSide: 'client' },
    tags: {
      type: 'many-to-many',
      target: 'Tag',
      joinTable: {
        name: 'client_tags',
        joinColumn: { name: 'client_id', referencedColumnName: 'id' },
        inverseJoinColumn: { name: 'tag_id', referencedColumnName: 'id' },
      },
    },
  },
});

export const ClientPhoneEntity = new EntitySchema<ClientPhoneRow & { client?: ClientRow }>({
  name: 'ClientPhone',
  tableName: 'client_phones',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { type: 'integer', name: 'client_id' },
    e164: { type: 'text' },
    raw: { type: 'text' },
    label: { type: 'text', default: '' },
    searchTokens: { type: 'text', name: 'search_tokens', default: '' },
  },
  relations: {
    client: {
      type: 'many-to-one',
      target: 'Client',
      joinColumn: { name: 'client_id' },
      onDelete: 'CASCADE',
    },
  },
});

export const TagEntity = new EntitySchema<TagRow>({
  name: 'Tag',
  tableName: 'tags',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'text', unique: true },
  },
});
