import log from 'electron-log/main';
import type { Logger } from '../core/platform/ports';

/**
 * File log in the user's logs folder, rotated at 5 MB (the old file is kept as
 * main.old.log). Personal data never goes into log details: callers pass ids.
 */
export function createMainLogger(): Logger {
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env['PULT_LOG_CONSOLE'] === '1' ? 'debug' : 'warn';
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, details?: Record<string, unknown>) => {
      if (details === undefined) log[level](message);
      else log[level](message, details);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The log file and the one rotated before it, for the diagnostics bundle. */
export function logFiles(): string[] {
  const current = log.transports.file.getFile().path;
  return [current.replace(/\.log$/, '.old.log'), current];
}
