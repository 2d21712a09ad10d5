import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseSecretStore } from '../../../src/core/secrets/secret-store';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { safeStorageEncryptor } = await import('../../../src/main/safe-storage');

describe('safeStorage adapter', () => {
  beforeEach(resetFake);

  it('treats the Linux basic_text backend as no keychain, so secrets stay session-only', () => {
    fake.safeStorage.available = true;
    fake.safeStorage.backend = 'basic_text';
    const encryptor = safeStorageEncryptor(fake.safeStorage, 'linux');
    expect(encryptor.isAvailable()).toBe(false);
    expect(chooseSecretStore('/tmp/never-written.json', encryptor).storage).toBe('session-only');
  });

  it('treats an unknown Linux backend (asked before ready) as no keychain', () => {
    fake.safeStorage.backend = 'unknown';
    expect(safeStorageEncryptor(fake.safeStorage, 'linux').isAvailable()).toBe(false);
  });

  it('uses a real Linux keyring', () => {
    fake.safeStorage.backend = 'gnome_libsecret';
    const encryptor = safeStorageEncryptor(fake.safeStorage, 'linux');
    expect(encryptor.isAvailable()).toBe(true);
    expect(chooseSecretStore('/tmp/x.json', encryptor).storage).toBe('os-keychain');
  });

  it('is unavailable when Electron says encryption is unavailable', () => {
    fake.safeStorage.available = false;
    expect(safeStorageEncryptor(fake.safeStorage, 'darwin').isAvailable()).toBe(false);
  });

  it('does not consult the Linux backend elsewhere, and delegates encryption', () => {
    const encryptor = safeStorageEncryptor(fake.safeStorage, 'win32');
    expect(encryptor.isAvailable()).toBe(true);
    expect(fake.safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
    const cipher = encryptor.encrypt('s3cret');
    expect(fake.safeStorage.encryptString).toHaveBeenCalledWith('s3cret');
    expect(encryptor.decrypt(cipher)).toBe('s3cret');
  });

  it('defaults to Electron’s safeStorage', () => {
    fake.safeStorage.backend = 'basic_text';
    expect(safeStorageEncryptor(undefined, 'linux').isAvailable()).toBe(false);
    expect(fake.safeStorage.getSelectedStorageBackend).toHaveBeenCalled();
  });
});
