// Build step: write schema/sweep-spec.schema.json from the zod schemas (committed; a test checks
// that the committed file is current).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sweepSpecJsonSchemaText } from './spec/spec-json-schema.js';

const path = fileURLToPath(new URL('../schema/sweep-spec.schema.json', import.meta.url));
writeFileSync(path, sweepSpecJsonSchemaText());
