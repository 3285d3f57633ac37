import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfig, RunConfigInput } from '../config/schema.js';
import type { RunResult } from '../config/result.js';
import { cohortKey } from './cohort-key.js';
import { runTraining } from './run-training.js';
import { trainCohort } from './train-cohort.js';

/** A result without its wall-clock fields (history `time`, `timing`): the numbers alone. */
function numbers(r: RunResult) {
  const strip = <T extends { time: number }>(p: T) => ({ ...p, time: 0 });
  return {
    ...r,
    timing: null,
    history: r.history.map(strip),
    final: r.final && strip(r.final),
  };
}

/** Cohort members that differ in values only: seed, init, scale, learning rate, decay. */
function members(base: RunConfigInput, lr: number): RunConfig[] {
  const values: RunConfigInput[] = [
    { seed: 0, init: 'balanced', initScale: 1, learningRate: lr, weightDecay: 0 },
    { seed: 1, init: 'gaussian', initScale: 0.5, learningRate: lr / 2, weightDecay: 0.01 },
    { seed: 2, init: 'orthogonal', initScale: 1, learningRate: lr, weightDecay: 0.05 },
    { seed: 3, init: 'near_balanced', initScale: 0.8, learningRate: (lr * 3) / 4, weightDecay: 0 },
  ];
  return values.map((v) => resolveConfig({ ...base, ...v }));
}

const linear: RunConfigInput = {
  inputDim: 6,
  outputDim: 3,
  width: 5,
  samples: 24,
  depth: 3,
  steps: 120,
  logEvery: 40,
};
const cases: [string, RunConfigInput, number][] = [
  ['linear gd (covariance form)', linear, 0.05],
  ['linear sgd (minibatch residuals)', { ...linear, optimizer: 'sgd', batchSize: 8 }, 0.05],
  ['linear adam', { ...linear, optimizer: 'adam' }, 0.01],
  ['linear gd, d > 2n (full-data residuals)', { ...linear, inputDim: 9, samples: 4 }, 0.02],
  [
    'relu mlp gd',
    { ...linear, task: 'multi_index_relu', activation: 'relu', init: 'gaussian' },
    0.05,
  ],
  [
    'tanh mlp momentum, minibatches',
    { ...linear, activation: 'tanh', optimizer: 'momentum', batchSize: 6 },
    0.01,
  ],
];

describe('trainCohort: each cell gets exactly the numbers it gets alone', () => {
  for (const [name, base, lr] of cases) {
    it(`${name}: bit-identical to runTraining of each cell, on both kernels`, async () => {
      const configs = members(base, lr);
      expect(new Set(configs.map((c) => cohortKey(c))).size).toBe(1);
      const together = await trainCohort(configs);
      expect(together).toHaveLength(configs.length);
      for (const [k, c] of configs.entries()) {
        const alone = await runTraining(c, { kernels: 'js' });
        expect(alone.status).toBe('ok');
        expect(numbers(together[k]!)).toEqual(numbers(alone));
      }
      const onJs = await trainCohort(configs, { kernels: 'js' });
      onJs.forEach((r, k) => expect(numbers(r)).toEqual(numbers(together[k]!)));
    });
  }

  it('a cell that diverges stops alone; its neighbours go on as if alone', async () => {
    const configs = members(linear, 0.05);
    configs[1] = resolveConfig({ ...configs[1]!, learningRate: 40 });
    const together = await trainCohort(configs);
    expect(together.map((r) => r.status)).toEqual(['ok', 'diverged', 'ok', 'ok']);
    for (const [k, c] of configs.entries()) {
      expect(numbers(together[k]!)).toEqual(numbers(await runTraining(c)));
    }
    expect(together[1]!.error).toMatch(/non-finite after \d+ steps/);
    expect(together[1]!.final).toBeNull();
  });

  it('keeps each cell its own final weights and times each cell', async () => {
    const configs = members(linear, 0.05);
    const together = await trainCohort(configs, { keepWeights: true });
    for (const [k, c] of configs.entries()) {
      const alone = await runTraining(c, { keepWeights: true });
      expect(together[k]!.weights).toEqual(alone.weights);
      expect(together[k]!.timing.seconds).toBeGreaterThan(0);
      expect(together[k]!.timing.metricsSeconds).toBeLessThanOrEqual(together[k]!.timing.seconds);
    }
  });

  it('refuses cells of different shapes', async () => {
    const [a, b] = members(linear, 0.05);
    await expect(trainCohort([a!, { ...b!, width: 6 }])).rejects.toThrow(/different shapes/);
    await expect(trainCohort([a!, { ...b!, steps: 121 }])).rejects.toThrow(/different shapes/);
    expect(await trainCohort([])).toEqual([]);
  });

  it('trains reference-engine cells one after another, each as alone', async () => {
    const configs = members({ ...linear, engine: 'reference', steps: 20, logEvery: 10 }, 0.05);
    const together = await trainCohort(configs.slice(0, 2), { backend: 'cpu' });
    for (const [k, c] of configs.slice(0, 2).entries()) {
      expect(together[k]!.engine).toBe('reference');
      expect(numbers(together[k]!)).toEqual(numbers(await runTraining(c, { backend: 'cpu' })));
    }
  });

  it('an aborted cohort ends every cell failed with error aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const results = await trainCohort(members(linear, 0.05), { signal: controller.signal });
    for (const r of results) expect(r).toMatchObject({ status: 'failed', error: 'aborted' });
  });
});
