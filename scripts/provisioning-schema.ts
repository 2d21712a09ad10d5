import { z } from 'zod';
import { ProvisioningFileSchema } from '../src/shared/domain/provisioning';

/** The published JSON Schema, generated from the zod schema so the two never drift. */
export const provisioningJsonSchema = () =>
  `${JSON.stringify(z.toJSONSchema(ProvisioningFileSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
