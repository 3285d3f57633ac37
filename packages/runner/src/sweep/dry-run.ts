import { formatTable } from '../progress/summary.js';
import { describeAxes, entryId, type Plan } from './plan.js';

/** How many cells `--dry-run` lists. */
export const DRY_RUN_CELLS = 10;

/** Print what a sweep would do: counts per experiment and the first cells to run. */
export function printDryRun(p: Plan, json: boolean): void {
  const toRun = p.toRunEntries;
  const total = { cells: p.mineEntries.length, done: p.doneCount, toRun: toRun.length };
  if (json) {
    const out = {
      sweep: p.loaded.spec.name,
      outDir: p.outDir,
      shard: { index: p.shard.index, count: p.shard.count, from: p.shard.from },
      totalIds: p.totalIds,
      total,
      experiments: p.experiments,
      mine: Array.from(p.mineEntries, (e) => entryId(p, e)),
      toRun: Array.from(toRun, (e) => {
        const c = p.loaded.cellAt(e);
        return { id: c.id, experiment: c.experiment, axes: c.axes };
      }),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const shard =
    p.shard.count > 1 ? `, shard ${p.shard.index}/${p.shard.count} (${p.shard.from})` : '';
  const lines = [
    `dry run of ${p.loaded.spec.name} (${p.loaded.source.file} → ${p.outDir}${shard})`,
  ];
  const rows = [['experiment', 'cells', 'done', 'to run']];
  for (const e of p.experiments)
    rows.push([e.name, String(e.cells), String(e.done), String(e.toRun)]);
  rows.push(['total (unique ids)', String(total.cells), String(total.done), String(total.toRun)]);
  lines.push(formatTable(rows));
  if (toRun.length > 0) {
    const shown = Math.min(DRY_RUN_CELLS, toRun.length);
    lines.push(`first ${shown} of ${toRun.length} cells to run:`);
    // Only the cells shown are built.
    for (const e of toRun.subarray(0, shown)) {
      const c = p.loaded.cellAt(e);
      lines.push(`  ${c.id}  ${c.experiment}  ${describeAxes(c)}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
