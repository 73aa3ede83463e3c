import { Combobox, Group, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettlementHit } from '../../../../src-shared/orders/orderViews';
import { invoke } from '../../../api/pultClient';
import { reportProblem } from '../../../common/problems';
import { settlementRegion } from '../addressText';

/**
 * The settlement picked from the KATOTTG codifier as the operator types:
 * cities first, each with its oblast and raion (forty villages share a name;
 * ", харк" after the name narrows to a region). Typing after a pick unpicks
 * it: the name alone never stands for a settlement.
 */
export function SettlementPicker({
  label,
  typed,
  picked,
  error,
  onType,
  onPick,
  testId,
}: {
  label: string;
  typed: string;
  picked: boolean;
  error: string | undefined;
  onType: (text: string) => void;
  onPick: (hit: SettlementHit) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [hits, setHits] = useState<SettlementHit[]>([]);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);
  // The best match is highlighted once drawn, so Enter takes it.
  useEffect(() => {
    if (hits.length > 0) combobox.selectFirstOption();
  }, [hits, combobox]);
  const search = (text: string) => {
    const n = ++asked.current;
    if (text.trim() === '') return;
    setLoading(true);
    invoke('settlements.search', { text }).then(
      (found) => {
        if (n !== asked.current) return;
        setHits(found);
        setLoading(false);
        combobox.openDropdown();
      },
      (e: unknown) => {
        setLoading(false);
        reportProblem('load', e);
      },
    );
  };

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(code) => {
        const hit = hits.find((h) => h.code === code);
        if (hit !== undefined) onPick(hit);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <InputBase
          label={label}
          value={typed}
          error={error}
          placeholder={t('orders.address.settlementHint')}
          rightSection={loading ? <Loader size={14} /> : picked ? <Text size="xs">✓</Text> : null}
          onChange={(event) => {
            onType(event.currentTarget.value);
            search(event.currentTarget.value);
          }}
          onFocus={() => {
            if (!picked && typed.trim() !== '') search(typed);
          }}
          onBlur={() => combobox.closeDropdown()}
          data-testid={testId}
          data-picked={picked ? 'true' : 'false'}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={hits.length === 0 || typed.trim() === ''}>
        <Combobox.Options data-testid={`${testId}-options`}>
          {hits.map((hit) => (
            <Combobox.Option value={hit.code} key={hit.code}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {hit.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    t(`orders.address.category.${hit.category}` as 'orders.address.category.M'),
                    settlementRegion(hit, t),
                  ]
                    .filter((p) => p !== '')
                    .join(' · ')}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
