import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { toMatrix } from '../linalg/dense.js';
import { imbalanceBoth } from '../metrics/imbalance.js';
import { initWeights } from './make-init.js';

const imbalanceRelOf = (cfg: Parameters<typeof resolveConfig>[0]) =>
  imbalanceBoth(initWeights(resolveConfig(cfg)).map(toMatrix)).imbalanceRel;

describe('initWeights', () => {
  it.each([
    [2, 16, 16, 4],
    [3, 24, 16, 6],
    [4, 8, 16, 4],
    [6, 32, 12, 3],
    [8, 10, 20, 20],
  ])('balanced is balanced (L=%i, width=%i, d=%i, c=%i)', (depth, width, inputDim, outputDim) => {
    for (const seed of [0, 1, 2]) {
      const rel = imbalanceRelOf({ init: 'balanced', depth, width, inputDim, outputDim, seed });
      expect(rel).not.toBeNull();
      expect(rel!).toBeLessThanOrEqual(1e-5);
    }
  });

  it('gaussian, orthogonal and near_balanced are unbalanced, the last by the amount asked', () => {
    const base = { depth: 3, width: 16, inputDim: 16, outputDim: 4 };
    expect(imbalanceRelOf({ ...base, init: 'gaussian' })!).toBeGreaterThan(0.3);
    expect(imbalanceRelOf({ ...base, init: 'orthogonal' })!).toBeGreaterThan(0.1);
    const small = imbalanceRelOf({ ...base, init: 'near_balanced', initPerturb: 0.01 })!;
    const large = imbalanceRelOf({ ...base, init: 'near_balanced', initPerturb: 0.1 })!;
    expect(small).toBeGreaterThan(1e-4);
    expect(large / small).toBeGreaterThan(5);
  });

  it('gaussian entries have variance initScale²/fan_in', () => {
    const c = resolveConfig({ init: 'gaussian', depth: 2, width: 200, inputDim: 50, initScale: 2 });
    const [w1] = initWeights(c);
    let ss = 0;
    for (const v of w1!.data) ss += v * v;
    const variance = ss / w1!.data.length;
    expect(variance).toBeGreaterThan(0.9 * (4 / 50));
    expect(variance).toBeLessThan(1.1 * (4 / 50));
  });

  it('orthogonal layers have orthonormal rows or columns times initScale', () => {
    const c = resolveConfig({ init: 'orthogonal', depth: 2, width: 24, inputDim: 8, initScale: 3 });
    const w1 = toMatrix(initWeights(c)[0]!);
    const g = w1.transpose().mmul(w1);
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++) expect(g.get(i, j)).toBeCloseTo(i === j ? 9 : 0, 9);
  });

  it('is determined by the seed', () => {
    const a = initWeights(resolveConfig({ init: 'gaussian', seed: 5 }));
    const b = initWeights(resolveConfig({ init: 'gaussian', seed: 5 }));
    const c = initWeights(resolveConfig({ init: 'gaussian', seed: 6 }));
    expect(Array.from(a[0]!.data)).toEqual(Array.from(b[0]!.data));
    expect(Array.from(a[0]!.data)).not.toEqual(Array.from(c[0]!.data));
  });
});
