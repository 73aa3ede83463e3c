import { describe, expect, it } from 'vitest';
import { restoreWindowBounds } from '../../../src-main/core/window/windowBounds';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('restoreWindowBounds', () => {
  it('reopens where the window was', () => {
    expect(restoreWindowBounds({ x: 100, y: 50, width: 1200, height: 700 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 700,
    });
  });
  it('ignores a place on a monitor that is gone', () => {
    expect(
      restoreWindowBounds({ x: 2500, y: 0, width: 1200, height: 700 }, screen),
    ).toBeUndefined();
  });
  it('never restores a window too small to use', () => {
    expect(restoreWindowBounds({ x: 0, y: 0, width: 10, height: 10 }, screen)).toEqual({
      x: 0,
      y: 0,
      width: 960,
      height: 600,
    });
  });
  it.each([undefined, null, 'x', { x: 1 }, { x: NaN, y: 0, width: 1, height: 1 }])(
    'ignores a broken saved value %j',
    (saved) => expect(restoreWindowBounds(saved, screen)).toBeUndefined(),
  );
});
