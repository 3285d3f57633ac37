import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { agopLinear, endToEnd, gram } from './gram.js';
import { symmetricEigen } from './psd-power.js';
import { gaussian, gaussianMatrix, maxAbs, maxAbsDiff } from './test-support.js';

function randomNet(seed: number, dims: readonly number[]): Matrix[] {
  const g = gaussian(seed);
  return dims.slice(1).map((out, l) => gaussianMatrix(g, out, dims[l]!, 1 / Math.sqrt(dims[l]!)));
}

describe('gram', () => {
  it('is W1ᵀW1, recomputed with plain loops', () => {
    const w1 = gaussianMatrix(gaussian(20), 7, 5);
    const g = gram(w1);
    expect([g.rows, g.columns]).toEqual([5, 5]);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        let s = 0;
        for (let k = 0; k < 7; k++) s += w1.get(k, i) * w1.get(k, j);
        expect(g.get(i, j)).toBeCloseTo(s, 12);
      }
    }
  });
});

describe('endToEnd', () => {
  it('multiplies W_L ⋯ W_1 in order, checked on a vector', () => {
    const weights = randomNet(21, [6, 9, 8, 3]);
    const w = endToEnd(weights);
    expect([w.rows, w.columns]).toEqual([3, 6]);
    const x = gaussianMatrix(gaussian(22), 6, 1);
    let h = x;
    for (const wl of weights) h = wl.mmul(h);
    expect(maxAbsDiff(w.mmul(x), h)).toBeLessThan(1e-12);
  });

  it('returns a copy for a single layer and rejects shapes that do not chain', () => {
    const [w1] = randomNet(23, [4, 3]);
    const e = endToEnd([w1!]);
    e.set(0, 0, 99);
    expect(w1!.get(0, 0)).not.toBeCloseTo(99, 6);
    expect(() => endToEnd([new Matrix(3, 4), new Matrix(2, 5)])).toThrow(/W_2 is 2×5.*needs 3/);
    expect(() => endToEnd([])).toThrow(/at least one/);
  });
});

describe('agopLinear', () => {
  it('is symmetric PSD with rank min(c, d) and equals the mean of JᵀJ over inputs', () => {
    const weights = randomNet(24, [8, 10, 10, 3]);
    const agop = agopLinear(weights);
    expect([agop.rows, agop.columns]).toEqual([8, 8]);
    expect(maxAbsDiff(agop, agop.transpose())).toBeLessThanOrEqual(1e-15 * maxAbs(agop));
    const { values } = symmetricEigen(agop);
    expect(Math.min(...values)).toBeGreaterThan(-1e-12 * values[0]!);
    expect(values[2]!).toBeGreaterThan(1e-6 * values[0]!);
    expect(Math.abs(values[3]!)).toBeLessThan(1e-12 * values[0]!);
    // Jacobian of f(x) = W x by finite differences at a random point: exact for a linear map.
    const x = gaussianMatrix(gaussian(25), 8, 1);
    const f = (v: Matrix): Matrix => endToEnd(weights).mmul(v);
    const jac = new Matrix(3, 8);
    for (let j = 0; j < 8; j++) {
      const xp = x.clone();
      xp.set(j, 0, x.get(j, 0) + 1);
      const col = f(xp).sub(f(x));
      for (let i = 0; i < 3; i++) jac.set(i, j, col.get(i, 0));
    }
    expect(maxAbsDiff(jac.transpose().mmul(jac), agop)).toBeLessThan(1e-10 * maxAbs(agop));
  });
});
