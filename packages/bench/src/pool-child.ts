/**
 * Child process of the pool benchmark: runs every unique cell of a sweep spec as
 * `runner sweep` does — largest estimated cost first, through the sweep's `Scheduler` on its
 * worker pool (`RunPool`, piscina threads) with N workers — without writing results, and
 * prints one JSON line: runs, wall seconds, statuses and this process's peak RSS.
 *
 * usage: node pool-child.js <spec.yaml> <workers>
 */
import { resourceUsage } from 'node:process';
import type { RunResult } from '@ansatz/core';
import { largestFirst, loadSpecFile, RunPool, Scheduler, uniqueCells } from '@ansatz/runner';

const [spec, workersArg] = process.argv.slice(2);
const workers = Number(workersArg);
if (!spec || !Number.isInteger(workers) || workers < 1) {
  process.stderr.write('usage: node pool-child.js <spec.yaml> <workers ≥ 1>\n');
  process.exit(2);
}
const cells = largestFirst(uniqueCells(loadSpecFile(spec).cells));
const pool = new RunPool(workers);
const results: RunResult[] = [];
const failures: string[] = [];
const start = performance.now();
await new Scheduler(cells, {
  workers,
  retries: 0,
  backend: 'auto',
  run: (task, signal) => pool.run(task, signal),
  onDone: (cell, outcome) => {
    if (outcome.kind === 'result') results.push(outcome.result);
    else failures.push(`${cell.id}: ${outcome.error}`);
  },
}).run();
const seconds = (performance.now() - start) / 1000;
await pool.destroy();
if (failures.length > 0) {
  process.stderr.write(
    `pool benchmark: ${failures.length} run(s) failed\n${failures.join('\n')}\n`,
  );
  process.exit(1);
}
const statuses: Record<string, number> = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    workers,
    runs: cells.length,
    seconds,
    statuses,
    busySeconds: results.reduce((s, r) => s + r.timing.seconds, 0),
    maxRssMB: resourceUsage().maxRSS / 1024,
  })}\n`,
);
