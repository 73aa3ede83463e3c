import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ClientFilter } from './useClientPages';

export const outcomeFilters = ['any', 'none', 'sale', 'refused', 'callback', 'noAnswer'] as const;
export const doNotCallFilters = ['any', 'only', 'exclude'] as const;

export interface ClientFilterFields {
  text: string;
  tag: string;
  lastOutcome: (typeof outcomeFilters)[number];
  doNotCall: (typeof doNotCallFilters)[number];
  hasOpenOrder: boolean;
  hasOpenComplaint: boolean;
}

const noFilter: ClientFilterFields = {
  text: '',
  tag: '',
  lastOutcome: 'any',
  doNotCall: 'any',
  hasOpenOrder: false,
  hasOpenComplaint: false,
};

/** The filter bar's fields as typed, and the query they make (the text searched once typing pauses). */
export function useClientFilter() {
  const [fields, setFields] = useState(noFilter);
  const [text] = useDebouncedValue(fields.text, 120);
  const tag = fields.tag.trim();
  const filter: ClientFilter = {
    text,
    ...(tag === '' ? {} : { tag }),
    lastOutcome: fields.lastOutcome,
    doNotCall: fields.doNotCall,
    hasOpenOrder: fields.hasOpenOrder,
    hasOpenComplaint: fields.hasOpenComplaint,
  };
  const change = (patch: Partial<ClientFilterFields>) => setFields((f) => ({ ...f, ...patch }));
  return { fields, change, filter, searching: text.trim() !== '' };
}
