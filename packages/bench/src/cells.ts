import type { RunConfigInput } from '@ansatz/core';

/** A canonical benchmark cell: one run config, and which engines can train it. */
export interface BenchCell {
  name: string;
  config: RunConfigInput;
  /** Whether the closed-form linear engine applies (linear activation). */
  linear: boolean;
}

/** The canonical shape: d = 32 inputs, width k = 32, c = 8 outputs, n = 256 samples. */
export const CANONICAL_SHAPE = {
  task: 'linear' as RunConfigInput['task'],
  inputDim: 32,
  width: 32,
  outputDim: 8,
  samples: 256,
  init: 'balanced',
  initScale: 1,
  seed: 0,
} as const satisfies RunConfigInput;

/** The cell compared with the NumPy loop (packages/bench/numpy/linear_gd.py). */
export const NUMPY_CELL = 'linear gd L=4';

/** The cells of the table, in order. Step sizes keep every cell away from divergence. */
export const CELLS: readonly BenchCell[] = [
  ...[2, 4, 8].map((depth): BenchCell => ({
    name: `linear gd L=${depth}`,
    config: { ...CANONICAL_SHAPE, depth, optimizer: 'gd', learningRate: 0.1 / depth },
    linear: true,
  })),
  {
    name: 'linear adam L=4',
    config: { ...CANONICAL_SHAPE, depth: 4, optimizer: 'adam', learningRate: 0.001 },
    linear: true,
  },
  {
    name: 'relu gd L=4',
    config: {
      ...CANONICAL_SHAPE,
      task: 'multi_index_relu',
      activation: 'relu',
      init: 'gaussian',
      depth: 4,
      optimizer: 'gd',
      learningRate: 0.02,
    },
    linear: false,
  },
];
