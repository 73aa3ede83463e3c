import { Checkbox, Fieldset, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addressValueSchema, type AddressValue } from '../../../../src-shared/orders/orderValues';
import { settlementRegion } from '../addressText';
import { problemText, type FieldProps } from './fieldProps';
import { SettlementPicker } from './SettlementPicker';

/**
 * An address as structured fields: the settlement from the codifier, then
 * street, house, entrance (for a taxi) and flat. An address the codifier
 * cannot give is typed whole, with the reason why.
 */
export function AddressField({ field, label, value, onChange, problem }: FieldProps<'address'>) {
  const { t } = useTranslation();
  const address: AddressValue =
    value !== undefined && typeof value === 'object' && !Array.isArray(value) && 'street' in value
      ? value
      : addressValueSchema.parse({});
  const set = (patch: Partial<AddressValue>) => onChange({ ...address, ...patch });
  const free = address.free;
  const id = `order-${field.code}`;
  return (
    <Fieldset legend={label} data-testid={id}>
      <Stack gap="xs">
        {!free && (
          <>
            <SettlementPicker
              label={t('orders.address.settlement')}
              typed={address.settlement}
              picked={address.settlementCode !== ''}
              error={problemText(problem, t, 'settlement')}
              onType={(text) => set({ settlement: text, settlementCode: '', region: '' })}
              onPick={(hit) =>
                set({
                  settlement: hit.name,
                  settlementCode: hit.code,
                  region: settlementRegion(hit, t),
                })
              }
              testId={`${id}-settlement`}
            />
            <TextInput
              label={t('orders.address.street')}
              value={address.street}
              error={problemText(problem, t, 'street')}
              onChange={(e) => set({ street: e.currentTarget.value })}
              data-testid={`${id}-street`}
              data-enter-next
            />
            <Group grow>
              <TextInput
                label={t('orders.address.house')}
                value={address.house}
                error={problemText(problem, t, 'house')}
                onChange={(e) => set({ house: e.currentTarget.value })}
                data-testid={`${id}-house`}
                data-enter-next
              />
              {field.entrance && (
                <TextInput
                  label={t('orders.address.entrance')}
                  value={address.entrance}
                  error={problemText(problem, t, 'entrance')}
                  onChange={(e) => set({ entrance: e.currentTarget.value })}
                  data-testid={`${id}-entrance`}
                  data-enter-next
                />
              )}
              {field.flat && (
                <TextInput
                  label={t('orders.address.flat')}
                  value={address.flat}
                  onChange={(e) => set({ flat: e.currentTarget.value })}
                  data-testid={`${id}-flat`}
                  data-enter-next
                />
              )}
            </Group>
          </>
        )}
        <Checkbox
          label={t('orders.address.notInCodifier')}
          checked={free}
          onChange={(e) =>
            set(
              e.currentTarget.checked
                ? {
                    free: true,
                    freeText:
                      address.freeText ||
                      [address.settlement, address.street, address.house]
                        .filter(Boolean)
                        .join(', '),
                  }
                : { free: false },
            )
          }
          data-testid={`${id}-free`}
        />
        {free && (
          <>
            <Textarea
              label={t('orders.address.freeText')}
              value={address.freeText}
              autosize
              minRows={2}
              error={problemText(problem, t, 'freeText')}
              onChange={(e) => set({ freeText: e.currentTarget.value })}
              data-testid={`${id}-free-text`}
            />
            <TextInput
              label={t('orders.address.freeTextReason')}
              value={address.freeTextReason}
              error={problemText(problem, t, 'freeTextReason')}
              onChange={(e) => set({ freeTextReason: e.currentTarget.value })}
              data-testid={`${id}-free-reason`}
              data-enter-next
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
