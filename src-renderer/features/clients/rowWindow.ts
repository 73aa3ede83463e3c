/**
 * Chromium lays nothing out past 33,554,431 px, and a million clients at 48 px
 * a row is 48 million: the list's scrolled content stays under this, so the
 * scrollbar's end is the last client, not the seven hundred thousandth.
 */
export const maxContentPx = 30_000_000;

export interface RowWindow {
  /** The scrolled content's height: the rows' own, or at most `maxContentPx`. */
  contentHeight: number;
  /** The rows to draw, first and last included (none when `last < first`). */
  first: number;
  last: number;
  /** Where a row's top is in the scrolled content. */
  topOf: (index: number) => number;
}

/**
 * Which rows of equal height are on screen at a scroll position. Up to
 * `maxContentPx` a pixel scrolled is a pixel of rows; past it, the scrollbar's
 * whole run covers the whole list (a pixel scrolled moves a little more), and
 * the rows drawn keep their height and follow each other without gaps. Worked
 * out from the position alone: nothing is kept per row, so a million rows cost
 * what thirty do.
 */
export function rowWindow(view: {
  total: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan: number;
}): RowWindow {
  const { total, rowHeight, viewportHeight, overscan } = view;
  const rowsHeight = total * rowHeight;
  const contentHeight = Math.min(rowsHeight, maxContentPx);
  const scrollRange = Math.max(0, contentHeight - viewportHeight);
  const rowsRange = Math.max(0, rowsHeight - viewportHeight);
  const scrollTop = Math.min(Math.max(0, view.scrollTop), scrollRange);
  // Where the viewport's top is among the rows.
  const rowsTop = scrollRange === 0 ? 0 : scrollTop * (rowsRange / scrollRange);
  const first = Math.max(0, Math.floor(rowsTop / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.ceil((rowsTop + viewportHeight) / rowHeight) + overscan);
  return {
    contentHeight,
    first,
    last,
    topOf: (index) => scrollTop + index * rowHeight - rowsTop,
  };
}
