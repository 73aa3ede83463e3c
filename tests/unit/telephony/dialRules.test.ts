import { describe, expect, it } from 'vitest';
import { defaultDialRules, toDialTarget } from '../../../src-main/core/telephony/dialRules';

describe('dial rules', () => {
  it('dials extensions as typed', () => {
    expect(toDialTarget('1002')).toBe('1002');
    expect(toDialTarget(' 12-34 ')).toBe('1234');
    expect(toDialTarget('*97')).toBe('*97');
  });

  it('turns any spelling of a number into the PBX format', () => {
    for (const typed of ['067 123 45 67', '+380671234567', '(067) 123-45-67', '80671234567']) {
      expect(toDialTarget(typed)).toBe('+380671234567');
      expect(toDialTarget(typed, { ...defaultDialRules, format: 'national' })).toBe('0671234567');
      expect(
        toDialTarget(typed, { ...defaultDialRules, format: 'international', externalPrefix: '9' }),
      ).toBe('9380671234567');
    }
  });

  it('refuses what is not a number, so a typo never rings a stranger', () => {
    expect(toDialTarget('067 123 4')).toBeUndefined();
    expect(toDialTarget('hello')).toBeUndefined();
    expect(toDialTarget('+380 00 000 00 00')).toBeUndefined();
  });
});
