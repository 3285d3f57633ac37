import type { RunConfig } from '../config/schema.js';
import type { Dense } from '../linalg/dense.js';
import { jsKernels, type KernelMode } from '../linalg/kernels.js';
import type { Task } from '../tasks/task.js';
import type { CohortEngine } from './cohort-engine.js';
import type { Engine } from './engine.js';
import { linearCohortEngine } from './linear-cohort-engine.js';
import { mlpCohortEngine } from './mlp-cohort-engine.js';

/**
 * The engine `auto` resolves to for a config: the closed-form `linear` engine for linear
 * networks, the float64 backprop engine `mlp` for any other activation (both give the
 * reference's numbers, see linear-engine.test.ts and mlp-engine.test.ts). `reference` (TF.js
 * autodiff) only when a config asks for it.
 */
export function engineName(
  c: Pick<RunConfig, 'engine' | 'activation'>,
): 'reference' | 'linear' | 'mlp' {
  if (c.engine !== 'auto') return c.engine;
  return c.activation === 'linear' ? 'linear' : 'mlp';
}

/** A single-run engine (the reference's interface) as a cohort of one on the caller's weights. */
function cohortOfOne(engine: Engine, weights: Dense[]): CohortEngine {
  const losses = new Float64Array(1);
  return {
    name: engine.name,
    size: 1,
    kernels: jsKernels,
    weights: [weights],
    gradients(batches) {
      const { loss, grads } = engine.gradients(weights, batches[0] ?? null);
      losses[0] = loss;
      return { losses, grads: [grads] };
    },
    loss: () => engine.loss(weights),
    agop: () => engine.agop(weights),
    dispose: () => engine.dispose(),
  };
}

/**
 * The engine for a cohort of configs of one shape (`cohortKey`), with `tasks[k]` and the
 * initial weights `initial[k]` of cell k. The float64 engines hold every cell in their own
 * stacks (the loop copies the initial weights in); the reference engine (TF.js autodiff),
 * loaded only when a run needs it, takes one cell, whose weights stay `initial[0]`. Call
 * `initBackend` first for it.
 */
export async function makeCohortEngine(
  configs: readonly RunConfig[],
  tasks: readonly Task[],
  initial: readonly Dense[][],
  mode: KernelMode,
): Promise<CohortEngine> {
  const name = engineName(configs[0]!);
  switch (name) {
    case 'reference': {
      if (configs.length !== 1) throw new Error('the reference engine trains one cell at a time');
      const { referenceEngine } = await import('./reference-engine.js');
      return cohortOfOne(referenceEngine(configs[0]!, tasks[0]!), initial[0]!);
    }
    case 'linear':
      return linearCohortEngine(configs, tasks, mode);
    case 'mlp':
      return mlpCohortEngine(configs, tasks, mode);
  }
}
