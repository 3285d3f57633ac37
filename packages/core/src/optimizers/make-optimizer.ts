import type { RunConfig } from '../config/schema.js';
import { jsKernels, type Kernels } from '../linalg/kernels.js';
import { adam } from './adam.js';
import { adagrad, rmsprop } from './adaptive.js';
import type { Optimizer } from './optimizer.js';
import { gradientDescent, momentumDescent } from './sgd.js';

/**
 * The optimizer a config names, with its settings. Gradient descent updates through `kernels`
 * (the engine's, whose memory holds the parameters; WebAssembly SIMD gives the same bits).
 */
export function makeOptimizer(c: RunConfig, kernels: Kernels = jsKernels): Optimizer {
  switch (c.optimizer) {
    case 'gd':
    case 'sgd':
      return gradientDescent(c, kernels);
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
