import type { RunConfig } from '@ansatz/core';
import { makeConfigResolver, runConfigSchema } from '@ansatz/core';
import { UserError } from '../errors.js';
import { runId } from '../ids.js';
import { makeCostEstimator } from '../schedule/largest-first.js';
import { addEntry, idOf, newCellTable, type CellTable } from './cell-table.js';
import { checkExpressions, resolveDerived } from './derived.js';
import { axesOf, checkExperiment, matches, type Axis } from './experiment-check.js';
import { FIELD_SET, unknownFieldMessage } from './fields.js';
import type { SpecPath, SpecSource } from './parse-spec.js';
import type { Scalar, Spec, SpecValue } from './spec-schema.js';

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

/** Core defaults for every field except `batchSize`, which core derives per optimizer. */
function coreDefaults(): Record<string, Scalar> {
  const d = runConfigSchema.parse({}) as Record<string, Scalar | undefined>;
  const out: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k] = v;
  return out;
}

/** The axis value indices of grid index `index` (mixed radix, last axis fastest). */
function digitsOf(sizes: readonly number[], index: number, out: number[]): number[] {
  for (let k = sizes.length - 1; k >= 0; k--) {
    out[k] = index % sizes[k]!;
    index = Math.floor(index / sizes[k]!);
  }
  return out;
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

/** A spec scanned into a compact table; any entry's cell is rebuilt on demand. */
export interface SpecScan {
  table: CellTable;
  warnings: string[];
  /** The cell of an entry of `table` (a new object each call). */
  cellAt: (entry: number) => Cell;
}

/**
 * Expand a validated spec into resolved cells. Precedence, lowest first: core defaults <
 * `defaults` < experiment `set` < `rules` (in order) < grid values. Every invalid value is
 * reported at the YAML node it came from; all problems are thrown at once as a `UserError`.
 */
export function expandSpec(src: SpecSource, spec: Spec, options: ExpandOptions = {}): Expansion {
  const cells: Cell[] = [];
  const { warnings } = scanSpec(src, spec, options, (cell) => cells.push(cell));
  return { cells, warnings };
}

/**
 * Expand a validated spec one cell at a time (as `expandSpec`, same checks and messages): each
 * cell is resolved and hashed, its id and cost go into the table, and the cell itself is only
 * handed to `keep` (when given) and then dropped.
 */
export function scanSpec(
  src: SpecSource,
  spec: Spec,
  options: ExpandOptions = {},
  keep?: (cell: Cell) => void,
): SpecScan {
  const problems: string[] = checkExpressions(src, spec);
  // Cells are only built to report per-cell problems; with broken expressions they would repeat.
  const expressionsOk = problems.length === 0;
  const at = (from: Source) => (typeof from === 'string' ? from : src.where(from));
  const overrides = Object.entries(options.overrides ?? {});
  const warnings: string[] = [];
  const defaults = coreDefaults();
  // Core's own validation, each distinct field value checked once: a million cells in seconds.
  const resolveCell = makeConfigResolver();
  const costOf = makeCostEstimator();
  const baseSources: Record<string, Source | undefined> = {};
  for (const field of Object.keys(spec.defaults ?? {})) {
    if (!FIELD_SET.has(field))
      problems.push(`${src.where(['defaults', field], true)}: ${unknownFieldMessage(field)}`);
    baseSources[field] = ['defaults', field];
  }
  const names = Object.keys(spec.experiments);
  if (names.length === 0)
    problems.push(`${src.where(['experiments'])}: no experiments; the spec expands to zero cells`);
  const axesByName = names.map((name) => axesOf(name, spec.experiments[name]!));
  const sizeOf = (axes: Axis[]) => axes.reduce((n, a) => n * a.values.length, 1);
  const capacity = Math.min(
    MAX_CELLS,
    axesByName.reduce((n, axes) => n + sizeOf(axes), 0),
  );
  const table = newCellTable(capacity, names);
  /** Per experiment: builds the cell of a grid index (undefined: skipped by a problem). */
  const builders: (((combo: number[]) => Built) | undefined)[] = [];
  type Built = { config: Record<string, SpecValue>; cellAxes: Record<string, Scalar> };
  const sizesByName: number[][] = [];

  names.forEach((name, ei) => {
    const exp = spec.experiments[name]!;
    const axes = axesByName[ei]!;
    const sizes = axes.map((a) => a.values.length);
    sizesByName.push(sizes);
    const found = checkExperiment(src, name, exp, axes);
    if (found.length > 0) {
      problems.push(...found);
      builders.push(undefined);
      return;
    }
    const total = sizeOf(axes);
    if (table.count + total > MAX_CELLS) {
      problems.push(
        `${src.where(['experiments', name])}: expands to ${total} cells; at most ${MAX_CELLS} per spec`,
      );
      builders.push(undefined);
      return;
    }
    const base = { ...defaults, ...spec.defaults, ...exp.set };
    const sources0: Record<string, Source | undefined> = { ...baseSources };
    for (const f of Object.keys(exp.set ?? {})) sources0[f] = ['experiments', name, 'set', f];
    const rules = exp.rules ?? [];
    const ruleHits = rules.map(() => 0);
    const reported = new Set<string>();
    // One cell's config before derived values; its fields' sources only when asked (to
    // report a bad value), the rules' hits only when counted (the first pass).
    const build = (
      combo: number[],
      sources?: Record<string, Source | undefined>,
      hits?: number[],
    ): Built => {
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
        if (hits) hits[r]!++;
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
    builders.push(build);
    const hasUnknown = [...Object.keys(base), ...rules.flatMap((r) => Object.keys(r.set))].some(
      (k) => !FIELD_SET.has(k),
    );
    const combo = sizes.map(() => 0);
    for (let index = 0; index < total; index++) {
      digitsOf(sizes, index, combo);
      const { config, cellAxes } = build(combo, undefined, ruleHits);
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
      const id = runId(resolved.config);
      addEntry(table, ei, index, id, costOf(resolved.config));
      keep?.({ id, experiment: name, config: resolved.config, axes: cellAxes });
    }
    ruleHits.forEach((hits, r) => {
      if (hits === 0) {
        warnings.push(
          `${src.where(['experiments', name, 'rules', r, 'when'])}: rule matches no cell of "${name}"`,
        );
      }
    });
  });
  if (problems.length > 0) throw new UserError(problems);
  if (table.count === 0) throw new UserError(`${src.file}: the spec expands to zero cells`);

  const cellAt = (entry: number): Cell => {
    const ei = table.experiment[entry]!;
    const sizes = sizesByName[ei]!;
    const { config, cellAxes } = builders[ei]!(digitsOf(sizes, table.index[entry]!, []));
    resolveDerived(config);
    const resolved = resolveCell(config);
    // Every entry resolved once already, with the same inputs.
    if (!resolved.ok) throw new Error(`cell ${entry} of ${src.file} no longer resolves`);
    return {
      id: idOf(table, entry),
      experiment: names[ei]!,
      config: resolved.config,
      axes: cellAxes,
    };
  };
  return { table, warnings, cellAt };
}
