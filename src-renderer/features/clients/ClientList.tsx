import { Group, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientListItem } from '../../../src-shared/clients/clientSchemas';
import classes from './ClientList.module.css';

interface Props {
  total: number;
  itemAt: (index: number) => ClientListItem | undefined;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}

/** Only the rows on screen exist in the DOM, so a million clients scroll as smoothly as ten. */
export function ClientList({ total, itemAt, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize: () => 48,
    overscan: 12,
  });
  return (
    <div ref={parent} className={classes.scroller} data-testid="client-list" role="list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = itemAt(row.index);
          return (
            <div
              key={row.key}
              role="listitem"
              className={classes.row}
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
            >
              {item === undefined ? (
                <Text size="sm" c="dimmed" px="sm" py={6}>
                  …
                </Text>
              ) : (
                <UnstyledButton
                  className={classes.button}
                  data-active={item.id === selectedId || undefined}
                  data-testid="client-row"
                  onClick={() => onSelect(item.id)}
                >
                  <Text size="sm" fw={500} truncate>
                    {item.fullName}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="xs" c="dimmed" ff="monospace">
                      {item.phone ?? ''}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {item.city}
                    </Text>
                    {item.doNotCall && (
                      <Text size="xs" c="red">
                        {t('clients.card.doNotCall')}
                      </Text>
                    )}
                  </Group>
                </UnstyledButton>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
