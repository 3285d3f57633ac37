import { batchesCohorts, cohortKey } from '@ansatz/core';
import type { Cell } from '../spec/expand.js';

/** `--cohort`: cells per cohort, or `auto`. */
export type CohortSize = number | 'auto';

/**
 * The largest cohort `auto` forms. Measured on the canonical linear cells (d = k = 32, depth 4),
 * 16 cells in cohorts of 1, 2, 4, 8 and 16 took 1.16, 1.23, 0.92, 0.98 and 1.10 s: beyond about
 * 8 the cohort's working set (weights, gradients, scratch) outgrows the core's L2 cache and
 * what a shared kernel call saves is lost again. Tiny cells gain most (their fixed costs).
 */
export const AUTO_COHORT_MAX = 8;

/**
 * Parses `--cohort`: `auto` or an integer ≥ 1 (1 = one cell per task, as before cohorts).
 * Anything else is a problem message naming the flag.
 */
export function parseCohortFlag(text: string): { size: CohortSize } | { problem: string } {
  if (text.trim() === 'auto') return { size: 'auto' };
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n >= 1
    ? { size: n }
    : { problem: `--cohort ${text}: expected auto or an integer ≥ 1 (1 trains every cell alone)` };
}

/**
 * The size `auto` gives a group of `count` cells of one shape: enough to keep every worker busy
 * with at least one cohort of the group (ceil(count / workers)), at most AUTO_COHORT_MAX; 1 for
 * the reference engine, which cannot batch a cohort (its cells would train one after another
 * and only lose more on a kill).
 */
function autoSize(sample: Cell, count: number, workers: number): number {
  if (!batchesCohorts(sample.config)) return 1;
  return Math.max(1, Math.min(AUTO_COHORT_MAX, Math.ceil(count / workers)));
}

/**
 * Splits a shard's cells to run into cohorts (DESIGN.md §3): cells of one shape (core's
 * `cohortKey`), in the order given, cut into groups of at most `size`. Cohorts come in the
 * order of their first cell, so a largest-first order stays largest-first. Cohorts are formed
 * from one shard's cells, so a cohort never spans two shards.
 */
export function formCohorts(cells: readonly Cell[], size: CohortSize, workers: number): Cell[][] {
  const groups = new Map<string, Cell[]>();
  for (const c of cells) {
    const key = cohortKey(c.config);
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const cohorts: { first: number; cells: Cell[] }[] = [];
  const position = new Map(cells.map((c, i) => [c.id, i]));
  for (const group of groups.values()) {
    const n = size === 'auto' ? autoSize(group[0]!, group.length, workers) : size;
    for (let i = 0; i < group.length; i += n) {
      const part = group.slice(i, i + n);
      cohorts.push({ first: position.get(part[0]!.id)!, cells: part });
    }
  }
  return cohorts.sort((a, b) => a.first - b.first).map((c) => c.cells);
}
