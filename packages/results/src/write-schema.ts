// Build step: write schema/run-record.schema.json from the zod schema (committed; a test checks
// that the committed file is current).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runRecordJsonSchemaText } from './json-schema.js';

const path = fileURLToPath(new URL('../schema/run-record.schema.json', import.meta.url));
writeFileSync(path, runRecordJsonSchemaText());
