import { settingsFields, type ProvisioningIssue } from '../../shared/domain/settings';
import { fieldSchemas, flattenSettings, isSettingsField, readPath, type FieldValues } from './fields';

/**
 * Provisioning: a JSON file from dealership IT that pre-sets settings (and the SIP password)
 * and can lock them. Each field is checked on its own so one bad value is reported by name
 * and everything valid still applies.
 */
export interface Provisioning {
  sources: string[];
  values: FieldValues;
  locked: Set<string>;
  sipPassword: string | null;
  issues: ProvisioningIssue[];
}

export const emptyProvisioning = (): Provisioning => ({
  sources: [],
  values: {},
  locked: new Set(),
  sipPassword: null,
  issues: [],
});

const sections = new Set(settingsFields.filter((f) => f.includes('.')).map((f) => f.split('.')[0]!));
const knownTopLevel = new Set(['$schema', 'locked', ...settingsFields.filter((f) => !f.includes('.')), ...sections]);

/** Parses one provisioning document (already JSON-decoded text) from `source`. Pure. */
export function parseProvisioning(text: string, source: string): Provisioning {
  const result = emptyProvisioning();
  result.sources.push(source);
  const issue = (field: string, message: string) => result.issues.push({ source, field, message });

  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    issue('(file)', `not valid JSON: ${(error as Error).message}`);
    return result;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    issue('(file)', 'must be a JSON object');
    return result;
  }

  for (const key of Object.keys(doc)) {
    if (!knownTopLevel.has(key)) issue(key, 'unknown field (ignored)');
  }
  for (const section of sections) {
    const value = (doc as Record<string, unknown>)[section];
    if (value === undefined) continue;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      issue(section, 'must be an object');
      continue;
    }
    for (const key of Object.keys(value)) {
      const path = `${section}.${key}`;
      if (!isSettingsField(path) && path !== 'sip.password') issue(path, 'unknown field (ignored)');
    }
  }

  for (const [field, raw] of Object.entries(flattenSettings(doc))) {
    const parsed = fieldSchemas[field as keyof typeof fieldSchemas].safeParse(raw);
    if (parsed.success) result.values[field as keyof FieldValues] = parsed.data;
    else issue(field, parsed.error.issues.map((i) => i.message).join('; '));
  }

  const password = readPath(doc, 'sip.password');
  if (password !== undefined) {
    if (typeof password === 'string' && password.length > 0 && password.length <= 256) result.sipPassword = password;
    else issue('sip.password', 'must be a non-empty string of at most 256 characters');
  }

  const locked = (doc as Record<string, unknown>).locked;
  if (locked !== undefined) {
    if (!Array.isArray(locked)) issue('locked', 'must be an array of field names');
    else
      for (const entry of locked) {
        if (typeof entry === 'string' && (isSettingsField(entry) || sections.has(entry) || entry === 'sip.password')) {
          for (const field of expandLock(entry)) result.locked.add(field);
        } else issue('locked', `unknown field ${JSON.stringify(entry)} (ignored)`);
      }
  }
  return result;
}

/** A section name locks every field in it. */
function expandLock(entry: string): string[] {
  return sections.has(entry)
    ? [...settingsFields.filter((f) => f.startsWith(`${entry}.`)), ...(entry === 'sip' ? ['sip.password'] : [])]
    : [entry];
}

/** Later sources override earlier ones field by field; locks accumulate. */
export function mergeProvisioning(layers: Provisioning[]): Provisioning {
  const merged = emptyProvisioning();
  for (const layer of layers) {
    merged.sources.push(...layer.sources);
    Object.assign(merged.values, layer.values);
    for (const field of layer.locked) merged.locked.add(field);
    if (layer.sipPassword !== null) merged.sipPassword = layer.sipPassword;
    merged.issues.push(...layer.issues);
  }
  return merged;
}
