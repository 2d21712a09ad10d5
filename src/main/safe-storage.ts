import { safeStorage } from 'electron';
import type { Encryptor } from '../core/secrets/secret-store';

type SafeStorageApi = Pick<
  Electron.SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/**
 * `safeStorage` reduced to core's `Encryptor` port. On Linux without a keyring Electron
 * falls back to `basic_text`, a hard-coded key: that protects nothing, so it is reported
 * as unavailable and core uses its visible session-only store instead.
 *
 * The port is synchronous, so this uses the sync API (deprecated in Electron 45 in favour
 * of `encryptStringAsync`/`decryptStringAsync`); switching needs an async `Encryptor`.
 */
export function safeStorageEncryptor(
  storage: SafeStorageApi = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Encryptor {
  return {
    isAvailable() {
      if (!storage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = storage.getSelectedStorageBackend();
      // 'unknown' means asked before `ready`: not known to be a keychain.
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt: (plain) => storage.encryptString(plain),
    decrypt: (cipher) => storage.decryptString(cipher),
  };
}
