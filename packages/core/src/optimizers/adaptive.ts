import type { Optimizer, OptimizerSettings } from './optimizer.js';
import { zerosLike } from './optimizer.js';

/** RMSprop: v ← ρv + (1−ρ)g², W ← W − η g/(√v + ε), with ρ = beta2 and coupled decay. */
export function rmsprop(s: OptimizerSettings): Optimizer {
  const { learningRate: lr, weightDecay: wd, beta2: rho, eps } = s;
  let v: Float64Array[] | null = null;
  return {
    step(params, grads) {
      v ??= zerosLike(params);
      params.forEach((p, k) => {
        const g = grads[k]!;
        const vk = v![k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]! + wd * p[i]!;
          vk[i] = rho * vk[i]! + (1 - rho) * gi * gi;
          p[i] = p[i]! - (lr * gi) / (Math.sqrt(vk[i]!) + eps);
        }
      });
    },
  };
}

/** Adagrad: s ← s + g², W ← W − η g/(√s + ε), with coupled decay. */
export function adagrad(s: OptimizerSettings): Optimizer {
  const { learningRate: lr, weightDecay: wd, eps } = s;
  let acc: Float64Array[] | null = null;
  return {
    step(params, grads) {
      acc ??= zerosLike(params);
      params.forEach((p, k) => {
        const g = grads[k]!;
        const a = acc![k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]! + wd * p[i]!;
          a[i] = a[i]! + gi * gi;
          p[i] = p[i]! - (lr * gi) / (Math.sqrt(a[i]!) + eps);
        }
      });
    },
  };
}
