/**
 * What planning decides for a spec, as plain data: the ids of every cell in spec order (with
 * its experiment), the start order of the whole sweep and each id's shard for a few shard
 * counts. `plan-fixture.test.ts` compares it with fixtures taken before planning was made
 * faster, so ids, orders and shard assignments cannot drift.
 */
import { loadSpecFile, uniqueCells } from '../spec/load-spec.js';
import { estimatedCosts, largestFirst } from '../schedule/largest-first.js';
import { shardOwners } from '../schedule/shard.js';

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

/** The plan facts of a spec file (path as given, relative to the repository root). */
export function planFixture(specFile: string, specName = specFile): PlanFixture {
  const loaded = loadSpecFile(specFile);
  const unique = uniqueCells(loaded.cells);
  const costs = estimatedCosts(unique);
  const order = largestFirst(unique, costs).map((c) => c.id);
  const shards: Record<string, string> = {};
  for (const count of FIXTURE_SHARD_COUNTS) {
    const owner = shardOwners(unique, count, costs);
    shards[String(count)] = order.map((id) => owner.get(id)!.toString(36)).join('');
  }
  return {
    spec: specName,
    cells: loaded.cells.map((c) => `${c.id} ${c.experiment}`),
    order,
    shards,
  };
}
