import type { RunConfig } from '@ansatz/core';
import { makeConfigResolver, runConfigSchema } from '@ansatz/core';
import { UserError } from '../errors.js';
import { runId } from '../ids.js';
import { checkExpressions, resolveDerived } from './derived.js';
import { checkFieldValue, FIELD_SET, unknownFieldMessage } from './fields.js';
import type { SpecPath, SpecSource } from './parse-spec.js';
import type { ExperimentSpec, Scalar, Spec, SpecValue } from './spec-schema.js';

/** One run of a sweep: an experiment's grid point, fully resolved. */
export interface Cell {
  id: string;
  experiment: string;
  /** The fully resolved run config (core defaults filled in). */
  config: RunConfig;
  /** This cell's grid values, in axis order (what distinguishes it within its experiment). */
  axes: Record<string, Scalar>;
}

/** Largest number of cells one spec may expand to (a guard against runaway products). */
export const MAX_CELLS = 1_000_000;

interface Axis {
  field: string;
  values: Scalar[];
  source: (i: number) => SpecPath;
}

/** Core defaults for every field except `batchSize`, which core derives per optimizer. */
function coreDefaults(): Record<string, Scalar> {
  const d = runConfigSchema.parse({}) as Record<string, Scalar | undefined>;
  const out: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k] = v;
  return out;
}

function axesOf(name: string, exp: ExperimentSpec): Axis[] {
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
function checkExperiment(
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

function matches(
  config: Record<string, SpecValue>,
  when: Record<string, Scalar | Scalar[]>,
): boolean {
  return Object.entries(when).every(([field, want]) =>
    Array.isArray(want) ? want.some((w) => w === config[field]) : want === config[field],
  );
}

/** Every combination of axis value indices, last axis fastest. */
function* product(sizes: number[]): Generator<number[]> {
  if (sizes.some((s) => s === 0)) return;
  const idx = sizes.map(() => 0);
  for (;;) {
    yield [...idx];
    let k = sizes.length - 1;
    while (k >= 0 && ++idx[k]! === sizes[k]) idx[k--] = 0;
    if (k < 0) return;
  }
}

/** Options of an expansion. */
export interface ExpandOptions {
  /**
   * `--set field=value` overrides: applied to every cell after the spec's own precedence
   * (so they also beat grid values), before derived values are computed. Checked by the caller.
   */
  overrides?: Readonly<Record<string, Scalar>>;
}

/** Where a value came from: a key path of the spec, or a flag such as `--set steps=10`. */
type Source = SpecPath | string;

/** Result of expanding a spec: the cells, plus warnings (e.g. a rule that never applies). */
export interface Expansion {
  cells: Cell[];
  warnings: string[];
}

/**
 * Expand a validated spec into resolved cells. Precedence, lowest first: core defaults <
 * `defaults` < experiment `set` < `rules` (in order) < grid values. Every invalid value is
 * reported at the YAML node it came from; all problems are thrown at once as a `UserError`.
 */
export function expandSpec(src: SpecSource, spec: Spec, options: ExpandOptions = {}): Expansion {
  const problems: string[] = checkExpressions(src, spec);
  // Cells are only built to report per-cell problems; with broken expressions they would repeat.
  const expressionsOk = problems.length === 0;
  const at = (from: Source) => (typeof from === 'string' ? from : src.where(from));
  const overrides = Object.entries(options.overrides ?? {});
  const warnings: string[] = [];
  const cells: Cell[] = [];
  const defaults = coreDefaults();
  // Core's own validation, each distinct field value checked once: a million cells in seconds.
  const resolveCell = makeConfigResolver();
  const baseSources: Record<string, Source | undefined> = {};
  for (const field of Object.keys(spec.defaults ?? {})) {
    if (!FIELD_SET.has(field))
      problems.push(`${src.where(['defaults', field], true)}: ${unknownFieldMessage(field)}`);
    baseSources[field] = ['defaults', field];
  }
  const names = Object.keys(spec.experiments);
  if (names.length === 0)
    problems.push(`${src.where(['experiments'])}: no experiments; the spec expands to zero cells`);

  for (const name of names) {
    const exp = spec.experiments[name]!;
    const axes = axesOf(name, exp);
    const found = checkExperiment(src, name, exp, axes);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    const total = axes.reduce((n, a) => n * a.values.length, 1);
    if (cells.length + total > MAX_CELLS) {
      problems.push(
        `${src.where(['experiments', name])}: expands to ${total} cells; at most ${MAX_CELLS} per spec`,
      );
      continue;
    }
    const base = { ...defaults, ...spec.defaults, ...exp.set };
    const sources0: Record<string, Source | undefined> = { ...baseSources };
    for (const f of Object.keys(exp.set ?? {})) sources0[f] = ['experiments', name, 'set', f];
    const rules = exp.rules ?? [];
    const ruleHits = rules.map(() => 0);
    const reported = new Set<string>();
    const hasUnknown = [...Object.keys(base), ...rules.flatMap((r) => Object.keys(r.set))].some(
      (k) => !FIELD_SET.has(k),
    );
    // One cell's config before derived values; its fields' sources only when asked (to
    // report a bad value).
    const build = (combo: number[], sources?: Record<string, Source | undefined>) => {
      const config: Record<string, SpecValue> = { ...base };
      const cellAxes: Record<string, Scalar> = {};
      for (let ai = 0; ai < combo.length; ai++) {
        const axis = axes[ai]!;
        const vi = combo[ai]!;
        config[axis.field] = axis.values[vi]!;
        cellAxes[axis.field] = axis.values[vi]!;
        if (sources) sources[axis.field] = axis.source(vi);
      }
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r]!;
        if (!matches(config, rule.when)) continue;
        if (!sources) ruleHits[r]!++;
        for (const [field, value] of Object.entries(rule.set)) {
          config[field] = value;
          if (sources) sources[field] = ['experiments', name, 'rules', r, 'set', field];
        }
      }
      for (const [field, value] of overrides) {
        config[field] = value;
        if (sources) sources[field] = `--set ${field}=${String(value)}`;
        if (field in cellAxes) cellAxes[field] = value;
      }
      return { config, cellAxes };
    };

    for (const combo of product(axes.map((a) => a.values.length))) {
      const { config, cellAxes } = build(combo);
      const cellDesc = () =>
        Object.entries(cellAxes)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ');
      if (!expressionsOk) continue;
      const derivedProblems = resolveDerived(config);
      if (derivedProblems.length > 0) {
        const sources = { ...sources0 };
        build(combo, sources);
        for (const d of derivedProblems) {
          const from = sources[d.field];
          const where =
            from === undefined ? d.field : at(typeof from === 'string' ? from : [...from, 'expr']);
          const text = `${where}: ${d.message} (cell ${cellDesc()})`;
          if (!reported.has(text)) {
            reported.add(text);
            problems.push(text);
          }
        }
        continue;
      }
      // Unknown fields were reported above; core would only repeat them per cell.
      const known = hasUnknown
        ? Object.fromEntries(Object.entries(config).filter(([k]) => FIELD_SET.has(k)))
        : config;
      const resolved = resolveCell(known);
      if (!resolved.ok) {
        const sources = { ...sources0 };
        build(combo, sources);
        for (const issue of resolved.issues) {
          const field = String(issue.path[0] ?? '');
          const from = sources[field];
          const text = from
            ? `${at(from)}: ${issue.message}`
            : `${src.where(['experiments', name])} (cell ${cellDesc()}) ${field}: ${issue.message}`;
          if (!reported.has(text)) {
            reported.add(text);
            problems.push(text);
          }
        }
        continue;
      }
      cells.push({
        id: runId(resolved.config),
        experiment: name,
        config: resolved.config,
        axes: cellAxes,
      });
    }
    ruleHits.forEach((hits, r) => {
      if (hits === 0) {
        warnings.push(
          `${src.where(['experiments', name, 'rules', r, 'when'])}: rule matches no cell of "${name}"`,
        );
      }
    });
  }
  if (problems.length > 0) throw new UserError(problems);
  if (cells.length === 0) throw new UserError(`${src.file}: the spec expands to zero cells`);
  return { cells, warnings };
}
