import { z } from 'zod';
import { UserError } from '../errors.js';
import type { SpecPath, SpecSource } from './parse-spec.js';

/** A run-config value as it may appear in a spec. Types are checked per cell by core's schema. */
export const scalarSchema = z.union([z.number(), z.string(), z.boolean()], {
  error: 'expected a number, string or boolean',
});
export type Scalar = z.infer<typeof scalarSchema>;

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const NAME_HELP = 'letters, digits, "_", "." and "-", starting with a letter or digit';

/** A derived value, computed per cell from its other fields (derived.ts), e.g. `0.08 / depth`. */
export const exprSchema = z.strictObject(
  { expr: z.string().min(1, { error: 'an expression cannot be empty' }) },
  { error: 'expected { expr: "…" }, e.g. { expr: "0.08 / depth" }' },
);
export type ExprValue = z.infer<typeof exprSchema>;

/** A value of `defaults` or of a `set`: a run-config value or an expression. */
const valueSchema = z.union([scalarSchema, exprSchema], {
  error: 'expected a number, string or boolean, or an expression { expr: "…" }',
});
export type SpecValue = z.infer<typeof valueSchema>;

/**
 * Longest sweep name: it names a directory (results/<name>) and files (k8s/<name>.yaml, Slurm
 * logs), and a file name has at most 255 bytes; the rest is room for what commands append.
 * The name is ASCII (NAME_RE), so characters are bytes.
 */
export const MAX_SWEEP_NAME = 200;

/** Fixed run-config values (`defaults`, an experiment's `set`, a rule's `set`). */
const fieldValues = z.record(z.string(), valueSchema, {
  error: 'expected a mapping of run-config fields to values, e.g. { width: 24 }',
});

const gridSchema = z.record(
  z.string(),
  z
    .array(scalarSchema, { error: 'expected a list of values, e.g. [2, 3, 4]' })
    .min(1, { error: 'an axis needs at least one value' }),
  { error: 'expected a mapping of run-config fields to lists of values' },
);

const ruleSchema = z.strictObject(
  {
    when: z.record(
      z.string(),
      z.union([
        scalarSchema,
        z.array(scalarSchema).min(1, { error: 'an empty list matches nothing' }),
      ]),
      { error: 'expected a mapping of run-config fields to a value or a list of values' },
    ),
    set: fieldValues,
  },
  { error: 'expected a rule { when: {...}, set: {...} }' },
);

const seedsSchema = z.union(
  [
    z
      .number()
      .int()
      .min(1, {
        error: 'expected a number of seeds N ≥ 1 (meaning seeds 0…N−1) or a list of seeds',
      })
      .max(100_000),
    z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
      )
      .min(1, { error: 'an empty list of seeds gives no cells' }),
  ],
  { error: 'expected a number of seeds N ≥ 1 (meaning seeds 0…N−1) or a list of seeds' },
);

const experimentSchema = z.strictObject(
  {
    description: z.string().optional(),
    grid: gridSchema.optional(),
    seeds: seedsSchema.optional(),
    set: fieldValues.optional(),
    rules: z.array(ruleSchema, { error: 'expected a list of rules' }).optional(),
  },
  { error: 'expected an experiment { grid, seeds, set, rules }' },
);

/** The sweep spec (DESIGN.md §3), structure only. */
export const specSchema = z.strictObject(
  {
    name: z
      .string({ error: 'expected the sweep name, a string' })
      .max(MAX_SWEEP_NAME, {
        error: `a sweep name has at most ${MAX_SWEEP_NAME} characters: it names directories and files`,
      })
      .regex(NAME_RE, { error: `a sweep name uses ${NAME_HELP}` }),
    description: z.string().optional(),
    defaults: fieldValues.optional(),
    experiments: z.record(
      z.string().regex(NAME_RE, { error: `an experiment name uses ${NAME_HELP}` }),
      experimentSchema,
      { error: 'expected a mapping of experiment names to experiments' },
    ),
  },
  { error: 'expected a mapping with name, defaults and experiments' },
);

export type Spec = z.infer<typeof specSchema>;
export type ExperimentSpec = z.infer<typeof experimentSchema>;
export type RuleSpec = z.infer<typeof ruleSchema>;

const ALLOWED_KEYS: Record<string, string> = {
  '': 'name, description, defaults, experiments',
  experiment: 'description, grid, seeds, set, rules',
  rule: 'when, set',
};

function keysHelp(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ALLOWED_KEYS['']!;
  if (path.length === 2 && path[0] === 'experiments') return ALLOWED_KEYS['experiment']!;
  if (typeof path.at(-1) === 'number') return ALLOWED_KEYS['rule']!;
  return '';
}

/** Validate the structure of a spec; every problem is reported with its file position. */
export function validateSpec(source: SpecSource): Spec {
  if (source.data === null || source.data === undefined) {
    throw new UserError(
      `${source.file}: the spec is empty; expected name, defaults and experiments`,
    );
  }
  const parsed = specSchema.safeParse(source.data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(
          `${source.where([...path, key], true)}: unknown key "${key}"; allowed here: ${keysHelp(issue.path)}`,
        );
      }
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      problems.push(`${source.where(path as SpecPath)}: missing; ${issue.message}`);
    } else {
      problems.push(`${source.where(path as SpecPath)}: ${issue.message}`);
    }
  }
  throw new UserError(problems);
}
