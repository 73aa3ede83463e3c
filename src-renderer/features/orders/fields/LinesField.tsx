import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  formatMoney,
  linesTotal,
  lineValueSchema,
  type LineValue,
} from '../../../../src-shared/orders/orderValues';
import { problemText, type FieldProps } from './fieldProps';

/** Catalogue lines: product, quantity, discount within the operator's cap; each line's sum and the total. */
export function LinesField({
  field,
  label,
  value,
  onChange,
  problem,
  catalogue,
}: FieldProps<'lines'>) {
  const { t } = useTranslation();
  const lines: LineValue[] =
    Array.isArray(value) && value.length > 0 ? value : [lineValueSchema.parse({})];
  const set = (i: number, patch: Partial<LineValue>) =>
    onChange(lines.map((line, n) => (n === i ? { ...line, ...patch } : line)));
  const prices = { products: new Map(catalogue.products.map((p) => [p.code, p])) };
  const products = catalogue.products
    .filter((p) => p.priceKop !== null)
    .map((p) => ({
      value: p.code,
      label: `${p.name} — ${t('orders.money', { amount: formatMoney(p.priceKop ?? 0) })}`,
    }));
  const id = `order-${field.code}`;
  const lineProblem = (i: number, part: string) =>
    problem?.line === i ? problemText(problem, t, part) : undefined;
  return (
    <Fieldset legend={label} data-testid={id}>
      <Stack gap="xs">
        {lines.map((line, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" data-testid={`${id}-line`}>
            <Select
              aria-label={t('orders.lines.product')}
              placeholder={t('orders.lines.product')}
              data={products}
              value={line.product === '' ? null : line.product}
              searchable
              selectFirstOptionOnChange
              error={lineProblem(i, 'product')}
              onChange={(code) => set(i, { product: code ?? '' })}
              style={{ flex: 3 }}
              data-testid={`${id}-product-${i}`}
            />
            <TextInput
              aria-label={t('orders.lines.quantity')}
              placeholder={t('orders.lines.quantity')}
              inputMode="numeric"
              value={line.quantity}
              error={lineProblem(i, 'quantity')}
              onChange={(e) => set(i, { quantity: e.currentTarget.value })}
              style={{ flex: 1 }}
              data-testid={`${id}-quantity-${i}`}
              data-enter-next
            />
            <TextInput
              aria-label={t('orders.lines.discount', { max: field.maxDiscountPercent })}
              placeholder={t('orders.lines.discount', { max: field.maxDiscountPercent })}
              inputMode="numeric"
              value={line.discount}
              disabled={field.maxDiscountPercent === 0}
              error={lineProblem(i, 'discount')}
              onChange={(e) => set(i, { discount: e.currentTarget.value })}
              style={{ flex: 1 }}
              data-testid={`${id}-discount-${i}`}
              data-enter-next
            />
            <Text size="sm" w={110} ta="right" pt={6}>
              {t('orders.money', { amount: formatMoney(linesTotal([line], prices)) })}
            </Text>
            <ActionIcon
              variant="subtle"
              aria-label={t('orders.lines.remove')}
              disabled={lines.length === 1}
              onClick={() => onChange(lines.filter((_, n) => n !== i))}
              mt={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {problem !== undefined && problem.line === undefined && (
          <Text size="xs" c="red">
            {problemText(problem, t)}
          </Text>
        )}
        <Group justify="space-between">
          <Button
            size="xs"
            variant="light"
            disabled={lines.length >= field.maxLines}
            onClick={() => onChange([...lines, lineValueSchema.parse({})])}
            data-testid={`${id}-add`}
          >
            {t('orders.lines.add')}
          </Button>
          <Text size="sm" fw={600} data-testid={`${id}-total`}>
            {t('orders.lines.total', { amount: formatMoney(linesTotal(lines, prices)) })}
          </Text>
        </Group>
      </Stack>
    </Fieldset>
  );
}
