import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfigInput } from '../config/schema.js';
import type { FinalMetrics, RunResult } from '../config/result.js';
import { initWeights } from '../init/make-init.js';
import { makeTask } from '../tasks/make-task.js';
import { BatchSampler } from './batches.js';
import { linearEngine, linearStepCost } from './linear-engine.js';
import { engineName } from './make-engine.js';
import { train } from './train.js';
import { finiteDifferences } from './test-support.js';

const shape = { inputDim: 8, width: 8, outputDim: 4, samples: 64, teacherSpread: 10, seed: 3 };

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
const flat = (m: number[][]) => m.flat();
function relErrVec(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / den);
}

describe('linear engine gradients (float64)', () => {
  it.each([1, 2, 3, 5])(
    'match finite differences, full batch (covariance form), depth %i',
    (depth) => {
      const c = resolveConfig({ ...shape, depth, init: 'gaussian', initScale: 1 });
      expect(linearStepCost(c).path).toBe('covariance');
      const engine = linearEngine(c, makeTask(c));
      const weights = initWeights(c);
      const { loss, grads } = engine.gradients(weights, null);
      const copy = grads.map((g) => Float64Array.from(g));
      // The covariance-form loss equals the residual-form loss ½‖XWᵀ − Y‖²/n.
      expect(relErr(loss, engine.loss(weights))).toBeLessThan(1e-10);
      const fd = finiteDifferences((w) => engine.gradients(w, null).loss, weights, 1e-5);
      copy.forEach((g, l) => expect(relErrVec(g, fd[l]!)).toBeLessThan(1e-6));
    },
  );

  it('match finite differences on a minibatch (residual form)', () => {
    const c = resolveConfig({
      ...shape,
      depth: 3,
      optimizer: 'sgd',
      batchSize: 16,
      init: 'gaussian',
    });
    expect(linearStepCost(c).path).toBe('residual');
    const engine = linearEngine(c, makeTask(c));
    const weights = initWeights(c);
    const batch = new BatchSampler(c.samples, c.batchSize, c.seed).next()!;
    const grads = engine.gradients(weights, batch).grads.map((g) => Float64Array.from(g));
    const fd = finiteDifferences((w) => engine.gradients(w, batch).loss, weights, 1e-5);
    grads.forEach((g, l) => expect(relErrVec(g, fd[l]!)).toBeLessThan(1e-6));
  });

  it('uses the residual form on full batches with more inputs than twice the samples', () => {
    const c = resolveConfig({ ...shape, inputDim: 40, samples: 16, depth: 2, init: 'gaussian' });
    expect(linearStepCost(c).path).toBe('residual');
    const engine = linearEngine(c, makeTask(c));
    const weights = initWeights(c);
    const g = engine.gradients(weights, null).grads.map((a) => Float64Array.from(a));
    const fd = finiteDifferences((w) => engine.loss(w), weights, 1e-5);
    g.forEach((a, l) => expect(relErrVec(a, fd[l]!)).toBeLessThan(1e-6));
  });

  it('is what engine auto picks for linear nets, and only for them', () => {
    expect(engineName(resolveConfig({}))).toBe('linear');
    expect(engineName(resolveConfig({ activation: 'relu' }))).toBe('mlp');
    expect(engineName(resolveConfig({ engine: 'reference' }))).toBe('reference');
  });
});

/** Both engines on one config: same history and final metrics within float32-level tolerance. */
async function compareEngines(config: RunConfigInput): Promise<void> {
  const run = (engine: 'linear' | 'reference'): Promise<RunResult> =>
    train({ ...shape, steps: 300, logEvery: 100, ...config, engine }, { backend: 'wasm' });
  const fast = await run('linear');
  const ref = await run('reference');
  expect(fast.engine).toBe('linear');
  expect(fast.status).toBe('ok');
  expect(ref.status).toBe('ok');
  expect(fast.history.map((h) => h.step)).toEqual(ref.history.map((h) => h.step));
  fast.history.forEach((h, i) => {
    const r = ref.history[i]!;
    expect(relErr(h.loss!, r.loss!)).toBeLessThan(1e-4);
    expect(Math.abs(h.nfaCorr! - r.nfaCorr!)).toBeLessThan(1e-4);
    expect(Math.abs(h.alphaHat! - r.alphaHat!)).toBeLessThan(1e-4);
    expect(relErr(h.imbalance!, r.imbalance!)).toBeLessThan(1e-3);
  });
  const f = fast.final as FinalMetrics;
  const g = ref.final as FinalMetrics;
  // gram = W_1ᵀW_1 and agop = WᵀW: the trained weights agree.
  expect(relErrVec(flat(f.gram), flat(g.gram))).toBeLessThan(1e-4);
  expect(relErrVec(flat(f.agop), flat(g.agop))).toBeLessThan(1e-4);
  // The loss decreased: the comparison is not between two idle runs.
  expect(f.loss!).toBeLessThan(0.5 * fast.history[0]!.loss!);
}

describe('linear engine agrees with the reference (TensorFlow.js autodiff) engine', () => {
  it('gd, depth 2, balanced init', () => compareEngines({ depth: 2, init: 'balanced' }));
  it('gd, depth 4, gaussian init', () =>
    compareEngines({ depth: 4, init: 'gaussian', initScale: 1, learningRate: 0.02 }));
  it('sgd minibatches with weight decay', () =>
    compareEngines({
      depth: 3,
      optimizer: 'sgd',
      batchSize: 16,
      weightDecay: 0.01,
      learningRate: 0.02,
    }));
  it('momentum, near-balanced init', () =>
    compareEngines({
      depth: 3,
      optimizer: 'momentum',
      init: 'near_balanced',
      learningRate: 0.005,
    }));
  it('adam with weight decay', () =>
    compareEngines({
      depth: 3,
      optimizer: 'adam',
      learningRate: 0.005,
      weightDecay: 0.01,
      steps: 200,
    }));
});
