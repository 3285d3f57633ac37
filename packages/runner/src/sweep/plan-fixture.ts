/**
 * What planning decides for a spec, as plain data: the ids of every cell in spec order (with
 * its experiment), the start order of the whole sweep and each id's shard for a few shard
 * counts. `plan-fixture.test.ts` compares it with fixtures taken before planning was made
 * faster, so ids, orders and shard assignments cannot drift.
 */
import { loadSpecFile } from '../spec/load-spec.js';
import { idOf } from '../spec/cell-table.js';
import { planIndex, shardsOf } from './plan-order.js';

/** Shard counts the fixtures record. */
export const FIXTURE_SHARD_COUNTS = [1, 2, 3, 8] as const;

export interface PlanFixture {
  spec: string;
  /** `id experiment` per cell, in expansion order (duplicates across experiments included). */
  cells: string[];
  /** Unique ids, largest estimated cost first. */
  order: string[];
  /** Per shard count, one digit string: the shard of each id of `order`, in that order. */
  shards: Record<string, string>;
}

/**
 * The plan facts of a spec file (path as given, relative to the repository root), as the
 * planner computes them: from the compact table of a lazily loaded spec.
 */
export function planFixture(specFile: string, specName = specFile): PlanFixture {
  const { table: t } = loadSpecFile(specFile, { cells: 'lazy' });
  const all = Uint32Array.from({ length: t.count }, (_, e) => e);
  const { order } = planIndex(t, all);
  const shards: Record<string, string> = {};
  for (const count of FIXTURE_SHARD_COUNTS) {
    const owner = shardsOf(t, order, count);
    shards[String(count)] = Array.from(order, (e) => owner[e]!.toString(36)).join('');
  }
  return {
    spec: specName,
    cells: Array.from(all, (e) => `${idOf(t, e)} ${t.experiments[t.experiment[e]!]!}`),
    order: Array.from(order, (e) => idOf(t, e)),
    shards,
  };
}
