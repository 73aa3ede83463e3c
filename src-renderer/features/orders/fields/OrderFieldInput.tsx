import { Fieldset, Group, PasswordInput, Select, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../../src-shared/orders/catalogue';
import {
  formatMoney,
  windowValueSchema,
  type WindowValue,
} from '../../../../src-shared/orders/orderValues';
import { AddressField } from './AddressField';
import { problemText, type FieldProps } from './fieldProps';
import { LinesField } from './LinesField';

/** One field of an order, drawn for its kind; every input says what is wrong under it. */
export function OrderFieldInput(props: FieldProps) {
  const { t } = useTranslation();
  const { field, label, value, onChange, problem, catalogue, language } = props;
  const id = `order-${field.code}`;
  const text = typeof value === 'string' ? value : '';
  const error = problemText(problem, t);
  const hint = field.hint === undefined ? undefined : localized(field.hint, language);
  const common = {
    label,
    description: hint,
    withAsterisk: field.required,
    error,
    'data-testid': id,
    ...(props.first === true ? { 'data-autofocus': true } : {}),
  };
  switch (field.kind) {
    case 'address':
      return <AddressField {...props} field={field} />;
    case 'lines':
      return <LinesField {...props} field={field} />;
    case 'timeWindow': {
      const w: WindowValue =
        value !== undefined && typeof value === 'object' && !Array.isArray(value) && 'from' in value
          ? value
          : windowValueSchema.parse({});
      const set = (patch: Partial<WindowValue>) => onChange({ ...w, ...patch });
      return (
        <Fieldset legend={label} data-testid={id}>
          <Group grow align="flex-start">
            <TextInput
              label={t('orders.window.date')}
              placeholder={t('orders.datePlaceholder')}
              value={w.date}
              error={problemText(problem, t, 'date')}
              onChange={(e) => set({ date: e.currentTarget.value })}
              data-testid={`${id}-date`}
              data-enter-next
            />
            <TextInput
              label={t('orders.window.from')}
              placeholder="09:00"
              value={w.from}
              error={problemText(problem, t, 'from')}
              onChange={(e) => set({ from: e.currentTarget.value })}
              data-testid={`${id}-from`}
              data-enter-next
            />
            <TextInput
              label={t('orders.window.to')}
              placeholder="12:00"
              value={w.to}
              error={problemText(problem, t, 'to')}
              onChange={(e) => set({ to: e.currentTarget.value })}
              data-testid={`${id}-to`}
              data-enter-next
            />
          </Group>
        </Fieldset>
      );
    }
    case 'choice':
      return (
        <Select
          {...common}
          data={field.options.map((o) => ({ value: o.code, label: localized(o.label, language) }))}
          value={text === '' ? null : text}
          searchable
          selectFirstOptionOnChange
          onChange={(code) => onChange(code ?? '')}
        />
      );
    case 'tariff':
      return (
        <Select
          {...common}
          data={catalogue.tariffs
            .filter((x) => x.valid || x.code === text)
            .map((x) => ({
              value: x.code,
              label: `${x.name} — ${t('orders.perMonth', { amount: formatMoney(x.monthlyFeeKop) })}`,
              disabled: !x.valid,
            }))}
          value={text === '' ? null : text}
          searchable
          selectFirstOptionOnChange
          onChange={(code) => onChange(code ?? '')}
        />
      );
    case 'document':
      // Passport data: hidden as it is typed, shown only on request.
      return (
        <PasswordInput
          {...common}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-enter-next
        />
      );
    case 'text':
      return field.multiline ? (
        <Textarea
          {...common}
          value={text}
          autosize
          minRows={2}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <TextInput
          {...common}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-enter-next
        />
      );
    default: {
      // Days as operators type them (ДД.ММ.РРРР): a browser's date picker speaks the OS's locale.
      const input =
        field.kind === 'date'
          ? { placeholder: t('orders.datePlaceholder') }
          : field.kind === 'dateTime'
            ? { placeholder: t('orders.dateTimePlaceholder') }
            : field.kind === 'phone'
              ? { type: 'tel' }
              : { inputMode: 'decimal' as const };
      const unit =
        field.kind === 'money'
          ? t('orders.currency')
          : field.kind === 'number' && field.unit !== undefined
            ? localized(field.unit, language)
            : undefined;
      return (
        <TextInput
          {...common}
          {...input}
          value={text}
          rightSection={unit}
          rightSectionWidth={unit === undefined ? undefined : 48}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-enter-next
        />
      );
    }
  }
}
