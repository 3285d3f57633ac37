/**
 * Selecting part of a sweep (`--only`, `--where`): a subset of the spec's cells, with the ids
 * they always have (selecting is not a new sweep). Sharding, resume and status then work on the
 * selected cells only.
 */
import { UserError } from '../errors.js';
import type { Cell } from '../spec/expand.js';
import { matchesWhere, parseWhere, type WhereClause } from './where.js';

export interface Selection {
  /** Experiment names (`--only`); empty: every experiment. */
  only: string[];
  /** `--where` clauses, ANDed; empty: every cell. */
  where: WhereClause[];
}

export const EVERYTHING: Selection = { only: [], where: [] };

/** Whether a selection leaves anything out. */
export function isSelecting(s: Selection): boolean {
  return s.only.length > 0 || s.where.length > 0;
}

/** The raw flag values (each repeatable; `--only` also takes comma lists). */
export interface SelectionFlags {
  only?: readonly string[] | string | undefined;
  where?: readonly string[] | string | undefined;
}

const list = (v: readonly string[] | string | undefined): string[] =>
  v === undefined ? [] : typeof v === 'string' ? [v] : [...v];

/** Parse the flags; returns the selection and one message per bad flag. */
export function parseSelection(flags: SelectionFlags): {
  selection: Selection;
  problems: string[];
} {
  const only = list(flags.only)
    .flatMap((o) => o.split(','))
    .map((o) => o.trim());
  const problems: string[] = [];
  if (only.some((o) => o === '')) {
    problems.push(
      `--only "${list(flags.only).join(',')}": expected experiment names, e.g. --only depth,gaussian`,
    );
  }
  const where = parseWhere(list(flags.where));
  problems.push(...where.problems);
  return {
    selection: { only: [...new Set(only.filter((o) => o !== ''))], where: where.clauses },
    problems,
  };
}

/**
 * The cells of a spec that a selection keeps, in spec order. An `--only` name that is not an
 * experiment, or a selection that keeps nothing, is a UserError.
 */
export function selectCells(
  cells: readonly Cell[],
  selection: Selection,
  experiments: readonly string[],
  specFile: string,
): Cell[] {
  checkOnly(selection, experiments, specFile);
  if (!isSelecting(selection)) return [...cells];
  const only = new Set(selection.only);
  const kept = cells.filter(
    (c) =>
      (only.size === 0 || only.has(c.experiment)) &&
      matchesWhere(c.config as unknown as Record<string, unknown>, selection.where),
  );
  if (kept.length === 0) {
    throw new UserError(`${describeSelection(selection)}: selects no cell of ${specFile}`);
  }
  return kept;
}

/** An `--only` name that is not an experiment of the spec is a UserError. */
export function checkOnly(
  selection: Selection,
  experiments: readonly string[],
  specFile: string,
): void {
  const unknown = selection.only.filter((o) => !experiments.includes(o));
  if (unknown.length > 0) {
    throw new UserError(
      unknown.map(
        (o) =>
          `--only ${o}: no experiment "${o}" in ${specFile}; experiments: ${experiments.join(', ')}`,
      ),
    );
  }
}

/** `--only a,b --where depth>=4` as words, for messages. */
export function describeSelection(selection: Selection): string {
  return selectionArgv(selection).join(' ');
}

/** The flags that reproduce a selection, e.g. for the `runner sweep` line of a Slurm script. */
export function selectionArgv(selection: Selection): string[] {
  const out: string[] = [];
  if (selection.only.length > 0) out.push('--only', selection.only.join(','));
  for (const c of selection.where) out.push('--where', c.text);
  return out;
}
