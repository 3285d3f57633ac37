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

  it('draws independent weights for each init scale (the stream label names kind and scale)', () => {
    const shape = { init: 'gaussian' as const, depth: 2, width: 32, inputDim: 32, seed: 3 };
    const w1 = (initScale: number) => initWeights(resolveConfig({ ...shape, initScale }))[0]!.data;
    const r = pearson(w1(0.5), w1(1.2));
    expect(Math.abs(r)).toBeLessThan(0.2);
    // The same scale twice is the same draw.
    expect(Array.from(w1(0.5))).toEqual(Array.from(w1(0.5)));
    // And a kind change with the same scale is a new draw too (orthogonal vs gaussian share nothing).
    const orth = initWeights(resolveConfig({ ...shape, init: 'orthogonal', initScale: 0.5 }))[0]!;
    expect(Math.abs(pearson(w1(0.5), orth.data))).toBeLessThan(0.2);
  });

  it('near_balanced draws independent noise for each perturbation size', () => {
    const shape = { depth: 2, width: 32, inputDim: 32, outputDim: 32, initScale: 1, seed: 4 };
    const base = initWeights(resolveConfig({ ...shape, init: 'balanced' }))[0]!.data;
    const noise = (initPerturb: number) => {
      const w = initWeights(resolveConfig({ ...shape, init: 'near_balanced', initPerturb }))[0]!;
      return w.data.map((v, i) => v - base[i]!);
    };
    // The base is the balanced net of the same seed and scale: the difference is the noise alone.
    const size = (a: Float64Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));
    expect(size(noise(0.1)) / size(base)).toBeGreaterThan(0.09);
    expect(size(noise(0.1)) / size(base)).toBeLessThan(0.11);
    expect(Math.abs(pearson(noise(0.1), noise(0.3)))).toBeLessThan(0.2);
    expect(Array.from(noise(0.1))).toEqual(Array.from(noise(0.1)));
  });
});

/** Pearson correlation of two equally long arrays. */
function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
