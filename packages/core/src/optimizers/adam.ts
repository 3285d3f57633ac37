import type { Optimizer, OptimizerSettings } from './optimizer.js';
import { zerosLike } from './optimizer.js';

/**
 * Adam with bias correction. Coupled decay (`adam`: g ← g + λW before the moments) or
 * decoupled (`adamw`: W ← W − ηλW, then the Adam step on the plain gradient).
 */
export function adam(s: OptimizerSettings, decoupled: boolean): Optimizer {
  const { learningRate: lr, weightDecay: wd, beta1: b1, beta2: b2, eps } = s;
  let m: Float64Array[] | null = null;
  let v: Float64Array[] | null = null;
  let t = 0;
  return {
    step(params, grads) {
      m ??= zerosLike(params);
      v ??= zerosLike(params);
      t += 1;
      const c1 = 1 - Math.pow(b1, t);
      const c2 = 1 - Math.pow(b2, t);
      params.forEach((p, k) => {
        const g = grads[k]!;
        const mk = m![k]!;
        const vk = v![k]!;
        for (let i = 0; i < p.length; i++) {
          let w = p[i]!;
          let gi = g[i]!;
          if (decoupled) w -= lr * wd * w;
          else gi += wd * w;
          mk[i] = b1 * mk[i]! + (1 - b1) * gi;
          vk[i] = b2 * vk[i]! + (1 - b2) * gi * gi;
          p[i] = w - (lr * (mk[i]! / c1)) / (Math.sqrt(vk[i]! / c2) + eps);
        }
      });
    },
  };
}
