import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Electron's safeStorage on the host: encrypted with a key kept in the host's
 * state folder, so values survive a restart of the app as they do with the OS
 * keychain. Tests use it too, to read what the app wrapped (its database key).
 */
export function hostSafeStorage(stateDir: string) {
  const keyFile = path.join(stateDir, 'safe-storage.key');
  const safeKey = existsSync(keyFile) ? readFileSync(keyFile) : randomBytes(32);
  if (!existsSync(keyFile)) writeFileSync(keyFile, safeKey);
  const safeStorage = {
    isEncryptionAvailable: () => true,
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    encryptStringAsync: (plain: string) => Promise.resolve(safeStorage.encryptString(plain)),
    decryptStringAsync: (encrypted: Buffer) =>
      Promise.resolve({ result: safeStorage.decryptString(encrypted), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => 'basic_text',
    encryptString(plain: string): Buffer {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', safeKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), data]);
    },
    decryptString(encrypted: Buffer): string {
      if (encrypted.subarray(0, 3).toString() !== 'v10')
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        );
      const iv = encrypted.subarray(3, 15);
      const tag = encrypted.subarray(15, 31);
      const decipher = createDecipheriv('aes-256-gcm', safeKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
  return safeStorage;
}

/** Where the host keeps its state for an app run with this user-data folder (see pultApp). */
export function hostStateDir(userDataDir: string): string {
  return path.join(userDataDir, '..', `${path.basename(userDataDir)}-host`);
}
