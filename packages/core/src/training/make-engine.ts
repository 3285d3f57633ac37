import type { RunConfig } from '../config/schema.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';
import { linearEngine } from './linear-engine.js';
import { referenceEngine } from './reference-engine.js';

/**
 * The engine `auto` resolves to for a config: the closed-form `linear` engine for linear
 * networks (same numbers as the reference, see linear-engine.test.ts), else `reference`.
 */
export function engineName(c: RunConfig): 'reference' | 'linear' {
  if (c.engine !== 'auto') return c.engine;
  return c.activation === 'linear' ? 'linear' : 'reference';
}

export function makeEngine(c: RunConfig, task: Task): Engine {
  const name = engineName(c);
  switch (name) {
    case 'reference':
      return referenceEngine(c, task);
    case 'linear':
      return linearEngine(c, task);
  }
}
