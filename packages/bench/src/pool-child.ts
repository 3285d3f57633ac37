/**
 * Child process of the pool benchmark: runs every unique cell of a sweep spec on the runner's
 * worker pool (`RunPool`, piscina threads) with N workers, without writing results, and
 * prints one JSON line: runs, wall seconds, statuses and this process's peak RSS.
 *
 * usage: node pool-child.js <spec.yaml> <workers>
 */
import { resourceUsage } from 'node:process';
import { loadSpecFile, RunPool, uniqueCells } from '@ansatz/runner';

const [spec, workersArg] = process.argv.slice(2);
const workers = Number(workersArg);
if (!spec || !Number.isInteger(workers) || workers < 1) {
  process.stderr.write('usage: node pool-child.js <spec.yaml> <workers ≥ 1>\n');
  process.exit(2);
}
const cells = uniqueCells(loadSpecFile(spec).cells);
const pool = new RunPool(workers);
const controller = new AbortController();
const start = performance.now();
const results = await Promise.all(
  cells.map((cell) =>
    pool.run({ id: cell.id, config: cell.config, backend: 'auto', attempt: 0 }, controller.signal),
  ),
);
const seconds = (performance.now() - start) / 1000;
await pool.destroy();
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
