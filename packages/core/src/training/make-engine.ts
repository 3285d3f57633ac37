import type { RunConfig } from '../config/schema.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';
import { linearEngine } from './linear-engine.js';

/**
 * The engine `auto` resolves to for a config: the closed-form `linear` engine for linear
 * networks (same numbers as the reference, see linear-engine.test.ts), else `reference`.
 */
export function engineName(c: RunConfig): 'reference' | 'linear' {
  if (c.engine !== 'auto') return c.engine;
  return c.activation === 'linear' ? 'linear' : 'reference';
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
  }
}
