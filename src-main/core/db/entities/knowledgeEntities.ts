import { EntitySchema } from 'typeorm';
import { flag, references, rowid } from './columnTypes';

export interface ProductRow {
  id: number;
  name: string;
  description: string;
  priceUah: number | null;
  active: boolean;
}
export interface TariffRow {
  id: number;
  productId: number | null;
  name: string;
  description: string;
  monthlyFeeUah: number;
  active: boolean;
  product?: ProductRow | null;
}
export interface PromotionRow {
  id: number;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
}

export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    id: rowid,
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    priceUah: { type: 'real', name: 'price_uah', nullable: true },
    active: flag({ default: true }),
  },
});

export const TariffEntity = new EntitySchema<TariffRow>({
  name: 'Tariff',
  tableName: 'tariffs',
  columns: {
    id: rowid,
    productId: { type: 'integer', name: 'product_id', nullable: true },
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    monthlyFeeUah: { type: 'real', name: 'monthly_fee_uah' },
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
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    startsOn: { type: 'text', name: 'starts_on', nullable: true },
    endsOn: { type: 'text', name: 'ends_on', nullable: true },
  },
});
