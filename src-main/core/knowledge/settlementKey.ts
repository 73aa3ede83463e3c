/**
 * The lower-cased name without apostrophes: what typing is matched against.
 * A module of its own: the search in main needs it, and must not load the
 * codifier's spreadsheet reader (ExcelJS), which only the file worker uses.
 */
export function settlementKey(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(/['’ʼ`]/g, '')
    .trim();
}
