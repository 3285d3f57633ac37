/**
 * `pnpm bench`: training speed of the canonical cells on every engine and backend, achieved
 * GFLOP/s against this machine's measured matmul peak, the metrics' share of a run, the NumPy
 * comparison, and pool throughput and memory on a sweep spec. Prints a table, writes JSON.
 *
 * usage: node packages/bench/dist/main.js [--spec sweeps/quick.yaml] [--out bench-results/bench.json] [--skip-pool]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { initBackend, type BackendName } from '@ansatz/core';
import { CANONICAL_SHAPE, CELLS, NUMPY_CELL } from './cells.js';
import { linearStepFlops, numpyStepFlops, referenceStepFlops } from './flops.js';
import { runNumpy } from './numpy.js';
import { measureMatmulPeak } from './peak.js';
import { benchPeers, type PeersBench } from './peers-bench.js';
import { benchPool, POOL_ROUNDS, type PoolBench } from './pool.js';
import { measureStepSpeed, type StepSpeed } from './step-speed.js';
import { fmt, formatTable, pct } from './table.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    spec: { type: 'string', default: resolve(root, 'sweeps/quick.yaml') },
    out: { type: 'string', default: resolve(root, 'bench-results/bench.json') },
    'skip-pool': { type: 'boolean', default: false },
    'skip-cells': { type: 'boolean', default: false },
    'skip-peers': { type: 'boolean', default: false },
  },
});
const say = (s = '') => process.stdout.write(`${s}\n`);

say(
  `ansatz bench — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'})`,
);
let peak = measureMatmulPeak();
say(
  `float64 JS matmul ${peak.size}×${peak.size}: ${fmt(peak.gflops)} GFLOP/s (measured again at the end)`,
);

const backends: BackendName[] = ['wasm', 'cpu'];
try {
  await initBackend('tensorflow');
  backends.unshift('tensorflow');
} catch {
  say('backend tensorflow (tfjs-node): not available here, skipped');
}

interface Row extends StepSpeed {
  cell: string;
  flopsPerStep: number;
  gflops: number;
  ofPeak: number;
}
const rows: Row[] = [];
for (const cell of args['skip-cells'] ? [] : CELLS) {
  const runs: [
    engine: 'linear' | 'mlp' | 'reference',
    backend: BackendName,
    steps: number,
    reps: number,
  ][] = [];
  if (cell.linear) runs.push(['linear', 'cpu', 1000, 5]);
  // The float64 backprop engine (what `auto` runs for nonlinear nets); plain JS, no backend.
  // It does the reference's matmuls (no gradient into the data), so the same FLOP count.
  else runs.push(['mlp', 'cpu', 1000, 5]);
  for (const b of backends) runs.push(['reference', b, b === 'cpu' ? 100 : 200, 2]);
  for (const [engine, backend, steps, reps] of runs) {
    const s = await measureStepSpeed(cell.config, engine, backend, steps, reps);
    const flopsPerStep =
      engine === 'linear' ? linearStepFlops(cell.config) : referenceStepFlops(cell.config);
    const gflops = (flopsPerStep * s.stepsPerSecond) / 1e9;
    rows.push({ cell: cell.name, ...s, flopsPerStep, gflops, ofPeak: gflops / peak.gflops });
    say(`  ${cell.name}: ${engine} on ${s.backend}: ${fmt(s.stepsPerSecond)} steps/s`);
  }
}

// NumPy: the canonical linear gd cell, same arithmetic in a straightforward float64 loop. The
// two are timed alternately, twice each, best of each kept: on a shared machine this compares
// the two programs rather than the load at two moments.
const numpyCell = CELLS.find((c) => c.name === NUMPY_CELL)!;
const numpyArgs = {
  depth: numpyCell.config.depth!,
  d: CANONICAL_SHAPE.inputDim,
  k: CANONICAL_SHAPE.width,
  c: CANONICAL_SHAPE.outputDim,
  n: CANONICAL_SHAPE.samples,
  lr: numpyCell.config.learningRate!,
  steps: 2000,
};
let numpy: Record<string, unknown>;
say();
const first: ReturnType<typeof runNumpy> = args['skip-cells']
  ? { skipped: '--skip-cells' }
  : runNumpy(numpyArgs);
if ('skipped' in first) {
  say(`NumPy comparison skipped: ${first.skipped}`);
  numpy = { skipped: first.skipped };
} else {
  let r = first.result;
  let ours = rows.find((x) => x.cell === NUMPY_CELL && x.engine === 'linear')!;
  for (let round = 0; round < 2; round++) {
    const o = await measureStepSpeed(numpyCell.config, 'linear', 'cpu', 1000, 5);
    if (o.stepsPerSecond > ours.stepsPerSecond) ours = { ...ours, ...o };
    const again = round === 0 ? runNumpy(numpyArgs) : null;
    if (again && 'result' in again && again.result.secondsPerStep < r.secondsPerStep)
      r = again.result;
  }
  const ratio = 1 / ours.stepsPerSecond / r.secondsPerStep;
  const cpuRatio = ours.cpuSecondsPerStep / r.cpuSecondsPerStep;
  numpy = {
    ...r,
    flopsPerStep: numpyStepFlops(numpyCell.config),
    oursSecondsPerStep: 1 / ours.stepsPerSecond,
    oursCpuSecondsPerStep: ours.cpuSecondsPerStep,
    oursOverNumpy: ratio,
    oursOverNumpyCpu: cpuRatio,
  };
  say(`NumPy ${r.numpy}: matmul 256×256 ${fmt(r.matmul256Gflops)} GFLOP/s`);
  say(
    `${NUMPY_CELL}: ours ${fmt(1e6 / ours.stepsPerSecond)} µs/step, NumPy loop ${fmt(1e6 * r.secondsPerStep)} µs/step` +
      ` → ours/NumPy = ${fmt(ratio)} (CPU time: ${fmt(cpuRatio)}; target < 1)`,
  );
}

let peers: PeersBench | null = null;
if (!args['skip-peers']) {
  say();
  say('peers: kernels against NumPy, 16 canonical runs, ReLU step, tiny-cell sweep …');
  peers = await benchPeers();
}

let pool: PoolBench | null = null;
if (!args['skip-pool']) {
  say();
  say(
    `pool: ${args.spec}, ${POOL_ROUNDS} rounds of 1 worker, 2 workers, and two 1-worker ` +
      'processes at once (the host ceiling); ratios within a round, median over rounds …',
  );
  pool = await benchPool(args.spec!);
  say(
    formatTable(
      ['workers', 'runs', 'fastest wall s', 'runs/s', 'efficiency (median)', 'peak RSS MB'],
      pool.byWorkers.map((w) => [
        String(w.workers),
        String(w.runs),
        fmt(w.seconds),
        fmt(w.runsPerSecond),
        w.workers === 2 ? pct(pool!.parallelEfficiency) : '—',
        fmt(w.maxRssMB),
      ]),
    ),
  );
  for (const w of pool.byWorkers)
    say(`  ${w.workers} worker(s), every round: ${w.roundSeconds.map((x) => fmt(x)).join(', ')} s`);
  say(
    `  two 1-worker processes at once, every round: ${pool.pairSeconds.map((x) => fmt(x)).join(', ')} s`,
  );
  say(
    `host ceiling ${pct(pool.hostCeiling)} (1 worker alone over the pair, median: the share of ` +
      `two cores this host gives two independent copies of the work); the pool keeps ` +
      `${pct(pool.parallelEfficiency! / pool.hostCeiling)} of it`,
  );
}

// The peak again at the end (best of both): on a shared machine one measurement can land in a
// busy moment; "% of peak" is then relative to the better one.
const peakAgain = measureMatmulPeak();
if (peakAgain.gflops > peak.gflops) {
  peak = peakAgain;
  for (const r of rows) r.ofPeak = r.gflops / peak.gflops;
}
say(`float64 JS matmul peak (best of start and end): ${fmt(peak.gflops)} GFLOP/s`);
say();
say(
  formatTable(
    [
      'cell',
      'engine',
      'backend',
      'steps/s',
      'ms/step',
      'kflop/step',
      'GFLOP/s',
      'of peak',
      'metrics',
    ],
    rows.map((r) => [
      r.cell,
      r.engine,
      r.backend === 'none' ? '—' : r.backend,
      fmt(r.stepsPerSecond),
      fmt(1000 / r.stepsPerSecond),
      fmt(r.flopsPerStep / 1000),
      fmt(r.gflops),
      pct(r.ofPeak),
      pct(r.metricsShare),
    ]),
  ),
);
say('metrics = share of a run spent in metrics at the default logEvery (100)');

const metricsWorst = rows.some((r) => r.engine === 'linear')
  ? Math.max(...rows.filter((r) => r.engine === 'linear').map((r) => r.metricsShare))
  : null;
const report = {
  finishedAt: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? null,
  matmulPeak: peak,
  cells: rows,
  numpy,
  peers,
  pool,
  targets: {
    numpyRatio: 'oursOverNumpy' in numpy ? numpy['oursOverNumpy'] : null,
    parallelEfficiency: pool?.parallelEfficiency ?? null,
    hostCeiling: pool?.hostCeiling ?? null,
    metricsShareWorstLinear: metricsWorst,
    peakMBPerWorker: pool?.peakMBPerWorker ?? null,
  },
};
mkdirSync(dirname(args.out!), { recursive: true });
writeFileSync(args.out!, `${JSON.stringify(report, null, 2)}\n`);
say();
say(
  `targets: ours/NumPy ${fmt(report.targets.numpyRatio as number | null)} (< 1), ` +
    `2-worker efficiency ${pct(report.targets.parallelEfficiency)} (≥ 90%; host ceiling ` +
    `${pct(report.targets.hostCeiling)}), ` +
    `metrics ≤ ${pct(metricsWorst)} of linear runs (≤ 10%), ` +
    `peak ${fmt(report.targets.peakMBPerWorker)} MB per worker (≤ 300)`,
);
say(`wrote ${args.out}`);
