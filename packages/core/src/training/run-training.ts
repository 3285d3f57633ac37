import { initBackend, type BackendName } from '../backend/backend.js';
import type { RunConfig } from '../config/schema.js';
import type { FinalMetrics, HistoryPoint, RunResult } from '../config/result.js';
import { initWeights } from '../init/make-init.js';
import { dense, type Dense } from '../linalg/dense.js';
import { flatNorm } from '../linalg/flat.js';
import { baselinesOf, randomFirstLayer } from '../metrics/baselines.js';
import { nfaMetrics, toArray } from '../metrics/snapshot.js';
import { makeOptimizer } from '../optimizers/make-optimizer.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { makeTask } from '../tasks/make-task.js';
import { BatchSampler } from './batches.js';
import type { Engine } from './engine.js';
import { engineName, makeEngine } from './make-engine.js';
import { noQuality, qualityFlags } from './quality-flags.js';

export interface TrainOptions {
  /** TensorFlow.js backend; `auto` (default) picks the fastest that loads. */
  backend?: BackendName;
  /** Stops training between steps; the result then has status `failed` with error `aborted`. */
  signal?: AbortSignal;
  /** Wall clock in seconds (injectable for tests); defaults to performance.now. */
  now?: () => number;
  /** Return the final weights in `RunResult.weights` (default false: they can be large). */
  keepWeights?: boolean;
}

const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

/** The first layers the final AGOP is compared with (see `Baselines`). */
interface BaselineLayers {
  initial: Dense;
  random: Dense;
}

/**
 * The history point at the current weights and, when `baselines` is given (the last log step),
 * the final metrics with the matrices and the baselines. Only the final metrics need the gram
 * spectrum (alphaHatSpectral) and the baselines, so every other log step skips them. Also
 * returns the AGOP and its rank, for the quality flags.
 */
function measure(
  engine: Engine,
  weights: Dense[],
  step: number,
  time: number,
  baselines: BaselineLayers | null,
) {
  const agop = engine.agop(weights);
  const m = nfaMetrics({ weights, ...(agop ? { agop } : {}), spectral: baselines !== null });
  const point: HistoryPoint = {
    step,
    time,
    loss: finite(engine.loss(weights)),
    nfaCorr: m.nfaCorr,
    nfaCorrHalf: m.nfaCorrHalf,
    nfaPearson: m.nfaPearson,
    alphaHat: m.alphaHat,
    nfaCorrBest: m.nfaCorrBest,
    nfaCorrCentredBest: m.nfaCorrCentredBest,
    imbalance: m.imbalance,
  };
  if (!baselines) return { point, final: null, agop: m.agop, agopRank: m.agopRank };
  const metrics: FinalMetrics = {
    ...point,
    alphaHatSpectral: m.alphaHatSpectral,
    imbalanceRel: m.imbalanceRel,
    alphaHatCentred: m.alphaHatCentred,
    baselines: baselinesOf(m.agopEigen, baselines),
    gram: toArray(m.gram),
    agop: toArray(m.agop),
  };
  return { point, final: metrics, agop: m.agop, agopRank: m.agopRank };
}

/** Whether every entry is finite (an indexed loop: this runs on every step's gradients). */
function allFinite(arrays: Float64Array[]): boolean {
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  }
  return true;
}

/**
 * Gradient steps `from` … `until − 1` between two log steps; returns the number of steps done
 * so far (less than `until` when the loss or a gradient became non-finite: diverged). A small
 * function of its own so that it is compiled once per worker thread and reused by every run,
 * instead of recompiling the whole run loop (on-stack replacement) for each run.
 */
function trainSteps(
  engine: Engine,
  optimizer: Optimizer,
  sampler: BatchSampler,
  weights: Dense[],
  params: Float64Array[],
  from: number,
  until: number,
): number {
  for (let step = from; step < until; step++) {
    const { loss, grads } = engine.gradients(weights, sampler.next());
    if (!Number.isFinite(loss) || !allFinite(grads)) return step;
    optimizer.step(params, grads);
  }
  return until;
}

/**
 * Train one network as a resolved config says and measure the NFA along the way (DESIGN.md
 * §3). History every `logEvery` steps (and at the last step); a run whose loss or weights
 * become NaN/Inf returns `diverged` with the history so far. Deterministic: same config, same
 * numbers.
 *
 * `config` must come from `resolveConfig` (the runner resolves every cell when it expands a
 * spec); `train` validates first. This module and its imports never load the config schema
 * (zod), which would add about 0.13 s to the start of every worker thread: worker threads
 * import it alone, as `@ansatz/core/run-training`.
 */
export async function runTraining(
  config: RunConfig,
  options: TrainOptions = {},
): Promise<RunResult> {
  // Only the TensorFlow.js reference engine has a backend; the closed-form engine is plain JS.
  const backend =
    engineName(config) === 'reference' ? await initBackend(options.backend ?? 'auto') : 'none';
  const now = options.now ?? (() => performance.now() / 1000);
  const start = now();
  const task = makeTask(config);
  const weights = initWeights(config);
  const params = weights.map((w) => w.data);
  const w1 = weights[0]!;
  const baselineLayers: BaselineLayers = {
    initial: dense(w1.rows, w1.cols, w1.data.slice()),
    random: randomFirstLayer(w1.rows, w1.cols, config.seed),
  };
  const optimizer = makeOptimizer(config);
  const sampler = new BatchSampler(config.samples, config.batchSize, config.seed);
  const engine = await makeEngine(config, task);
  const history: HistoryPoint[] = [];
  let metricsSeconds = 0;
  let final: FinalMetrics | null = null;
  let status: RunResult['status'] = 'ok';
  let error: string | undefined;
  let stepsDone = 0;
  let initialAgopNorm: number | null = null;
  let finalAgopRank = 0;
  let finalAgopNorm: number | null = null;

  const log = (step: number, last: boolean) => {
    const t0 = now();
    const m = measure(engine, weights, step, t0 - start, last ? baselineLayers : null);
    history.push(m.point);
    if (step === 0) initialAgopNorm = finite(flatNorm(m.agop.data));
    if (last) {
      finalAgopNorm = finite(flatNorm(m.agop.data));
      finalAgopRank = m.agopRank;
    }
    metricsSeconds += now() - t0;
    return m;
  };

  try {
    for (let step = 0; step < config.steps; step = stepsDone) {
      if (log(step, false).point.loss === null) {
        status = 'diverged';
        break;
      }
      if (options.signal?.aborted) {
        status = 'failed';
        error = 'aborted';
        break;
      }
      const until = Math.min(config.steps, step + config.logEvery);
      stepsDone = trainSteps(engine, optimizer, sampler, weights, params, step, until);
      if (stepsDone < until) {
        status = 'diverged';
        break;
      }
    }
    if (status === 'ok') {
      if (!allFinite(params)) status = 'diverged';
      else {
        final = log(config.steps, true).final;
        if (final?.loss == null) {
          status = 'diverged';
          final = null;
        }
      }
    }
  } finally {
    engine.dispose();
  }
  if (status === 'diverged') error = `loss or weights became non-finite after ${stepsDone} steps`;
  const { flags, quality } =
    status === 'ok' && final
      ? qualityFlags({
          initialLoss: history[0]?.loss ?? null,
          finalLoss: final.loss,
          initialAgopNorm,
          finalAgopNorm,
          agopRank: finalAgopRank,
          alphaHat: final.alphaHat,
          nfaCorrBest: final.nfaCorrBest,
        })
      : noQuality();
  const seconds = now() - start;
  return {
    status,
    ...(error ? { error } : {}),
    history,
    final,
    flags,
    quality,
    ...(options.keepWeights && final ? { weights: weights.map((w) => toArray(w)) } : {}),
    timing: {
      seconds,
      stepsPerSecond: seconds > 0 ? stepsDone / seconds : 0,
      metricsSeconds,
    },
    backend,
    engine: engine.name,
  };
}
