import { describe, expect, it } from 'vitest';
import { EndedCalls } from '../../../src-main/core/performance/endedCalls';
import { operatorKeys } from '../../../src-main/core/schedule/operatorKey';
import { scheduleClock, scheduleDay } from '../../../src-main/core/schedule/scheduleFile';
import { addDays, weekStartOf } from '../../../src-shared/localDays';
import type { CallView } from '../../../src-shared/telephony/callView';

describe("the schedule file's cells", () => {
  it('reads days as supervisors type them, and refuses days that do not exist', () => {
    expect(scheduleDay('2026-12-08')).toBe('2026-12-08');
    expect(scheduleDay('8.12.2026')).toBe('2026-12-08');
    expect(scheduleDay('08/12/2026')).toBe('2026-12-08');
    expect(scheduleDay('31.02.2026')).toBeUndefined();
    expect(scheduleDay('понеділок')).toBeUndefined();
  });

  it('reads times with a colon, a dot or none, and refuses 25 o’clock', () => {
    expect(scheduleClock('9:00')).toBe('09:00');
    expect(scheduleClock('09.30')).toBe('09:30');
    expect(scheduleClock('1800')).toBe('18:00');
    expect(scheduleClock('24:00')).toBe('24:00');
    expect(scheduleClock('25:00')).toBeUndefined();
    expect(scheduleClock('9:60')).toBeUndefined();
  });

  it('matches an operator by login or by name, in any case and spacing, Cyrillic too', () => {
    expect(operatorKeys('O.Petrenko', ['Петренко  Олег', ''])).toEqual([
      'o.petrenko',
      'петренко олег',
    ]);
  });

  it('starts weeks on Monday', () => {
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(weekStartOf('2026-12-07')).toBe('2026-12-07');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('calls that end', () => {
  const call = (id: number, state: CallView['state']) => ({ id, state }) as CallView;

  it('are told once each, when they end, and forgotten when cleared', () => {
    const ended = new EndedCalls();
    expect(ended.changed([call(1, 'ringing')])).toBe(false);
    expect(ended.changed([call(1, 'active')])).toBe(false);
    expect(ended.changed([call(1, 'ended')])).toBe(true);
    expect(ended.changed([call(1, 'ended'), call(2, 'ringing')])).toBe(false);
    expect(ended.changed([call(1, 'ended'), call(2, 'ended')])).toBe(true);
    expect(ended.changed([])).toBe(false);
  });
});
