import { describe, expect, it } from 'vitest';
import { clientChange, type ClientState } from '../../../src-main/core/db/clientChanges';
import { decodeCopyText } from '../../../src-main/core/sync/copyText';

const state = (
  over: Partial<ClientState['fields']> = {},
  phones = ['+380671234567'],
  tags = ['VIP'],
): ClientState => ({
  fields: {
    fullName: 'Коваленко Андрій',
    address: '',
    city: 'Київ',
    email: '',
    personalAccount: '',
    notes: '',
    doNotCall: false,
    ...over,
  },
  phones: phones.map((e164) => ({ e164, raw: e164, label: '' })),
  tags,
});

describe('a client change as the team receives it', () => {
  it('carries only what changed: an edit of one field never overwrites a colleague’s edit of another', () => {
    expect(clientChange(7, 'u', state(), state({ city: 'Бровари' }))).toEqual({
      id: 7,
      uid: 'u',
      set: { city: 'Бровари' },
      phones: { add: [], remove: [] },
      tags: { add: [], remove: [] },
    });
  });

  it('phones and tags as what was added and removed; a new client sets every field', () => {
    const change = clientChange(
      7,
      'u',
      state({}, ['+380671234567', '+380442223344'], ['VIP', 'борг']),
      state({}, ['+380442223344', '+380501112233'], ['VIP', 'нове']),
    );
    expect(change.phones).toEqual({
      add: [{ e164: '+380501112233', raw: '+380501112233', label: '' }],
      remove: ['+380671234567'],
    });
    expect(change.tags).toEqual({ add: ['нове'], remove: ['борг'] });
    expect(Object.keys(clientChange(1, 'u', undefined, state()).set)).toHaveLength(7);
  });
});

describe("PostgreSQL's COPY text format", () => {
  it('decodes its escapes, and a JSON document survives the trip', () => {
    const json = JSON.stringify({ notes: 'рядок\nдругий\t"лапки" \\ зворотна' });
    // What COPY prints for it: backslashes doubled, no raw control characters.
    const printed = json.replace(/\\/g, '\\\\');
    expect(JSON.parse(decodeCopyText(printed))).toEqual(JSON.parse(json));
    expect(decodeCopyText('a\\tb\\nc\\\\d\\x41\\101')).toBe('a\tb\nc\\dAA');
  });
});
