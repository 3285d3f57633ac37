/**
 * The cells of an expanded spec in a few typed arrays instead of one object per cell: for
 * each cell (an "entry", in expansion order) its experiment, its grid index within that
 * experiment, its id as two 32-bit words and its estimated cost. About 24 bytes a cell, so a
 * 10⁶-cell spec is planned (deduped, ordered, sharded, compared with the results) without
 * holding a million resolved configs; a cell's config is rebuilt from its grid index when it
 * is needed (DESIGN.md §3 "Planning").
 */
import { ID_LENGTH } from '../ids.js';

export interface CellTable {
  /** Entries filled. */
  count: number;
  /** Experiment of each entry: an index into `experiments`. */
  experiment: Uint32Array;
  /** Grid index of each entry within its experiment (its axes' mixed-radix number, last fastest). */
  index: Uint32Array;
  /** Id of each entry: the high and low 32 bits of its 16 hex digits at [2e] and [2e + 1]. */
  idWords: Uint32Array;
  /** Estimated seconds of each entry (core's `estimateRunSeconds`). */
  cost: Float64Array;
  /** Experiment names, in spec order. */
  experiments: readonly string[];
}

/** An empty table with room for `capacity` entries. */
export function newCellTable(capacity: number, experiments: readonly string[]): CellTable {
  return {
    count: 0,
    experiment: new Uint32Array(capacity),
    index: new Uint32Array(capacity),
    idWords: new Uint32Array(2 * capacity),
    cost: new Float64Array(capacity),
    experiments,
  };
}

/** Append one entry. */
export function addEntry(
  t: CellTable,
  experiment: number,
  index: number,
  id: string,
  cost: number,
): void {
  const e = t.count++;
  t.experiment[e] = experiment;
  t.index[e] = index;
  t.idWords[2 * e] = parseInt(id.slice(0, 8), 16);
  t.idWords[2 * e + 1] = parseInt(id.slice(8, 16), 16);
  t.cost[e] = cost;
}

const hex8 = (w: number) => w.toString(16).padStart(8, '0');

/** The id of an entry, as `runId` wrote it. */
export function idOf(t: CellTable, e: number): string {
  return hex8(t.idWords[2 * e]!) + hex8(t.idWords[2 * e + 1]!);
}

const ID = new RegExp(`^[0-9a-f]{${ID_LENGTH}}$`);

/** An id's two words, or undefined for text that is no id (it then matches no entry). */
export function idWords(id: string): [number, number] | undefined {
  if (!ID.test(id)) return undefined;
  return [parseInt(id.slice(0, 8), 16), parseInt(id.slice(8, 16), 16)];
}

/**
 * Compare the ids of two entries as their hex text compares (same length, so numerically):
 * negative, zero or positive.
 */
export function compareIds(t: CellTable, a: number, b: number): number {
  const w = t.idWords;
  return w[2 * a]! - w[2 * b]! || w[2 * a + 1]! - w[2 * b + 1]!;
}
