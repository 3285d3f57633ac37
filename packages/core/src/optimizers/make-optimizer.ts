import type { RunConfig } from '../config/schema.js';
import { adam } from './adam.js';
import { adagrad, rmsprop } from './adaptive.js';
import type { Optimizer } from './optimizer.js';
import { gradientDescent, momentumDescent } from './sgd.js';

/** The optimizer a config names, with its settings. */
export function makeOptimizer(c: RunConfig): Optimizer {
  switch (c.optimizer) {
    case 'gd':
    case 'sgd':
      return gradientDescent(c);
    case 'momentum':
      return momentumDescent(c, false);
    case 'nesterov':
      return momentumDescent(c, true);
    case 'adam':
      return adam(c, false);
    case 'adamw':
      return adam(c, true);
    case 'rmsprop':
      return rmsprop(c);
    case 'adagrad':
      return adagrad(c);
  }
}
