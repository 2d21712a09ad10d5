import { isDeepStrictEqual } from 'node:util';
import {
  SettingsSchema,
  defaultSettings,
  type Settings,
  type SettingsPatch,
  type SettingsView,
} from '../../shared/domain/settings';
import { AppFailure, describeZodError } from '../../shared/result';
import type { SecretStore } from '../secrets/secret-store';
import { composeSettings, flattenSettings, type FieldValues } from './fields';
import type { Provisioning } from './provisioning';
import { readStoredOverrides, valueBeneathOverrides, type StoredOverrides } from './stored-overrides';

/** The user's own choices: only the fields they changed, so provisioning still flows into the rest. */
export interface UserSettingsFile {
  schemaVersion: 1;
  overrides: FieldValues;
}
export const userSettingsDefaults = (): UserSettingsFile => ({ schemaVersion: 1, overrides: {} });

/** The slice of a store document this service needs. */
export interface DocumentPort<T> {
  readonly data: T;
  update(mutate: (draft: T) => void): Promise<void>;
}

/**
 * Effective settings = defaults, then provisioning, then the user's overrides, except that
 * a field IT locked always takes the provisioned value and refuses edits.
 */
export class SettingsService {
  #listeners = new Set<(view: SettingsView) => void>();
  #current: Settings | undefined;
  #stored: StoredOverrides | undefined;

  constructor(
    private readonly doc: DocumentPort<UserSettingsFile>,
    private readonly provisioning: Provisioning,
    private readonly secrets: SecretStore,
  ) {}

  /** Applies a provisioned password when the user has none yet, or when IT locked it. */
  async applyProvisionedSecrets(): Promise<void> {
    const password = this.provisioning.sipPassword;
    if (password === null) return;
    if (this.provisioning.locked.has('sip.password') || (await this.secrets.get('sip.password')) === null) {
      await this.secrets.set('sip.password', password);
    }
  }

  /**
   * Read on every dialer step and call event: composed once per change, then shared, so it is
   * frozen (a caller that wants to change settings goes through update()).
   */
  current(): Settings {
    this.#current ??= deepFreeze(
      composeSettings(defaultSettings, this.provisioning.values, this.#storedOverrides().applied),
    );
    return this.#current;
  }

  /**
   * An override saved before its check was tightened (a region "XX") is left out of the settings
   * but stays in the file and in the view's `ignored`, until the user saves that field again.
   */
  #storedOverrides(): StoredOverrides {
    this.#stored ??= readStoredOverrides(this.doc.data.overrides, this.provisioning);
    return this.#stored;
  }

  async view(): Promise<SettingsView> {
    return {
      values: this.current(),
      locked: [...this.provisioning.locked].sort(),
      provisioned: Object.keys(this.provisioning.values).sort(),
      sipPassword: { isSet: (await this.secrets.get('sip.password')) !== null, storage: this.secrets.storage },
      provisioning: { sources: this.provisioning.sources, issues: this.provisioning.issues },
      ignored: this.#storedOverrides().ignored,
    };
  }

  async update(patch: SettingsPatch): Promise<SettingsView> {
    const changes = flattenSettings(patch);
    for (const field of Object.keys(changes)) {
      if (this.provisioning.locked.has(field)) {
        throw new AppFailure('locked-by-admin', `${field} is set by your administrator`, field);
      }
    }
    const next = composeSettings(this.current(), changes);
    const checked = SettingsSchema.safeParse(next);
    if (!checked.success) {
      const first = describeZodError(checked.error)[0]!;
      throw new AppFailure('invalid-request', `${first.field}: ${first.message}`, first.field);
    }
    // Keeping the value that applies instead of an ignored one removes the saved one rather than
    // pinning it: the field goes back to following the default or IT's value, as the report said.
    const removed = this.#storedOverrides()
      .ignored.map((entry) => entry.field)
      .filter(
        (field) =>
          Object.hasOwn(changes, field) &&
          isDeepStrictEqual(changes[field], valueBeneathOverrides(this.provisioning, field)),
      );
    try {
      await this.doc.update((draft) => {
        Object.assign(draft.overrides, changes);
        for (const field of removed) delete draft.overrides[field];
      });
    } finally {
      this.#current = undefined;
      this.#stored = undefined;
    }
    return this.#changed();
  }

  async setSipPassword(password: string): Promise<SettingsView> {
    if (this.provisioning.locked.has('sip.password')) {
      throw new AppFailure('locked-by-admin', 'sip.password is set by your administrator', 'sip.password');
    }
    await this.secrets.set('sip.password', password);
    return this.#changed();
  }

  /** For the softphone only: sip.js registers from the renderer, so the password has to reach it. */
  sipPassword(): Promise<string | null> {
    return this.secrets.get('sip.password');
  }

  async clearSipPassword(): Promise<SettingsView> {
    if (this.provisioning.locked.has('sip.password')) {
      throw new AppFailure('locked-by-admin', 'sip.password is set by your administrator', 'sip.password');
    }
    await this.secrets.delete('sip.password');
    return this.#changed();
  }

  onChange(listener: (view: SettingsView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #changed(): Promise<SettingsView> {
    const view = await this.view();
    for (const listener of this.#listeners) listener(view);
    return view;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
