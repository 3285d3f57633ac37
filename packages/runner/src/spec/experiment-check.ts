/**
 * The static checks of one experiment of a spec (field names, axis values, conflicts between
 * layers) and its grid axes, before any cell is built (see expand.ts).
 */
import type { SpecPath, SpecSource } from './parse-spec.js';
import { checkFieldValue, FIELD_SET, unknownFieldMessage } from './fields.js';
import type { ExperimentSpec, Scalar, SpecValue } from './spec-schema.js';

/** One grid axis: a field, its values, and where each value is written. */
export interface Axis {
  field: string;
  values: Scalar[];
  source: (i: number) => SpecPath;
}

/** The grid axes of an experiment, `seeds` last. */
export function axesOf(name: string, exp: ExperimentSpec): Axis[] {
  const base: SpecPath = ['experiments', name];
  const axes: Axis[] = Object.entries(exp.grid ?? {}).map(([field, values]) => ({
    field,
    values,
    source: (i) => [...base, 'grid', field, i],
  }));
  if (exp.seeds !== undefined) {
    const seeds = exp.seeds;
    const values = typeof seeds === 'number' ? Array.from({ length: seeds }, (_, i) => i) : seeds;
    axes.push({
      field: 'seed',
      values,
      source: (i) => (typeof seeds === 'number' ? [...base, 'seeds'] : [...base, 'seeds', i]),
    });
  }
  return axes;
}

/** Static checks of one experiment: field names, axis values, conflicts between layers. */
export function checkExperiment(
  src: SpecSource,
  name: string,
  exp: ExperimentSpec,
  axes: Axis[],
): string[] {
  const at = (...p: (string | number)[]) => src.where(['experiments', name, ...p]);
  const atKey = (...p: (string | number)[]) => src.where(['experiments', name, ...p], true);
  const problems: string[] = [];
  const axisFields = new Set(axes.map((a) => a.field));
  if (axes.length === 0) {
    problems.push(
      `${at()}: experiment has no grid axes; give grid: { field: [values…] } or seeds: N (fixed values go in set:)`,
    );
  }
  if (exp.seeds !== undefined && exp.grid?.['seed'] !== undefined) {
    problems.push(`${at('seeds')}: seeds and grid.seed both given; use one of them`);
  }
  for (const a of axes) {
    if (!FIELD_SET.has(a.field)) {
      problems.push(`${atKey('grid', a.field)}: ${unknownFieldMessage(a.field)}`);
      continue;
    }
    const seen = new Map<string, number>();
    a.values.forEach((v, i) => {
      const key = JSON.stringify(v);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(`${src.where(a.source(i))}: duplicate value ${key} (same as [${first}])`);
      } else seen.set(key, i);
    });
  }
  for (const [field] of Object.entries(exp.set ?? {})) {
    if (!FIELD_SET.has(field))
      problems.push(`${atKey('set', field)}: ${unknownFieldMessage(field)}`);
    else if (axisFields.has(field)) {
      problems.push(
        `${at('set', field)}: ${field} is also a grid axis; the grid value always wins`,
      );
    }
  }
  (exp.rules ?? []).forEach((rule, r) => {
    for (const [field, want] of Object.entries(rule.when)) {
      if (!FIELD_SET.has(field)) {
        problems.push(`${atKey('rules', r, 'when', field)}: ${unknownFieldMessage(field)}`);
        continue;
      }
      const list = Array.isArray(want) ? want : [want];
      list.forEach((v, i) => {
        const bad = checkFieldValue(field, v);
        const p = Array.isArray(want)
          ? ['rules', r, 'when', field, i]
          : ['rules', r, 'when', field];
        if (bad) problems.push(`${at(...p)}: ${bad}`);
      });
    }
    for (const field of Object.keys(rule.set)) {
      if (!FIELD_SET.has(field)) {
        problems.push(`${atKey('rules', r, 'set', field)}: ${unknownFieldMessage(field)}`);
      } else if (axisFields.has(field)) {
        problems.push(
          `${at('rules', r, 'set', field)}: ${field} is a grid axis; a rule cannot override grid values`,
        );
      }
    }
  });
  return problems;
}

/** Whether a rule's `when` holds for a config. */
export function matches(
  config: Record<string, SpecValue>,
  when: Record<string, Scalar | Scalar[]>,
): boolean {
  return Object.entries(when).every(([field, want]) =>
    Array.isArray(want) ? want.some((w) => w === config[field]) : want === config[field],
  );
}
