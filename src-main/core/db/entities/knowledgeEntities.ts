import { EntitySchema } from 'typeorm';
import { flag, references, rowid } from './columnTypes';

/** The knowledge base, as the center's catalogue (migration 10) last gave it; codes are the catalogue's. */
export interface ProductRow {
  id: number;
  code: string;
  name: string;
  description: string;
  priceKop: number | null;
  active: boolean;
}
export interface TariffRow {
  id: number;
  code: string;
  productId: number | null;
  name: string;
  description: string;
  monthlyFeeKop: number;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  product?: ProductRow | null;
}
export interface PromotionRow {
  id: number;
  code: string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  tariffId: number | null;
  active: boolean;
  tariff?: TariffRow | null;
}
export interface ArticleRow {
  id: number;
  code: string;
  title: string;
  body: string;
  tags: string;
  active: boolean;
}
/** Every catalogue taken, the newest in use; `body` is the checked catalogue as JSON. */
export interface CatalogueRow {
  id: number;
  version: string;
  sha256: string;
  source: string;
  appliedAt: string;
  body: string;
}
export interface KnowledgeSearchRow {
  rowid: number;
  kind: string;
  itemId: number;
  title: string;
  body: string;
}

export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    id: rowid,
    code: { type: 'text', unique: true },
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    priceKop: { type: 'integer', name: 'price_kop', nullable: true },
    active: flag({ default: true }),
  },
});

export const TariffEntity = new EntitySchema<TariffRow>({
  name: 'Tariff',
  tableName: 'tariffs',
  columns: {
    id: rowid,
    code: { type: 'text', unique: true },
    productId: { type: 'integer', name: 'product_id', nullable: true },
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    monthlyFeeKop: { type: 'integer', name: 'monthly_fee_kop' },
    validFrom: { type: 'text', name: 'valid_from', nullable: true },
    validTo: { type: 'text', name: 'valid_to', nullable: true },
    active: flag({ default: true }),
  },
  relations: {
    product: references('Product', 'tariffs', 'product_id', 'SET NULL'),
  },
});

export const PromotionEntity = new EntitySchema<PromotionRow>({
  name: 'Promotion',
  tableName: 'promotions',
  columns: {
    id: rowid,
    code: { type: 'text', unique: true },
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    startsOn: { type: 'text', name: 'starts_on', nullable: true },
    endsOn: { type: 'text', name: 'ends_on', nullable: true },
    tariffId: { type: 'integer', name: 'tariff_id', nullable: true },
    active: flag({ default: true }),
  },
  relations: {
    tariff: references('Tariff', 'promotions', 'tariff_id', 'SET NULL'),
  },
});

export const ArticleEntity = new EntitySchema<ArticleRow>({
  name: 'Article',
  tableName: 'articles',
  columns: {
    id: rowid,
    code: { type: 'text', unique: true },
    title: { type: 'text' },
    body: { type: 'text', default: '' },
    tags: { type: 'text', default: '' },
    active: flag({ default: true }),
  },
});

export const CatalogueEntity = new EntitySchema<CatalogueRow>({
  name: 'Catalogue',
  tableName: 'catalogues',
  columns: {
    id: rowid,
    version: { type: 'text' },
    sha256: { type: 'text' },
    source: { type: 'text' },
    appliedAt: { type: 'text', name: 'applied_at' },
    body: { type: 'text' },
  },
});

/** A catalogue edition from the team's feed, until a worker takes it into the catalogue. */
export interface TeamCatalogueRow {
  sha256: string;
  version: string;
  body: string;
  publishedBy: string;
  receivedAt: string;
  takenAt: string | null;
}

export const TeamCatalogueEntity = new EntitySchema<TeamCatalogueRow>({
  name: 'TeamCatalogue',
  tableName: 'team_catalogues',
  columns: {
    sha256: { type: 'text', primary: true },
    version: { type: 'text' },
    body: { type: 'text' },
    publishedBy: { type: 'text', name: 'published_by' },
    receivedAt: { type: 'text', name: 'received_at' },
    takenAt: { type: 'text', name: 'taken_at', nullable: true },
  },
});

export const KnowledgeSearchEntity = new EntitySchema<KnowledgeSearchRow>({
  name: 'KnowledgeSearch',
  tableName: 'knowledge_search',
  synchronize: false,
  columns: {
    rowid: { type: 'integer', primary: true },
    kind: { type: 'text' },
    itemId: { type: 'integer', name: 'item_id' },
    title: { type: 'text' },
    body: { type: 'text' },
  },
});

/** A settlement of the KATOTTG codifier (категорії M, T, C, X, K), with its oblast and raion. */
export interface SettlementRow {
  code: string;
  name: string;
  category: string;
  oblast: string;
  raion: string;
  hromada: string;
  /** The name lower-cased, apostrophes dropped: what the operator's typing is matched against. */
  searchKey: string;
}
/** A reference file loaded into the base, and which edition (its hash). */
export interface ReferenceFileRow {
  name: string;
  sha256: string;
  rows: number;
  loadedAt: string;
}

export const SettlementEntity = new EntitySchema<SettlementRow>({
  name: 'Settlement',
  tableName: 'settlements',
  columns: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    category: { type: 'text' },
    oblast: { type: 'text' },
    raion: { type: 'text' },
    hromada: { type: 'text' },
    searchKey: { type: 'text', name: 'search_key' },
  },
  indices: [{ name: 'settlements_search', columns: ['searchKey'] }],
});

export const ReferenceFileEntity = new EntitySchema<ReferenceFileRow>({
  name: 'ReferenceFile',
  tableName: 'reference_files',
  columns: {
    name: { type: 'text', primary: true },
    sha256: { type: 'text' },
    rows: { type: 'integer' },
    loadedAt: { type: 'text', name: 'loaded_at' },
  },
});
