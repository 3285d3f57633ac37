import type { RunConfig } from '../config/schema.js';
import { layerDims } from '../init/layer-shapes.js';
import { linearStepCost } from './linear-engine.js';
import { engineName } from './make-engine.js';

type CostConfig = Pick<
  RunConfig,
  | 'inputDim'
  | 'outputDim'
  | 'depth'
  | 'width'
  | 'samples'
  | 'batchSize'
  | 'activation'
  | 'optimizer'
  | 'steps'
  | 'logEvery'
  | 'engine'
>;

/**
 * Floating-point operations of one backpropagation step on a batch of b samples, as the
 * float64 MLP engine and the TensorFlow.js reference engine compute it: the forward matmuls
 * (2·b·out·in per layer), the weight gradients (same again) and the gradients flowing into
 * every layer's input except the data, plus the loss (3·b·c) and, for nonlinear nets, the
 * activation and its derivative on every hidden unit (2·b·k per hidden layer).
 */
export function backpropStepFlops(c: Omit<CostConfig, 'optimizer' | 'steps' | 'logEvery'>): number {
  const b = Math.min(c.batchSize, c.samples);
  const w = layerDims(c);
  let matmul = 0;
  for (let l = 1; l < w.length; l++) matmul += 2 * b * w[l]! * w[l - 1]! * (l === 1 ? 2 : 3);
  const hidden = c.activation === 'linear' ? 0 : 2 * b * c.width * (c.depth - 1);
  return matmul + 3 * b * c.outputDim + hidden;
}

function parameterCount(c: CostConfig): number {
  const w = layerDims(c);
  let p = 0;
  for (let l = 1; l < w.length; l++) p += w[l]! * w[l - 1]!;
  return p;
}

// Time constants of this machine class (AMD EPYC VM, Node 20), fitted to the per-step and
// per-log timings that `runner sweep sweeps/full.yaml` records. Only ratios matter: the
// estimate orders a sweep's runs (largest first) and balances shards.

/** Seconds per floating-point operation of the float64 engines' kernels. */
const SECONDS_PER_FLOP = 0.8e-9;
/** Per-step overhead of an engine (loop, checks, sampling), seconds. */
const STEP_OVERHEAD = { linear: 1e-6, mlp: 4e-6, reference: 4e-4 } as const;
/** TensorFlow.js runs its kernels slower than the float64 engines (wasm/cpu backends). */
const REFERENCE_FLOP_FACTOR = 3;
/** Gathering a minibatch (the sampler's indices, the rows of X and Y), seconds per value. */
const GATHER_SECONDS_PER_VALUE = 10e-9;
/** Optimizer update cost per parameter per step, seconds. */
const OPTIMIZER_SECONDS_PER_PARAM: Record<RunConfig['optimizer'], number> = {
  gd: 2e-9,
  sgd: 2e-9,
  momentum: 6e-9,
  nesterov: 7e-9,
  rmsprop: 7e-9,
  adagrad: 7e-9,
  adam: 16e-9,
  adamw: 16e-9,
};
/** A symmetric eigendecomposition with vectors of an n × n matrix, in flops (ml-matrix). */
const eigenFlops = (n: number): number => 40 * n ** 3;

/**
 * Flops of one log step's metrics: the gram matrix, the AGOP (closed form through the c × c
 * W Wᵀ for linear nets; n·c input-gradient passes and a d × d eigendecomposition otherwise),
 * and the imbalance Gram matrices of every pair of layers.
 */
function metricsFlops(c: CostConfig, engine: 'linear' | 'mlp' | 'reference'): number {
  const d = c.inputDim;
  const k = c.width;
  const out = c.outputDim;
  const imbalance = 4 * Math.max(0, c.depth - 1) * k ** 3;
  const gram = 2 * d * d * k;
  if (engine === 'linear') {
    const rank = Math.min(out, d);
    return gram + imbalance + 2 * c.depth * out * k * k + eigenFlops(rank) + 4 * d * d * rank;
  }
  const perSample = backpropStepFlops({ ...c, batchSize: 1, samples: 1 });
  return gram + imbalance + c.samples * out * perSample + eigenFlops(d) + 4 * d ** 3;
}

/**
 * Estimated wall-clock seconds of one run on one core: its training steps (flops of the engine
 * that `auto` or the config picks, plus the optimizer and per-step overhead) and its log steps.
 * An estimate for scheduling, not a promise: it orders runs largest-first and balances shards.
 */
export function estimateRunSeconds(c: CostConfig): number {
  const engine = engineName(c);
  const stepFlops =
    engine === 'linear'
      ? linearStepCost(c).flops
      : backpropStepFlops(c) * (engine === 'reference' ? REFERENCE_FLOP_FACTOR : 1);
  const step =
    stepFlops * SECONDS_PER_FLOP +
    parameterCount(c) * OPTIMIZER_SECONDS_PER_PARAM[c.optimizer] +
    STEP_OVERHEAD[engine] +
    (c.batchSize < c.samples ? c.batchSize * (c.inputDim + c.outputDim) : 0) *
      GATHER_SECONDS_PER_VALUE;
  const logs = Math.floor(c.steps / c.logEvery) + 1;
  // The task's data and, on the covariance path, XᵀX: n·d·(d + c) once.
  const setup = 2 * c.samples * c.inputDim * (c.inputDim + c.outputDim) * SECONDS_PER_FLOP;
  return c.steps * step + logs * metricsFlops(c, engine) * SECONDS_PER_FLOP + setup + 1e-3;
}
