import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.js';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfigInput } from '../config/schema.js';
import { initWeights } from '../init/make-init.js';
import { toMatrix } from '../linalg/dense.js';
import { agopLinear } from '../metrics/gram.js';
import { symmetricEigen } from '../metrics/psd-power.js';
import { makeTask } from '../tasks/make-task.js';
import { referenceEngine } from './reference-engine.js';

/** The autodiff AGOP (per-sample input Jacobians) of the reference engine, for any net. */
async function autodiffAgop(input: RunConfigInput) {
  await initBackend('wasm');
  // Force the autodiff path even for a linear net by asking for a nonlinear engine config.
  const c = resolveConfig(input);
  const weights = initWeights(c);
  const engine = referenceEngine({ ...c, activation: 'leaky_relu', leakySlope: 1 }, makeTask(c));
  const agop = engine.agop(weights);
  engine.dispose();
  return { agop: toMatrix(agop!), weights: weights.map(toMatrix) };
}

describe('AGOP by autodiff', () => {
  it.each([2, 3, 5])('equals the closed form WᵀW for a linear net of depth %i', async (depth) => {
    // leaky_relu with slope 1 is the identity, so the net is linear but goes through autodiff.
    const { agop, weights } = await autodiffAgop({
      depth,
      init: 'gaussian',
      inputDim: 10,
      outputDim: 3,
      width: 7,
      samples: 20,
      seed: depth,
    });
    const exact = agopLinear(weights);
    const scale = exact.max();
    for (let i = 0; i < 10; i++)
      for (let j = 0; j < 10; j++)
        expect(Math.abs(agop.get(i, j) - exact.get(i, j))).toBeLessThan(1e-5 * scale);
  });

  it('is symmetric positive semi-definite for a relu net', async () => {
    await initBackend('wasm');
    const c = resolveConfig({
      activation: 'relu',
      init: 'gaussian',
      depth: 3,
      inputDim: 8,
      outputDim: 3,
      samples: 30,
    });
    const engine = referenceEngine(c, makeTask(c));
    const agop = toMatrix(engine.agop(initWeights(c))!);
    engine.dispose();
    const top = agop.max();
    expect(top).toBeGreaterThan(0);
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++) expect(agop.get(i, j)).toBeCloseTo(agop.get(j, i), 12);
    for (const v of symmetricEigen(agop).values) expect(v).toBeGreaterThan(-1e-9 * top);
  });
});
