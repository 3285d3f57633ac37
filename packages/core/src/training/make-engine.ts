import type { RunConfig } from '../config/schema.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';
import { referenceEngine } from './reference-engine.js';

/** The engine `auto` resolves to for a config, and an instance of the one a config names. */
export function engineName(c: RunConfig): 'reference' | 'linear' {
  return c.engine === 'auto' ? 'reference' : c.engine;
}

export function makeEngine(c: RunConfig, task: Task): Engine {
  const name = engineName(c);
  switch (name) {
    case 'reference':
      return referenceEngine(c, task);
    case 'linear':
      throw new Error('the linear engine is not built yet');
  }
}
