import { describe, expect, it } from 'vitest';
import {
  isAnswerOnALiveConnection,
  isRefusalOfChange,
  sqlStateOf,
} from '../../../src-main/core/sync/outboxPush';

describe('what the center answered', () => {
  it('tells the database’s SQLSTATE from a socket’s error code', () => {
    for (const code of ['42501', '22023', '55000', 'P0001', 'XX000', '08006', '57P01'])
      expect(sqlStateOf({ code })).toBe(code);
    for (const code of ['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'abcde', 42501])
      expect(sqlStateOf({ code })).toBeUndefined();
    expect(sqlStateOf(new Error('no code'))).toBeUndefined();
    expect(sqlStateOf(null)).toBeUndefined();
  });

  it('keeps the connection for a refusal, drops it for a broken pipe or a shutdown', () => {
    expect(isAnswerOnALiveConnection({ code: '55000' })).toBe(true);
    expect(isAnswerOnALiveConnection({ code: '42501' })).toBe(true);
    expect(isAnswerOnALiveConnection({ code: 'EPIPE' })).toBe(false);
    expect(isAnswerOnALiveConnection({ code: '57P01' })).toBe(false);
    expect(isAnswerOnALiveConnection({ code: '08006' })).toBe(false);
  });

  it('sets a change aside only when the database refused it for good', () => {
    expect(isRefusalOfChange({ code: '23505' })).toBe(true);
    expect(isRefusalOfChange({ code: 'P0001' })).toBe(true);
    expect(isRefusalOfChange({ code: '40001' })).toBe(false);
    expect(isRefusalOfChange({ code: 'EPIPE' })).toBe(false);
  });
});
