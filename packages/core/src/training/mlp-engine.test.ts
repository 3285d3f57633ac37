import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.js';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfig, RunConfigInput } from '../config/schema.js';
import type { FinalMetrics, RunResult } from '../config/result.js';
import { initWeights } from '../init/make-init.js';
import { dense, type Dense } from '../linalg/dense.js';
import { activationFn } from '../models/activations.js';
import { makeTask } from '../tasks/make-task.js';
import { BatchSampler } from './batches.js';
import { engineName } from './make-engine.js';
import { activationKernel } from './mlp-activation.js';
import { mlpEngine } from './mlp-engine.js';
import { referenceEngine } from './reference-engine.js';
import { train } from './train.js';
import { finiteDifferences } from './test-support.js';

const ACTIVATIONS = ['relu', 'tanh', 'leaky_relu', 'gelu', 'softplus'] as const;
const shape = {
  inputDim: 6,
  width: 7,
  outputDim: 3,
  samples: 20,
  seed: 5,
  init: 'gaussian',
} as const;

function relErrVec(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / den);
}
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

/** An independent float64 forward of one sample, written out plainly (no shared kernels). */
function forwardOne(c: RunConfig, weights: Dense[], xi: Float64Array): Float64Array {
  const act = activationKernel(c);
  let hcur = xi;
  weights.forEach((w, l) => {
    const zl = new Float64Array(w.rows);
    for (let a = 0; a < w.rows; a++)
      for (let b = 0; b < w.cols; b++) zl[a] = zl[a]! + w.data[a * w.cols + b]! * hcur[b]!;
    if (l < weights.length - 1) {
      const hl = new Float64Array(w.rows);
      act(zl, hl, null, w.rows);
      hcur = hl;
    } else hcur = zl;
  });
  return hcur;
}

/** AGOP from per-sample Jacobians by central differences of `forwardOne`. */
function agopByDifferences(c: RunConfig, weights: Dense[], x: Dense): Dense {
  const d = x.cols;
  const h = 1e-6;
  const out = dense(d, d);
  for (let i = 0; i < x.rows; i++) {
    const xi = Float64Array.from(x.data.subarray(i * d, i * d + d));
    const jac = new Float64Array(c.outputDim * d);
    for (let b = 0; b < d; b++) {
      const keep = xi[b]!;
      xi[b] = keep + h;
      const up = forwardOne(c, weights, xi);
      xi[b] = keep - h;
      const down = forwardOne(c, weights, xi);
      xi[b] = keep;
      for (let j = 0; j < c.outputDim; j++) jac[j * d + b] = (up[j]! - down[j]!) / (2 * h);
    }
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let j = 0; j < c.outputDim; j++) s += jac[j * d + a]! * jac[j * d + b]!;
        out.data[a * d + b] = out.data[a * d + b]! + s / x.rows;
      }
  }
  return out;
}

const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
function maxDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('mlp engine gradients (float64)', () => {
  const cases = ACTIVATIONS.flatMap((activation) => [2, 3].map((depth) => ({ activation, depth })));
  it.each(cases)('match finite differences: $activation, depth $depth', ({ activation, depth }) => {
    const c = resolveConfig({ ...shape, activation, depth, leakySlope: 0.1 });
    const engine = mlpEngine(c, makeTask(c));
    const weights = initWeights(c);
    const { loss, grads } = engine.gradients(weights, null);
    const copy = grads.map((g) => Float64Array.from(g));
    expect(relErr(loss, engine.loss(weights))).toBeLessThan(1e-12);
    const fd = finiteDifferences((w) => engine.loss(w), weights);
    copy.forEach((g, l) => expect(relErrVec(g, fd[l]!)).toBeLessThan(1e-6));
  });

  it.each(ACTIVATIONS)('match finite differences on a minibatch: %s, depth 3', (activation) => {
    const c = resolveConfig({ ...shape, activation, depth: 3, optimizer: 'sgd', batchSize: 8 });
    const engine = mlpEngine(c, makeTask(c));
    const weights = initWeights(c);
    const sampler = new BatchSampler(c.samples, c.batchSize, c.seed);
    sampler.next();
    const batch = sampler.next()!;
    const grads = engine.gradients(weights, batch).grads.map((g) => Float64Array.from(g));
    const fd = finiteDifferences((w) => engine.gradients(w, batch).loss, weights);
    grads.forEach((g, l) => expect(relErrVec(g, fd[l]!)).toBeLessThan(1e-6));
    // A full-batch call after the minibatch is not affected by it.
    const full = engine.gradients(weights, null).loss;
    expect(relErr(full, engine.loss(weights))).toBeLessThan(1e-12);
  });

  it.each(ACTIVATIONS)('%s values match the TF.js activation of the reference', async (a) => {
    await initBackend('wasm');
    const z = Float64Array.from({ length: 41 }, (_, i) => (i - 20) / 4);
    const h = new Float64Array(z.length);
    activationKernel({ activation: a, leakySlope: 0.1 })(z, h, null, z.length);
    const ref = tf.tidy(() =>
      activationFn({ activation: a, leakySlope: 0.1 })(
        tf.tensor1d(Float32Array.from(z)),
      ).dataSync(),
    );
    for (let i = 0; i < z.length; i++) expect(Math.abs(h[i]! - ref[i]!)).toBeLessThan(1e-5);
  });

  it('uses derivative 0 for relu and the slope for leaky_relu at exactly 0, like TF.js', () => {
    const z = Float64Array.from([-1, 0, 2]);
    const h = new Float64Array(3);
    const dz = new Float64Array(3);
    activationKernel({ activation: 'relu', leakySlope: 0.1 })(z, h, dz, 3);
    expect(Array.from(dz)).toEqual([0, 0, 1]);
    activationKernel({ activation: 'leaky_relu', leakySlope: 0.1 })(z, h, dz, 3);
    expect(Array.from(dz)).toEqual([0.1, 0.1, 1]);
  });
});

describe('mlp engine AGOP', () => {
  it.each(ACTIVATIONS.flatMap((a) => [2, 3].map((depth) => ({ a, depth }))))(
    'matches per-sample Jacobians by finite differences and TF.js autodiff: $a, depth $depth',
    async ({ a, depth }) => {
      const c = resolveConfig({ ...shape, activation: a, depth, leakySlope: 0.1 });
      const task = makeTask(c);
      const weights = initWeights(c);
      const agop = mlpEngine(c, task).agop(weights)!;
      const scale = maxAbs(agop.data);
      expect(scale).toBeGreaterThan(0);
      const fd = agopByDifferences(c, weights, task.x);
      expect(maxDiff(agop.data, fd.data)).toBeLessThan(1e-6 * scale);
      await initBackend('wasm');
      const ref = referenceEngine(c, task);
      const auto = ref.agop(weights)!;
      ref.dispose();
      expect(maxDiff(agop.data, auto.data)).toBeLessThan(1e-4 * scale);
    },
  );

  it('is null for a linear net (the metrics use the closed form)', () => {
    const c = resolveConfig({ ...shape, engine: 'mlp' });
    expect(mlpEngine(c, makeTask(c)).agop(initWeights(c))).toBeNull();
  });
});

describe('engine selection', () => {
  it('auto picks mlp for nonlinear nets and linear for linear nets; both can be forced', () => {
    expect(engineName(resolveConfig({}))).toBe('linear');
    expect(engineName(resolveConfig({ activation: 'tanh' }))).toBe('mlp');
    expect(engineName(resolveConfig({ activation: 'relu', engine: 'reference' }))).toBe(
      'reference',
    );
    expect(engineName(resolveConfig({ engine: 'mlp' }))).toBe('mlp');
  });
});

/** train() with the mlp and the reference engine on one config: same history within tolerance. */
async function compareEngines(config: RunConfigInput): Promise<void> {
  const run = (engine: 'mlp' | 'reference'): Promise<RunResult> =>
    train(
      { ...shape, width: 12, samples: 32, steps: 200, logEvery: 50, ...config, engine },
      { backend: 'wasm' },
    );
  const fast = await run('mlp');
  const ref = await run('reference');
  expect(fast.engine).toBe('mlp');
  expect(fast.backend).toBe('none');
  expect(fast.status).toBe('ok');
  expect(ref.status).toBe('ok');
  expect(fast.history.map((h) => h.step)).toEqual(ref.history.map((h) => h.step));
  // Training must move the loss, or the comparison says nothing.
  expect(fast.final!.loss!).toBeLessThan(0.9 * fast.history[0]!.loss!);
  fast.history.forEach((h, i) => {
    const r = ref.history[i]!;
    expect(relErr(h.loss!, r.loss!)).toBeLessThan(1e-3);
    expect(Math.abs(h.nfaCorr! - r.nfaCorr!)).toBeLessThan(1e-3);
    expect(Math.abs(h.alphaHat! - r.alphaHat!)).toBeLessThan(1e-3);
  });
  const f = fast.final as FinalMetrics;
  const g = ref.final as FinalMetrics;
  expect(relErr(f.loss!, g.loss!)).toBeLessThan(1e-3);
  expect(relErrVec(f.agop.flat(), g.agop.flat())).toBeLessThan(1e-3);
  expect(relErrVec(f.gram.flat(), g.gram.flat())).toBeLessThan(1e-3);
}

describe('mlp engine vs the reference engine through train()', () => {
  it('relu, adam', () =>
    compareEngines({ activation: 'relu', optimizer: 'adam', learningRate: 0.01 }));
  it('tanh, gd with weight decay, depth 3', () =>
    compareEngines({
      activation: 'tanh',
      depth: 3,
      optimizer: 'gd',
      learningRate: 0.05,
      weightDecay: 0.01,
    }));
  it('relu, sgd minibatches, depth 3', () =>
    compareEngines({
      activation: 'relu',
      depth: 3,
      optimizer: 'sgd',
      batchSize: 8,
      learningRate: 0.02,
    }));
  it('gelu, adamw with weight decay', () =>
    compareEngines({
      activation: 'gelu',
      optimizer: 'adamw',
      learningRate: 0.01,
      weightDecay: 0.01,
    }));
});
