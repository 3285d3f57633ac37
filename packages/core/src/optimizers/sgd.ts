import { jsKernels, type Kernels } from '../linalg/kernels.js';
import type { Optimizer, OptimizerSettings } from './optimizer.js';
import { zerosLike } from './optimizer.js';

/** Plain (stochastic) gradient descent with coupled weight decay: W ← W − η(g + λW). */
export function gradientDescent(s: OptimizerSettings, kernels: Kernels = jsKernels): Optimizer {
  const { learningRate: lr, weightDecay: wd } = s;
  return {
    step(params, grads) {
      for (let k = 0; k < params.length; k++) kernels.gdStep(params[k]!, grads[k]!, lr, wd);
    },
  };
}

/**
 * Heavy-ball momentum (v ← μv + g, W ← W − ηv) or, with `nesterov`, Nesterov's variant
 * (W ← W − η(g + μv)), as PyTorch defines them; g includes the coupled decay λW.
 */
export function momentumDescent(s: OptimizerSettings, nesterov: boolean): Optimizer {
  const { learningRate: lr, weightDecay: wd, momentum: mu } = s;
  let velocity: Float64Array[] | null = null;
  return {
    step(params, grads) {
      velocity ??= zerosLike(params);
      params.forEach((p, k) => {
        const g = grads[k]!;
        const v = velocity![k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]! + wd * p[i]!;
          v[i] = mu * v[i]! + gi;
          p[i] = p[i]! - lr * (nesterov ? gi + mu * v[i]! : v[i]!);
        }
      });
    },
  };
}
