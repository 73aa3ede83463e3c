/**
 * Row errors name what was found, never in words: the reason is said in the
 * operator's language where it is shown (the dialog, the saved report), and
 * the detail is the value itself or numbers, the same in any language. A long
 * value is cut to its start, enough to find it in the file.
 */
export function excerpt(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}
