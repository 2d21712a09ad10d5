import type { z } from 'zod';
import type { Decoded } from './durable-file';

/** Upgrades a file body from version i+1 to i+2 (`migrations[0]` turns v1 into v2). Must be pure. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedSpec<T> {
  schemaVersion: number;
  migrations: readonly Migration[];
  schema?: z.ZodType<T>;
}

export type Versioned<T> = T & { schemaVersion: number };

export function assertSpec(name: string, spec: VersionedSpec<unknown>): void {
  if (!Number.isInteger(spec.schemaVersion) || spec.schemaVersion < 1) {
    throw new Error(`${name}: schemaVersion must be an integer >= 1`);
  }
  if (spec.migrations.length !== spec.schemaVersion - 1) {
    throw new Error(
      `${name}: schemaVersion ${spec.schemaVersion} needs ${spec.schemaVersion - 1} migrations, got ${spec.migrations.length}`,
    );
  }
}

/** Checks `{ schemaVersion, ... }`, applies migrations in order, then the optional schema. */
export function decodeVersioned<T>(raw: unknown, spec: VersionedSpec<T>): Decoded<Versioned<T>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, kind: 'schema-invalid', detail: 'top level is not an object' };
  }
  const { schemaVersion: fileVersion, ...body } = raw as Record<string, unknown>;
  if (typeof fileVersion !== 'number' || !Number.isInteger(fileVersion) || fileVersion < 1) {
    return { ok: false, kind: 'schema-invalid', detail: 'missing or invalid "schemaVersion"' };
  }
  if (fileVersion > spec.schemaVersion) {
    return {
      ok: false,
      kind: 'newer-schema',
      detail: `schemaVersion ${fileVersion} is newer than ${spec.schemaVersion} known by this app`,
    };
  }
  let data: Record<string, unknown> = body;
  for (let v = fileVersion; v < spec.schemaVersion; v++) {
    try {
      data = spec.migrations[v - 1]!(data);
    } catch (err) {
      return {
        ok: false,
        kind: 'schema-invalid',
        detail: `migration ${v}->${v + 1} failed: ${(err as Error).message}`,
      };
    }
  }
  if (spec.schema) {
    const result = spec.schema.safeParse({ schemaVersion: spec.schemaVersion, ...data });
    if (!result.success) {
      const issue = result.error.issues[0];
      return {
        ok: false,
        kind: 'schema-invalid',
        detail: `field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`,
      };
    }
    const { schemaVersion: _ignored, ...checked } = result.data as Record<string, unknown>;
    data = checked;
  }
  return { ok: true, value: { schemaVersion: spec.schemaVersion, ...data } as Versioned<T> };
}
