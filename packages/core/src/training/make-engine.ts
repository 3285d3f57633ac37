import type { RunConfig } from '../config/schema.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';
import { linearEngine } from './linear-engine.js';
import { mlpEngine } from './mlp-engine.js';

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

/**
 * An instance of the engine a config names. The reference engine (and TensorFlow.js with it)
 * is loaded only when a run needs it; call `initBackend` first.
 */
export async function makeEngine(c: RunConfig, task: Task): Promise<Engine> {
  const name = engineName(c);
  switch (name) {
    case 'reference':
      return (await import('./reference-engine.js')).referenceEngine(c, task);
    case 'linear':
      return linearEngine(c, task);
    case 'mlp':
      return mlpEngine(c, task);
  }
}
