import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unlockDatabase } from '../../../src-main/core/db/encryption';
import { hostSafeStorage, hostStateDir } from '../host/hostSafeStorage';

/**
 * The app's own client base, opened by a test to check what the app wrote.
 * It is encrypted: the key is the one the app wrapped with (the host's)
 * safeStorage next to it.
 */
export function openAppDatabase(
  userDataDir: string,
  options: { readonly?: boolean } = {},
): Database.Database {
  const file = path.join(userDataDir, 'pult.sqlite');
  const wrapped = readFileSync(`${file}.key`);
  const key = hostSafeStorage(hostStateDir(userDataDir)).decryptString(wrapped);
  const db = new Database(file, options);
  unlockDatabase(db, key);
  return db;
}
