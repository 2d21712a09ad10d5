import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProvisioningFileSchema } from '../../../src/shared/domain/provisioning';
import { provisioningJsonSchema } from '../../../scripts/provisioning-schema';

describe('provisioning JSON Schema', () => {
  it('is the committed docs/provisioning.schema.json (regenerate with npx tsx scripts/write-provisioning-schema.ts)', () => {
    expect(readFileSync('docs/provisioning.schema.json', 'utf8')).toBe(provisioningJsonSchema());
  });

  it('accepts the documented example and the minimal shape, refuses unknown fields', () => {
    expect(
      ProvisioningFileSchema.safeParse(JSON.parse(readFileSync('docs/provisioning.example.json', 'utf8'))).success,
    ).toBe(true);
    const minimal = {
      locale: 'en',
      sip: {
        server: 'ws://127.0.0.1:8088',
        uri: 'sip:alice@127.0.0.1',
        authorizationUsername: 'alice',
        password: 'alicepw',
        displayName: 'Alice',
      },
      ice: { servers: [], gatheringTimeoutMs: 300 },
      rules: 'FR',
    };
    expect(ProvisioningFileSchema.safeParse(minimal).success).toBe(true);
    expect(ProvisioningFileSchema.safeParse({ ...minimal, colour: 'red' }).success).toBe(false);
  });
});
