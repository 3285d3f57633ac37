/**
 * `runner sweep --list`: every selected cell of this shard (all of them without --shard) with
 * its id, experiment, status in the results directory, and the run-config fields that vary
 * among the listed cells, in spec order (experiments as written, each grid's product with its
 * last axis fastest). Runs nothing.
 */
import { RUN_CONFIG_FIELDS } from '@ansatz/core';
import { formatTable } from '../progress/summary.js';
import type { Cell } from '../spec/expand.js';
import type { Plan } from './plan.js';

/** The run-config fields whose value is not the same in every cell, in the fields' order. */
export function varyingFields(cells: readonly Cell[]): string[] {
  const first = cells[0]?.config as unknown as Record<string, unknown> | undefined;
  if (!first) return [];
  return RUN_CONFIG_FIELDS.filter((f) =>
    cells.some((c) => (c.config as unknown as Record<string, unknown>)[f] !== first[f]),
  );
}

export interface CellListing {
  sweep: string;
  outDir: string;
  varying: string[];
  cells: {
    id: string;
    experiment: string;
    status: string;
    values: Record<string, unknown>;
  }[];
}

/** The listing of a plan: its cells (this shard's), their status and varying fields. */
export function listCells(p: Plan): CellListing {
  const varying = varyingFields(p.mine);
  return {
    sweep: p.loaded.spec.name,
    outDir: p.outDir,
    varying,
    cells: p.mine.map((c) => {
      const config = c.config as unknown as Record<string, unknown>;
      return {
        id: c.id,
        experiment: c.experiment,
        status: p.winners.get(c.id)?.status ?? 'missing',
        values: Object.fromEntries(varying.map((f) => [f, config[f]])),
      };
    }),
  };
}

/** Print the listing: a table for people, or JSON. */
export function printCellList(p: Plan, json: boolean): void {
  const l = listCells(p);
  if (json) {
    process.stdout.write(`${JSON.stringify(l, null, 2)}\n`);
    return;
  }
  const rows = [['id', 'experiment', 'status', ...l.varying]];
  for (const c of l.cells) {
    rows.push([c.id, c.experiment, c.status, ...l.varying.map((f) => String(c.values[f]))]);
  }
  const shard =
    p.shard.count > 1 ? `, shard ${p.shard.index}/${p.shard.count} (${p.shard.from})` : '';
  process.stdout.write(
    `${l.cells.length} cell(s) of ${l.sweep} (${p.loaded.source.file} → ${p.outDir}${shard})\n${formatTable(rows)}\n`,
  );
}
