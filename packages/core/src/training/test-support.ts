import type { Dense } from '../linalg/dense.js';

/**
 * Central finite differences of a scalar function of the weights, entry by entry, in float64:
 * the independent gradient the engines' tests compare against. Test-only (not built).
 */
export function finiteDifferences(
  lossAt: (w: Dense[]) => number,
  weights: Dense[],
  h = 1e-6,
): Float64Array[] {
  return weights.map((w) => {
    const g = new Float64Array(w.data.length);
    for (let i = 0; i < w.data.length; i++) {
      const keep = w.data[i]!;
      w.data[i] = keep + h;
      const up = lossAt(weights);
      w.data[i] = keep - h;
      const down = lossAt(weights);
      w.data[i] = keep;
      g[i] = (up - down) / (2 * h);
    }
    return g;
  });
}
