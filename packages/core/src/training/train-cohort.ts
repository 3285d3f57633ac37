import { initBackend } from '../backend/backend.js';
import type { RunConfig } from '../config/schema.js';
import type { FinalMetrics, HistoryPoint, RunResult } from '../config/result.js';
import { initWeights } from '../init/make-init.js';
import { dense, type Dense } from '../linalg/dense.js';
import { flatNorm } from '../linalg/flat.js';
import { randomFirstLayer } from '../metrics/baselines.js';
import { toArray } from '../metrics/snapshot.js';
import { makeOptimizer } from '../optimizers/make-optimizer.js';
import { makeTask } from '../tasks/make-task.js';
import { BatchSampler } from './batches.js';
import { allFinite, trainCohortSteps, type CellSteps } from './cohort-steps.js';
import { cohortKey } from './cohort-key.js';
import { engineName, makeCohortEngine } from './make-engine.js';
import { finite, measure, type BaselineLayers } from './measure.js';
import { noQuality, qualityFlags } from './quality-flags.js';
import type { TrainOptions } from './train-options.js';

/** One cell's record in the making. */
interface Cell extends CellSteps {
  config: RunConfig;
  weights: Dense[];
  baselines: BaselineLayers;
  history: HistoryPoint[];
  final: FinalMetrics | null;
  status: RunResult['status'];
  error?: string;
  metricsSeconds: number;
  initialAgopNorm: number | null;
  finalAgopNorm: number | null;
  finalAgopRank: number;
}

/**
 * Train a cohort: cells of one shape (`cohortKey`) that differ only in values, as one
 * computation (DESIGN.md §3). Each cell's result has exactly the numbers `runTraining` gives it
 * alone — its own data, init, batches and optimizer, the same operations in the same order —
 * apart from wall-clock times: history `time` counts from the cohort's start, and `timing`
 * gives each cell an equal share of the cohort's training time plus its own metrics time. A
 * cell that diverges stops alone; the rest go on. Cells on the TensorFlow.js reference engine
 * cannot share a computation and train one after another.
 */
export async function trainCohort(
  configs: readonly RunConfig[],
  options: TrainOptions = {},
): Promise<RunResult[]> {
  if (configs.length === 0) return [];
  const key = cohortKey(configs[0]!);
  const other = configs.find((c) => cohortKey(c) !== key);
  if (other)
    throw new Error(`trainCohort: cells of different shapes (${key} and ${cohortKey(other)})`);
  const name = engineName(configs[0]!);
  if (name === 'reference' && configs.length > 1) {
    const results: RunResult[] = [];
    for (const c of configs) results.push(...(await trainCohort([c], options)));
    return results;
  }
  const backend = name === 'reference' ? await initBackend(options.backend ?? 'auto') : 'none';
  const now = options.now ?? (() => performance.now() / 1000);
  const start = now();
  const tasks = configs.map((c) => makeTask(c));
  const initial = configs.map((c) => initWeights(c));
  const engine = await makeCohortEngine(configs, tasks, initial, options.kernels ?? 'auto');
  const cells: Cell[] = configs.map((config, k) => {
    const weights = engine.weights[k]!;
    weights.forEach((w, l) => w.data.set(initial[k]![l]!.data));
    const w1 = weights[0]!;
    return {
      config,
      weights,
      params: weights.map((w) => w.data),
      optimizer: makeOptimizer(config, engine.kernels),
      sampler: new BatchSampler(config.samples, config.batchSize, config.seed),
      active: true,
      stepsDone: 0,
      diverged: false,
      baselines: {
        initial: dense(w1.rows, w1.cols, w1.data.slice()),
        random: randomFirstLayer(w1.rows, w1.cols, config.seed),
      },
      history: [],
      final: null,
      status: 'ok',
      metricsSeconds: 0,
      initialAgopNorm: null,
      finalAgopNorm: null,
      finalAgopRank: 0,
    };
  });
  const { steps, logEvery } = configs[0]!;
  const log = (k: number, step: number, last: boolean) => {
    const cell = cells[k]!;
    const t0 = now();
    const probe = { loss: () => engine.loss(k), agop: () => engine.agop(k) };
    const m = measure(probe, cell.weights, step, t0 - start, last ? cell.baselines : null);
    cell.history.push(m.point);
    if (step === 0) cell.initialAgopNorm = finite(flatNorm(m.agop.data));
    if (last) {
      cell.finalAgopNorm = finite(flatNorm(m.agop.data));
      cell.finalAgopRank = m.agopRank;
    }
    cell.metricsSeconds += now() - t0;
    return m;
  };
  try {
    for (let step = 0; step < steps && cells.some((c) => c.active); step += logEvery) {
      cells.forEach((cell, k) => {
        if (cell.active && log(k, step, false).point.loss === null) {
          cell.status = 'diverged';
          cell.active = false;
        }
      });
      if (options.signal?.aborted) {
        for (const cell of cells.filter((c) => c.active)) {
          cell.status = 'failed';
          cell.error = 'aborted';
          cell.active = false;
        }
        break;
      }
      trainCohortSteps(engine, cells, step, Math.min(steps, step + logEvery));
      for (const cell of cells) if (cell.diverged) cell.status = 'diverged';
    }
    cells.forEach((cell, k) => {
      if (cell.status !== 'ok') return;
      if (!allFinite(cell.params)) cell.status = 'diverged';
      else {
        cell.final = log(k, steps, true).final;
        if (cell.final?.loss == null) {
          cell.status = 'diverged';
          cell.final = null;
        }
      }
    });
  } finally {
    engine.dispose?.();
  }
  const total = now() - start;
  const shared = (total - cells.reduce((s, c) => s + c.metricsSeconds, 0)) / cells.length;
  return cells.map((cell) =>
    resultOf(cell, shared + cell.metricsSeconds, backend, engine.name, options),
  );
}

function resultOf(
  cell: Cell,
  seconds: number,
  backend: string,
  engine: string,
  options: TrainOptions,
): RunResult {
  const { status, final, history, stepsDone } = cell;
  const error =
    status === 'diverged'
      ? `loss or weights became non-finite after ${stepsDone} steps`
      : cell.error;
  const { flags, quality } =
    status === 'ok' && final
      ? qualityFlags({
          initialLoss: history[0]?.loss ?? null,
          finalLoss: final.loss,
          initialAgopNorm: cell.initialAgopNorm,
          finalAgopNorm: cell.finalAgopNorm,
          agopRank: cell.finalAgopRank,
          alphaHat: final.alphaHat,
          nfaCorrBest: final.nfaCorrBest,
        })
      : noQuality();
  return {
    status,
    ...(error ? { error } : {}),
    history,
    final,
    flags,
    quality,
    ...(options.keepWeights && final ? { weights: cell.weights.map((w) => toArray(w)) } : {}),
    timing: {
      seconds,
      stepsPerSecond: seconds > 0 ? stepsDone / seconds : 0,
      metricsSeconds: cell.metricsSeconds,
    },
    backend,
    engine,
  };
}
