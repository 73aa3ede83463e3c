import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where IT puts the machine-wide policy file: a folder only administrators
 * can write. PULT_POLICY_FILE overrides it (for staging rollouts and tests).
 * On Windows and macOS the registry and managed preferences come on top.
 */
export function machinePolicyPath(): string {
  const override = process.env['PULT_POLICY_FILE'];
  if (override !== undefined && override !== '') return override;
  if (process.platform === 'win32') {
    return path.join(process.env['ProgramData'] ?? 'C:\\ProgramData', 'Pult', 'policy.json');
  }
  if (process.platform === 'darwin') return '/Library/Application Support/Pult/policy.json';
  return '/etc/pult/policy.json';
}

/** The file's text at start (before the window opens; a few KB), or undefined when there is none. */
export function readPolicyFileText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Calls back with the file's text whenever IT writes, replaces or removes it.
 * Polled by stat (every `intervalMs`), which also sees a file created later,
 * a folder that did not exist, and a copy over a network share.
 */
export function watchPolicyFile(
  file: string,
  onText: (text: string | undefined) => void,
  intervalMs = 2000,
): () => void {
  const listener = (
    now: { mtimeMs: number; size: number },
    before: { mtimeMs: number; size: number },
  ) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    readFile(file, 'utf8').then(onText, () => onText(undefined));
  };
  watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(file, listener);
}
