import { writeFileSync } from 'node:fs';
import { provisioningJsonSchema } from './provisioning-schema';

writeFileSync('docs/provisioning.schema.json', provisioningJsonSchema());
