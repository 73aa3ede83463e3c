import { describe, expect, it } from 'vitest';
import { maxContentPx, rowWindow } from '../../../src-renderer/features/clients/rowWindow';

const rowHeight = 48;
const viewportHeight = 700;
const at = (total: number, scrollTop: number) =>
  rowWindow({ total, rowHeight, scrollTop, viewportHeight, overscan: 2 });

/** The rows a person sees: drawn, and at least partly inside the viewport. */
function onScreen(total: number, scrollTop: number) {
  const rows = at(total, scrollTop);
  const seen: number[] = [];
  for (let i = rows.first; i <= rows.last; i++) {
    const top = rows.topOf(i) - scrollTop;
    if (top + rowHeight > 0 && top < viewportHeight) seen.push(i);
    if (i > rows.first) expect(rows.topOf(i) - rows.topOf(i - 1)).toBe(rowHeight);
  }
  return { rows, seen };
}

describe('the client list’s rows on screen', () => {
  it('a short list scrolls pixel for pixel, each row where its height puts it', () => {
    const { rows, seen } = onScreen(100, 480);
    expect(rows.contentHeight).toBe(4800);
    expect(seen[0]).toBe(10);
    expect(rows.topOf(10)).toBe(480);
    expect(seen.at(-1)).toBe(24);
  });

  it('a million clients: the scrollbar’s end shows the last client, its middle the middle ones, within what Chromium lays out', () => {
    const total = 1_000_000;
    const start = onScreen(total, 0);
    expect(start.rows.contentHeight).toBeLessThanOrEqual(maxContentPx);
    expect(start.rows.contentHeight).toBeLessThan(33_554_431);
    expect(start.seen[0]).toBe(0);
    expect(start.rows.topOf(0)).toBe(0);

    const end = start.rows.contentHeight - viewportHeight;
    const last = onScreen(total, end);
    expect(last.seen.at(-1)).toBe(total - 1);
    // The last row's bottom is the viewport's bottom: nothing cut, no gap below it.
    expect(last.rows.topOf(total - 1) + rowHeight).toBe(end + viewportHeight);
    // A screenful, and no more rows than that drawn.
    expect(last.seen.length).toBeGreaterThanOrEqual(Math.floor(viewportHeight / rowHeight));
    expect(last.rows.last - last.rows.first).toBeLessThan(30);

    const middle = onScreen(total, end / 2);
    expect(middle.seen[0]).toBeGreaterThan(total / 2 - 20);
    expect(middle.seen[0]).toBeLessThan(total / 2);
  });

  it('an empty list draws nothing', () => {
    const rows = at(0, 0);
    expect(rows.last).toBeLessThan(rows.first);
    expect(rows.contentHeight).toBe(0);
  });
});
