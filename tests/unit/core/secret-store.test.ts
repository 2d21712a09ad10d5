import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseSecretStore,
  EncryptedFileSecretStore,
  SessionSecretStore,
  type Encryptor,
} from '../../../src/core/secrets/secret-store';

/** A reversible stand-in for safeStorage: enough to prove plaintext never reaches the file. */
const xorEncryptor = (available = true): Encryptor => ({
  isAvailable: () => available,
  encrypt: (plain) => Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
  decrypt: (cipher) => Buffer.from(cipher.map((b) => b ^ 0x5a)).toString(),
});

describe('secret stores', () => {
  it('keeps only ciphertext on disk with owner-only permissions', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'relance-secrets-')), 'secrets.json');
    const store = new EncryptedFileSecretStore(file, xorEncryptor());
    await store.set('sip.password', 'alicepw-très-secret');
    const raw = await readFile(file, 'utf8');
    expect(raw).not.toContain('alicepw');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await new EncryptedFileSecretStore(file, xorEncryptor()).get('sip.password')).toBe('alicepw-très-secret');
    await store.delete('sip.password');
    expect(await store.get('sip.password')).toBeNull();
  });

  it('treats undecryptable ciphertext (keychain changed) as unset', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'relance-secrets-')), 'secrets.json');
    await new EncryptedFileSecretStore(file, xorEncryptor()).set('sip.password', 'x');
    const broken: Encryptor = {
      ...xorEncryptor(),
      decrypt: () => {
        throw new Error('bad key');
      },
    };
    expect(await new EncryptedFileSecretStore(file, broken).get('sip.password')).toBeNull();
  });

  it('falls back visibly to session-only storage without a keychain', () => {
    expect(chooseSecretStore('/x', null).storage).toBe('session-only');
    expect(chooseSecretStore('/x', xorEncryptor(false)).storage).toBe('session-only');
    expect(chooseSecretStore('/x', xorEncryptor(true)).storage).toBe('os-keychain');
  });

  it('session store forgets nothing within a run and keeps nothing after', async () => {
    const store = new SessionSecretStore();
    await store.set('sip.password', 'p');
    expect(await store.get('sip.password')).toBe('p');
    expect(await new SessionSecretStore().get('sip.password')).toBeNull();
  });
});
