import type { TFunction } from 'i18next';
import type { AddressValue } from '../../../src-shared/orders/orderValues';
import type { SettlementHit } from '../../../src-shared/orders/orderViews';

/** "Київська обл., Броварський р-н": what tells one settlement from its namesakes. */
export function settlementRegion(
  hit: Pick<SettlementHit, 'oblast' | 'raion'>,
  t: TFunction,
): string {
  return [
    hit.oblast === '' ? null : t('orders.address.oblast', { name: hit.oblast }),
    hit.raion === '' ? null : t('orders.address.raion', { name: hit.raion }),
  ]
    .filter((part) => part !== null)
    .join(', ');
}

/** An address as it is read back: settlement (region), street, house, entrance, flat; or the free text. */
export function addressText(value: AddressValue, t: TFunction): string {
  if (value.free) return value.freeText.trim();
  return [
    value.settlement.trim() === ''
      ? null
      : value.region === ''
        ? value.settlement
        : `${value.settlement} (${value.region})`,
    value.street.trim() === '' ? null : value.street.trim(),
    value.house.trim() === ''
      ? null
      : t('orders.address.houseShort', { value: value.house.trim() }),
    value.entrance.trim() === ''
      ? null
      : t('orders.address.entranceShort', { value: value.entrance.trim() }),
    value.flat.trim() === '' ? null : t('orders.address.flatShort', { value: value.flat.trim() }),
  ]
    .filter((part) => part !== null)
    .join(', ');
}
