import { Group, Text, UnstyledButton } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientListItem } from '../../../src-shared/clients/clientSchemas';
import classes from './ClientList.module.css';
import { rowWindow } from './rowWindow';

const rowHeight = 48;
/** Rows drawn beyond the screen's edges, so a quick scroll does not show blanks. */
const overscan = 12;

interface Props {
  total: number;
  itemAt: (index: number) => ClientListItem | undefined;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}

/**
 * Only the rows on screen exist in the DOM, so a million clients scroll as
 * smoothly as ten. The rows are of one height, so where each one is follows
 * from the scroll position alone (see rowWindow; a measuring virtualizer kept
 * an entry per row and ran past the browser's layout limit at a million).
 */
export function ClientList({ total, itemAt, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  // Until measured, a screenful as tall as a laptop's: the first rows are drawn in the first pass.
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  useLayoutEffect(() => {
    const element = parent.current;
    if (element === null) return;
    const measure = () => setScroll({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(element);
    return () => resized.disconnect();
  }, []);
  const rows = rowWindow({
    total,
    rowHeight,
    scrollTop: scroll.top,
    viewportHeight: scroll.height,
    overscan,
  });
  const indexes = Array.from(
    { length: Math.max(0, rows.last - rows.first + 1) },
    (_, offset) => rows.first + offset,
  );
  return (
    <div
      ref={parent}
      className={classes.scroller}
      data-testid="client-list"
      role="list"
      onScroll={(event) =>
        setScroll({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })
      }
    >
      <div style={{ height: rows.contentHeight, position: 'relative' }}>
        {indexes.map((index) => {
          const item = itemAt(index);
          return (
            <div
              key={index}
              role="listitem"
              className={classes.row}
              style={{ transform: `translateY(${rows.topOf(index)}px)`, height: rowHeight }}
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
