/**
 * A spreadsheet cell as the text a person sees in it. Excel keeps phone
 * numbers as numbers (losing the leading 0, which the phone reader restores),
 * dates as dates (a time alone as HH:MM), and formatted text as runs; a formula is its last result.
 */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (cell instanceof Date) {
    // A time alone (a shift's start) is a time on Excel's day zero, 1899-12-30 (or 31).
    if (cell.getUTCFullYear() < 1900) return cell.toISOString().slice(11, 16);
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'object') {
    const value = cell as {
      richText?: { text?: unknown }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(value.richText))
      return value.richText.map((run) => cellText(run.text)).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
    // #N/A, #DIV/0! and the like: the cell shows no value a client could have.
    if ('error' in value) return '';
  }
  return JSON.stringify(cell);
}
