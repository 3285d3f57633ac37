import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfigInput } from '../config/schema.js';
import { backpropStepFlops, estimateRunSeconds } from './run-cost.js';

const seconds = (input: RunConfigInput) => estimateRunSeconds(resolveConfig(input));

describe('backpropStepFlops', () => {
  it('counts forward, weight-gradient and input-gradient matmuls plus elementwise work', () => {
    // d = 3, k = 4, c = 2, depth 2, full batch of 5: layer 1 (4×3) forward + weight gradient,
    // layer 2 (2×4) forward + weight gradient + gradient into layer 1's output.
    const c = resolveConfig({ inputDim: 3, width: 4, outputDim: 2, depth: 2, samples: 5 });
    const layer1 = 2 * 5 * 4 * 3 * 2;
    const layer2 = 2 * 5 * 2 * 4 * 3;
    expect(backpropStepFlops(c)).toBe(layer1 + layer2 + 3 * 5 * 2);
    const relu = resolveConfig({ ...c, activation: 'relu', task: 'multi_index_relu' });
    expect(backpropStepFlops(relu)).toBe(layer1 + layer2 + 3 * 5 * 2 + 2 * 5 * 4);
  });
});

describe('estimateRunSeconds', () => {
  it('grows with depth, width, steps and optimizer state', () => {
    const base = seconds({});
    for (const change of [{ depth: 4 }, { width: 64 }, { steps: 4000 }, { optimizer: 'adam' }]) {
      expect(seconds(change as RunConfigInput)).toBeGreaterThan(base);
    }
  });

  it('follows the engine: full-batch linear cost hardly depends on n, backprop cost does', () => {
    // The closed-form engine's full-batch step works on input covariances (free of n).
    const linear = seconds({ samples: 2048 }) / seconds({ samples: 256 });
    expect(linear).toBeLessThan(1.2);
    const relu = { activation: 'relu', task: 'multi_index_relu' } as const;
    const mlp = seconds({ ...relu, samples: 2048 }) / seconds({ ...relu, samples: 256 });
    expect(mlp).toBeGreaterThan(4);
    // The TensorFlow.js reference engine costs more than the closed form on the same config.
    expect(seconds({ engine: 'reference' })).toBeGreaterThan(5 * seconds({}));
  });

  it('ranks a small nonlinear net above a larger linear one, as measured in quick.yaml', () => {
    // quick.yaml recorded ≈ 0.55 s for the relu net and ≈ 0.08 s for the linear gd cell.
    const relu = seconds({
      task: 'multi_index_relu',
      activation: 'relu',
      inputDim: 32,
      width: 32,
      outputDim: 4,
      samples: 24,
      depth: 3,
      optimizer: 'adam',
      steps: 2000,
      logEvery: 200,
    });
    const linear = seconds({ inputDim: 16, width: 16, outputDim: 6, depth: 3, steps: 4000 });
    expect(relu / linear).toBeGreaterThan(3);
    expect(relu / linear).toBeLessThan(15);
  });
});
