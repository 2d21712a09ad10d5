import {
  SettingsSchema,
  defaultSettings,
  type Settings,
  type SettingsPatch,
  type SettingsView,
} from '../../shared/domain/settings';
import { AppFailure, describeZodError } from '../../shared/result';
import type { SecretStore } from '../secrets/secret-store';
import { composeSettings, fieldSchemas, flattenSettings, isSettingsField, type FieldValues } from './fields';
import type { Provisioning } from './provisioning';

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
    if (this.#current) return this.#current;
    // An override saved before a check was tightened (a region "XX") is dropped, not served: every
    // later update is checked against the whole settings and would be refused because of it.
    const userOverrides = Object.fromEntries(
      Object.entries(this.doc.data.overrides).filter(
        ([field, value]) =>
          !this.provisioning.locked.has(field) &&
          isSettingsField(field) &&
          fieldSchemas[field].safeParse(value).success,
      ),
    );
    this.#current = deepFreeze(composeSettings(defaultSettings, this.provisioning.values, userOverrides));
    return this.#current;
  }

  async view(): Promise<SettingsView> {
    return {
      values: this.current(),
      locked: [...this.provisioning.locked].sort(),
      provisioned: Object.keys(this.provisioning.values).sort(),
      sipPassword: { isSet: (await this.secrets.get('sip.password')) !== null, storage: this.secrets.storage },
      provisioning: { sources: this.provisioning.sources, issues: this.provisioning.issues },
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
    try {
      await this.doc.update((draft) => {
        Object.assign(draft.overrides, changes);
      });
    } finally {
      this.#current = undefined;
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
