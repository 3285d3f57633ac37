/**
 * The JSON Schema of a sweep spec (DESIGN.md §3 "Sweep spec"), for editors: with a first line
 * `# yaml-language-server: $schema=<path>/sweep-spec.schema.json` a YAML editor completes and
 * checks field names and values. Generated from the zod schemas (core's run config, this
 * package's spec structure) at build time into schema/sweep-spec.schema.json; a test checks the
 * committed file is current. The runner's own validation stays the authority: it also checks
 * what a schema cannot (rules that name a grid axis, duplicate values, the cell limit).
 */
import { runConfigSchema } from '@ansatz/core';
import { z } from 'zod';

type Json = Record<string, unknown>;

/** Each run-config field's JSON Schema (type, range, enum, default, description). */
function fieldSchemas(): Record<string, Json> {
  const config = z.toJSONSchema(runConfigSchema, { io: 'input' }) as {
    properties: Record<string, Json>;
  };
  return config.properties;
}

const NAME = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' };

/** A derived value (derived.ts): an expression over the cell's other run-config fields. */
const EXPR = {
  type: 'object',
  additionalProperties: false,
  required: ['expr'],
  properties: {
    expr: {
      type: 'string',
      minLength: 1,
      description:
        'an expression over the cell\'s other run-config fields, e.g. "sig(0.08 / depth, 3)": numbers, strings, + - * / % **, comparisons, && || !, a ? b : c, sig round floor ceil abs sqrt exp log log2 log10 pow min max',
    },
  },
};

export function sweepSpecJsonSchema(): Json {
  const fields = fieldSchemas();
  const mapOf = (f: (s: Json) => Json, description: string): Json => ({
    type: 'object',
    description,
    properties: Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, f(s)])),
    additionalProperties: false,
  });
  const values = mapOf(
    (s) => ({ anyOf: [s, EXPR] }),
    'run-config fields and their values (a value, or an expression { expr } over the cell)',
  );
  const axes = mapOf(
    (s) => ({ type: 'array', items: s, minItems: 1 }),
    'grid axes: a run-config field and the list of its values',
  );
  const when = mapOf(
    (s) => ({ anyOf: [s, { type: 'array', items: s, minItems: 1 }] }),
    'the cells a rule applies to: a value, or a list meaning "any of"',
  );
  const experiment = {
    type: 'object',
    additionalProperties: false,
    properties: {
      description: { type: 'string' },
      grid: axes,
      seeds: {
        description: 'N (seeds 0…N−1) or a list of seeds',
        anyOf: [
          { type: 'integer', minimum: 1, maximum: 100000 },
          { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1 },
        ],
      },
      set: values,
      rules: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['when', 'set'],
          properties: { when, set: values },
        },
      },
    },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'ansatz sweep spec',
    description:
      'A sweep: experiments whose grids expand to run configs (docs/DESIGN.md §3 "Sweep spec"; ' +
      'packages/runner/README.md). Precedence: core defaults < defaults < set < rules < grid.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'experiments'],
    properties: {
      name: { ...NAME, description: 'results go to results/<name>/ unless --out says otherwise' },
      description: { type: 'string' },
      defaults: values,
      experiments: {
        type: 'object',
        propertyNames: NAME,
        additionalProperties: experiment,
      },
    },
  };
}

export function sweepSpecJsonSchemaText(): string {
  return `${JSON.stringify(sweepSpecJsonSchema(), null, 2)}\n`;
}
