import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProvisioningFileSchema } from '../../../src/shared/domain/provisioning';
import { provisioningJsonSchema } from '../../../scripts/provisioning-schema';
import { minimalProvisioning } from '../../fixtures/provisioning';

describe('provisioning JSON Schema', () => {
  it('is the committed docs/provisioning.schema.json (regenerate with npx tsx scripts/write-provisioning-schema.ts)', () => {
    expect(readFileSync('docs/provisioning.schema.json', 'utf8')).toBe(provisioningJsonSchema());
  });

  it('accepts the documented example and the minimalProvisioning shape, refuses unknown fields', () => {
    expect(
      ProvisioningFileSchema.safeParse(JSON.parse(readFileSync('docs/provisioning.example.json', 'utf8'))).success,
    ).toBe(true);
    expect(ProvisioningFileSchema.safeParse(minimalProvisioning).success).toBe(true);
    expect(ProvisioningFileSchema.safeParse({ ...minimalProvisioning, colour: 'red' }).success).toBe(false);
  });
});
