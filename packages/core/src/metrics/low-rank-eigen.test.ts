import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMatrix } from '../linalg/dense.js';
import { columnGram } from './gram.js';
import { columnGramEigen, columnGramPositiveEigen } from './low-rank-eigen.js';
import { positivePart } from './positive-eigen.js';
import { clampedEigenvalues, psdPowerFromEigen, symmetricEigen } from './psd-power.js';
import { alphaHatSpectralFromEigen } from './alpha-hat.js';
import { nfaCorrCurveFromEigen } from './nfa-corr.js';
import { gaussian, gaussianMatrix, maxAbsDiff } from './test-support.js';

describe('columnGramEigen: eigendecomposition of WᵀW through WWᵀ', () => {
  const g = gaussian(123);
  for (const [rows, cols] of [
    [3, 8],
    [1, 5],
    [6, 32],
    [8, 8],
    [9, 4],
  ] as const) {
    it(`${rows}×${cols}: same spectrum, powers and NFA curve as the full decomposition`, () => {
      const w = gaussianMatrix(g, rows, cols);
      const full = symmetricEigen(columnGram(w));
      const fast = columnGramEigen(w);
      const scale = full.values[0]!;
      // Eigenvalues: the top min(rows, cols) agree, the rest are (round-off) zeros.
      const a = clampedEigenvalues(full.values);
      const b = clampedEigenvalues(fast.values);
      a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThan(1e-12 * scale));
      expect(b.filter((v) => v > 0).length).toBe(Math.min(rows, cols));
      // Eigenvectors of the positive eigenvalues are unit eigenvectors of WᵀW.
      const m = columnGram(w);
      for (let k = 0; k < Math.min(rows, cols); k++) {
        const v = fast.vectors.getColumnVector(k);
        expect(v.norm()).toBeCloseTo(1, 12);
        expect(maxAbsDiff(m.mmul(v), v.clone().mul(fast.values[k]!))).toBeLessThan(1e-11 * scale);
      }
      // What the metrics compute from it: M^α, the nfaCorr curve, alphaHatSpectral.
      for (const alpha of [0.25, 0.5, 1]) {
        expect(
          maxAbsDiff(psdPowerFromEigen(fast, alpha), psdPowerFromEigen(full, alpha)),
        ).toBeLessThan(1e-11 * Math.pow(scale, alpha));
      }
      const gram = columnGram(gaussianMatrix(g, cols + 1, cols));
      const cf = nfaCorrCurveFromEigen(gram, fast);
      const cs = nfaCorrCurveFromEigen(gram, full);
      for (const alpha of [0.1, 0.5, 1.5]) expect(cf(alpha)!).toBeCloseTo(cs(alpha)!, 11);
      const sf = alphaHatSpectralFromEigen(symmetricEigen(gram), fast);
      const ss = alphaHatSpectralFromEigen(symmetricEigen(gram), full);
      if (ss === null) expect(sf).toBeNull();
      else expect(sf!).toBeCloseTo(ss, 9);
    });
  }
});

describe('columnGramPositiveEigen: the positive eigenpairs of WᵀW from row-major W', () => {
  const g = gaussian(124);

  /** |v·v'| of unit vectors: eigenvectors are determined up to sign. */
  const alignment = (a: Float64Array, b: Float64Array) =>
    Math.abs(a.reduce((s, x, i) => s + x * b[i]!, 0));

  for (const [rows, cols, rank] of [
    [3, 8, 3],
    [8, 32, 8],
    [6, 10, 2],
    [9, 4, 4],
    [5, 5, 5],
  ] as const) {
    it(`${rows}×${cols} of rank ${rank}: the full decomposition's positive part`, () => {
      // W = A B with A rows × rank, B rank × cols.
      const w = gaussianMatrix(g, rows, rank).mmul(gaussianMatrix(g, rank, cols));
      const fast = columnGramPositiveEigen(fromMatrix(w));
      const full = positivePart(symmetricEigen(columnGram(w)));
      expect(fast.dim).toBe(cols);
      expect(fast.values.length).toBe(cols);
      expect(fast.positive.length).toBe(rank);
      expect(full.positive.length).toBe(rank);
      const scale = full.positive[0]!;
      fast.positive.forEach((v, k) =>
        expect(Math.abs(v - full.positive[k]!)).toBeLessThan(1e-12 * scale),
      );
      for (let k = 0; k < rank; k++) {
        const a = fast.vectors.subarray(k * cols, (k + 1) * cols);
        const b = full.vectors.subarray(k * cols, (k + 1) * cols);
        expect(alignment(a, a)).toBeCloseTo(1, 12);
        expect(alignment(a, b)).toBeCloseTo(1, 8);
      }
    });
  }

  it('reports no eigenpairs, without throwing, when λ_max overflows', () => {
    // WᵀW has entries 1e308 + 1 (finite), WWᵀ the entry 8e308 = ∞ ≤ λ_max.
    const w = new Matrix(2, 8);
    for (let j = 0; j < 8; j++) {
      w.set(0, j, 1e154);
      w.set(1, j, j % 2 ? 1 : -1);
    }
    const e = columnGramPositiveEigen(fromMatrix(w));
    expect(e.positive.length).toBe(0);
    expect(Number.isNaN(e.values[0]!)).toBe(true);
    const tall = columnGramPositiveEigen(fromMatrix(Matrix.ones(8, 2).mul(1e154)));
    expect(tall.positive.length).toBe(0);
  });
});
