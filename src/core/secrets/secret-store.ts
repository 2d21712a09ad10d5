import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SecretStorage } from '../../shared/domain/settings';

/** Names of the secrets the app keeps. */
export type SecretName = 'sip.password';

/** The secrets port: core never sees how a secret is protected, only whether it persists. */
export interface SecretStore {
  readonly storage: SecretStorage;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

/**
 * Kept in memory for this run only: the explicit fallback when no OS keychain exists
 * (the web host, or Electron on a Linux desktop without a keyring). The UI says so.
 */
export class SessionSecretStore implements SecretStore {
  readonly storage = 'session-only' as const;
  readonly #values = new Map<SecretName, string>();
  async get(name: SecretName) {
    return this.#values.get(name) ?? null;
  }
  async set(name: SecretName, value: string) {
    this.#values.set(name, value);
  }
  async delete(name: SecretName) {
    this.#values.delete(name);
  }
}

/** What the Electron shell lends core: `safeStorage`, reduced to what is needed. */
export interface Encryptor {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

/**
 * Secrets encrypted by the OS keychain (Electron `safeStorage`) in `secrets.json` in the
 * data folder. Only ciphertext touches the disk; the file is separate from every lowdb
 * document so no secret can end up in one.
 */
export class EncryptedFileSecretStore implements SecretStore {
  readonly storage = 'os-keychain' as const;
  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
  ) {}

  async get(name: SecretName) {
    const cipher = (await this.#read())[name];
    if (!cipher) return null;
    try {
      return this.encryptor.decrypt(Buffer.from(cipher, 'base64'));
    } catch {
      // A keychain change (new OS profile, keyring backend switch) makes old ciphertext unreadable:
      // treat it as unset so the user is asked again, instead of failing every start.
      return null;
    }
  }

  async set(name: SecretName, value: string) {
    const all = await this.#read();
    all[name] = this.encryptor.encrypt(value).toString('base64');
    await this.#write(all);
  }

  async delete(name: SecretName) {
    const all = await this.#read();
    delete all[name];
    await this.#write(all);
  }

  async #read(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  async #write(all: Record<string, string>) {
    const temp = join(dirname(this.file), `.secrets.${randomUUID()}.tmp`);
    await writeFile(temp, JSON.stringify(all), { mode: 0o600 });
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
  }
}

/** Picks the keychain when there is one, the visible session-only fallback otherwise. */
export function chooseSecretStore(file: string, encryptor: Encryptor | null): SecretStore {
  return encryptor?.isAvailable() ? new EncryptedFileSecretStore(file, encryptor) : new SessionSecretStore();
}
