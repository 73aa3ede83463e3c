import { describe, expect, it } from 'vitest';
import {
  normalizePhone,
  parsePhone,
  phoneQueryDigits,
  ukrainianSearchTokens,
} from '../../../src-main/core/phones/phoneNumbers';

describe('normalizePhone', () => {
  it.each([
    '067 123 45 67',
    '+380671234567',
    '0671234567',
    '80671234567',
    '(067) 123-45-67',
    '+38 (067) 123 45 67',
    '380671234567',
    '00380671234567',
  ])('reads %s as +380671234567', (raw) => {
    expect(normalizePhone(raw)).toEqual({
      ok: true,
      e164: '+380671234567',
      searchTokens: '380671234567 0671234567 671234567',
    });
  });

  it.each([
    '',
    '   ',
    '12',
    '0001234567',
    '067123456',
    '06712345678',
    'call me',
    '+38067123456789012345',
  ])('refuses %j', (raw) => expect(normalizePhone(raw).ok).toBe(false));

  it('reads foreign numbers given with their country code', () => {
    expect(normalizePhone('+48 601 234 567')).toMatchObject({ ok: true, e164: '+48601234567' });
    expect(normalizePhone('+1 (415) 555-2671')).toMatchObject({ ok: true, e164: '+14155552671' });
  });

  it('uses the configured region for national numbers', () => {
    expect(normalizePhone('601 234 567', 'PL')).toMatchObject({ ok: true, e164: '+48601234567' });
  });
});

describe('parsePhone, as an import reads numbers', () => {
  it('leaves out the search forms of a Ukrainian number, which are made from its e164 where needed', () => {
    expect(parsePhone('067 123 45 67')).toEqual({
      ok: true,
      e164: '+380671234567',
      searchTokens: null,
    });
    expect(ukrainianSearchTokens('+380671234567')).toBe('380671234567 0671234567 671234567');
  });

  it("keeps a foreign number's own forms, with its trunk prefix", () => {
    expect(parsePhone('+44 20 7946 0018')).toEqual({
      ok: true,
      e164: '+442079460018',
      searchTokens: '442079460018 02079460018 2079460018',
    });
  });

  it('refuses what normalizePhone refuses', () => {
    expect(parsePhone('067123456')).toEqual({ ok: false, reason: 'invalid' });
    expect(parsePhone(' ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('phoneQueryDigits', () => {
  it.each([
    ['067 123', '067123'],
    ['+38 067-1', '380671'],
    ['(067) 12', '06712'],
  ])('%s is a phone query', (query, digits) => expect(phoneQueryDigits(query)).toBe(digits));
  it.each(['Іван', '12', 'вул. 5', 'Коваленко 067'])('%s is not', (query) =>
    expect(phoneQueryDigits(query)).toBeUndefined(),
  );
});
