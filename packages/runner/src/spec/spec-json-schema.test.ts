import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { sweepSpecJsonSchema, sweepSpecJsonSchemaText } from './spec-json-schema.js';

const schemaFile = fileURLToPath(new URL('../../schema/sweep-spec.schema.json', import.meta.url));
const sweeps = fileURLToPath(new URL('../../../../sweeps/', import.meta.url));

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(sweepSpecJsonSchema());
/** Every problem the schema finds, as `path: message`. */
function problems(value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? ''}`);
}

describe('the sweep-spec JSON Schema', () => {
  it('the committed file is generated from the zod schemas (run pnpm build if not)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(sweepSpecJsonSchemaText());
  });

  it('accepts every spec in sweeps/, each of which names the schema on its first line', () => {
    const files = readdirSync(sweeps).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const text = readFileSync(`${sweeps}${f}`, 'utf8');
      expect(text.split('\n')[0], f).toBe(
        '# yaml-language-server: $schema=../packages/runner/schema/sweep-spec.schema.json',
      );
      expect(problems(parse(text)), f).toEqual([]);
    }
  });

  it('rejects an unknown field, a value of the wrong type and an unknown optimizer', () => {
    const spec = (grid: unknown) => ({ name: 'x', experiments: { e: { grid } } });
    expect(problems(spec({ depth: [2] }))).toEqual([]);
    expect(problems(spec({ depht: [2] }))).toEqual([
      '/experiments/e/grid: must NOT have additional properties',
    ]);
    expect(problems(spec({ depth: ['two'] }))).toEqual([
      '/experiments/e/grid/depth/0: must be integer',
    ]);
    expect(problems(spec({ optimizer: ['adamx'] }))).toEqual([
      '/experiments/e/grid/optimizer/0: must be equal to one of the allowed values',
    ]);
    expect(problems({ experiments: {} })).toEqual([": must have required property 'name'"]);
  });
});
