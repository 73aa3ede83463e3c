import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { KeyWrapping } from '../core/db/databaseKeyFile';
import type { SecretStore } from '../core/platform/ports';

/**
 * Secrets encrypted with the OS's key (DPAPI on Windows, Keychain on macOS,
 * the desktop keyring on Linux) and kept as base64 in secrets.json. Without
 * OS encryption nothing is written: the secret lives in memory for this run
 * and the operator types it again next time.
 */
export function safeStorageSecrets(): SecretStore {
  const store = new Store<Record<string, string>>({ name: 'secrets', clearInvalidConfig: true });
  const memory = new Map<string, string>();
  return {
    async get(name) {
      if (memory.has(name)) return memory.get(name);
      const encrypted = store.get(name);
      if (typeof encrypted !== 'string' || !(await safeStorage.isAsyncEncryptionAvailable()))
        return undefined;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
          Buffer.from(encrypted, 'base64'),
        );
        if (shouldReEncrypt)
          store.set(name, (await safeStorage.encryptStringAsync(result)).toString('base64'));
        return result;
      } catch {
        return undefined;
      }
    },
    async set(name, value) {
      if (await safeStorage.isAsyncEncryptionAvailable()) {
        store.set(name, (await safeStorage.encryptStringAsync(value)).toString('base64'));
        memory.delete(name);
      } else memory.set(name, value);
    },
    delete(name) {
      store.delete(name);
      memory.delete(name);
    },
    weak: weakOsKey,
  };
}

/** Electron on Linux without a secret store (no keyring) "encrypts" with a fixed key. */
const weakOsKey = () =>
  process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';

/** The database key's wrapping: safeStorage, the same OS key as the secrets above. */
export function safeStorageKeyWrapping(): KeyWrapping {
  return {
    available: () => safeStorage.isAsyncEncryptionAvailable(),
    weak: weakOsKey,
    wrap: (plain) => safeStorage.encryptStringAsync(plain),
    unwrap: async (wrapped) => (await safeStorage.decryptStringAsync(wrapped)).result,
  };
}
