import type { MainStrings } from '../../core/i18n/mainLocales';

/** The OS's open and save dialogs, as the Electron layer shows them. */
export interface FileDialogs {
  chooseImportFile(strings: MainStrings): Promise<string | undefined>;
  /** A call script's JSON file. */
  chooseScriptFile(strings: MainStrings): Promise<string | undefined>;
  /** Any file of the kinds named (a schedule: CSV or XLSX). */
  chooseOpenFile(
    title: string,
    filterName: string,
    extensions: readonly string[],
  ): Promise<string | undefined>;
  chooseSaveFile(
    title: string,
    defaultName: string,
    extension: 'csv' | 'xlsx' | 'json' | 'pdf' | 'zip',
  ): Promise<string | undefined>;
}
