import * as fs from 'node:fs';
import path from 'node:path';

/** The few file calls a durable write makes; tests watch their order. */
export type DurableFs = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync'
>;

/**
 * Writes a file whole or not at all, and on disk before this returns: the
 * data goes to `<file>.new`, is flushed (fsync), replaces the file by rename,
 * and the folder is flushed so the rename itself survives a power cut. Used
 * for what a crash must never leave half-written or lost, such as the
 * database key just before a base is encrypted with it.
 */
export function writeFileDurably(
  file: string,
  data: Uint8Array,
  options: { mode?: number } = {},
  io: DurableFs = fs,
): void {
  const partial = `${file}.new`;
  const fd = io.openSync(partial, 'w', options.mode ?? 0o600);
  try {
    let written = 0;
    while (written < data.length) written += io.writeSync(fd, data, written);
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
  io.renameSync(partial, file);
  syncFolder(path.dirname(file), io);
}

function syncFolder(folder: string, io: DurableFs): void {
  let fd: number;
  try {
    fd = io.openSync(folder, 'r');
  } catch (error) {
    // Windows opens no folder as a file; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}
