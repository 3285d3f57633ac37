import type { VerdictTable } from './verdicts/types.js';

/**
 * A verdict table on a page shows at most this many rows: the counterexample verdict lists every
 * counterexample it found (thousands in a big sweep, lowest ρ first), which would make one page
 * megabytes long. `runner verdicts DIR --tables` (and `--json`) prints every row.
 */
export const VERDICT_TABLE_ROWS = 100;

export interface ShownRows {
  rows: VerdictTable['rows'];
  /** Rows left off the page. */
  hidden: number;
}

/** The first `max` rows of a verdict table, in the verdict's own order, and how many are left off. */
export function shownRows(table: VerdictTable, max = VERDICT_TABLE_ROWS): ShownRows {
  return { rows: table.rows.slice(0, max), hidden: Math.max(0, table.rows.length - max) };
}
