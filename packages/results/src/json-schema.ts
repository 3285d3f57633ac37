import { z } from 'zod';
import { runRecordSchema } from './record.js';

/** The JSON Schema of a run record (draft 2020-12), generated from the zod schema. */
export function runRecordJsonSchema(): object {
  return {
    ...z.toJSONSchema(runRecordSchema, { target: 'draft-2020-12' }),
    title: 'ansatz run record',
    description:
      'One line of a results file (docs/DESIGN.md §3 "Run record"). A results directory may hold ' +
      'several lines for one id (a failed attempt and a later ok run): dedupe by id, preferring ' +
      'the highest rerun round (absent = 0), then ok, then diverged, then failed, and among equals ' +
      'the latest finishedAt.',
  };
}

/** The schema file's text: stable key order, two-space indent, trailing newline. */
export function runRecordJsonSchemaText(): string {
  return `${JSON.stringify(runRecordJsonSchema(), null, 2)}\n`;
}
