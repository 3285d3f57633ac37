import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMatrix } from '../linalg/dense.js';
import { ALPHA_MAX, ALPHA_MIN } from './alpha-hat.js';
import { columnGramDense, endToEndDense } from './dense-gram.js';
import { columnGramPositiveEigen } from './low-rank-eigen.js';
import {
  centredCorr,
  centredCorrBest,
  centredCorrCurve,
  centredCorrCurveOf,
  type CentredCorrCurve,
} from './centred-corr.js';
import { gramTimesVectors } from './nfa-curve.js';
import {
  balancedNet,
  gaussian,
  gaussianMatrix,
  orthonormalColumns,
  symmetricWithSpectrum,
} from './test-support.js';

/**
 * Independent dense recomputation: A^α from ml-matrix's own symmetric eigendecomposition
 * (eigenvalues below 1e-10·λ_max count as 0, as round-off), both matrices centred by
 * subtracting trace/d on the diagonal, then the Frobenius cosine entry by entry.
 */
function denseCentredCosine(g: Matrix, a: Matrix, alpha: number): number {
  const d = a.rows;
  const e = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const values = e.realEigenvalues;
  const lmax = Math.max(...values);
  const powered = values.map((l) => (l > 1e-10 * lmax ? l ** alpha : 0));
  const v = e.eigenvectorMatrix;
  const p = v.mmul(Matrix.diag(powered)).mmul(v.transpose());
  const centre = (m: Matrix) => {
    let tr = 0;
    for (let i = 0; i < d; i++) tr += m.get(i, i);
    const c = m.clone();
    for (let i = 0; i < d; i++) c.set(i, i, c.get(i, i) - tr / d);
    return c;
  };
  const x = centre(g);
  const y = centre(p);
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      xy += x.get(i, j) * y.get(i, j);
      xx += x.get(i, j) ** 2;
      yy += y.get(i, j) ** 2;
    }
  }
  return xy / Math.sqrt(xx * yy);
}

const ALPHAS = [0.02, 0.1, 1 / 3, 0.5, 1, 1.5, 2];

/** A random deep linear net's gram and (rank-c) AGOP, as nfaMetrics sees them. */
function randomNet(seed: number, dims: number[]) {
  const g = gaussian(seed);
  const weights = dims.slice(1).map((o, l) => gaussianMatrix(g, o, dims[l]!));
  const dense = weights.map(fromMatrix);
  const gram = columnGramDense(dense[0]!);
  const product = endToEndDense(dense);
  const agop = columnGramDense(product);
  return { gram, agop, eigen: columnGramPositiveEigen(product) };
}

describe('centred NFA correlation ρ_c(α)', () => {
  it('equals an independent dense recomputation on random nets (low-rank AGOP)', () => {
    for (const [seed, dims] of [
      [1, [12, 16, 4]],
      [2, [10, 8, 8, 3]],
      [3, [16, 20, 20, 20, 6]],
    ] as const) {
      const { gram, agop, eigen } = randomNet(seed, [...dims]);
      const curve = centredCorrCurveOf(gram, eigen, gramTimesVectors(gram, eigen));
      const g = new Matrix(gram.rows, gram.cols);
      const a = new Matrix(agop.rows, agop.cols);
      for (let i = 0; i < gram.rows; i++) {
        for (let j = 0; j < gram.cols; j++) {
          g.set(i, j, gram.data[i * gram.cols + j]!);
          a.set(i, j, agop.data[i * agop.cols + j]!);
        }
      }
      for (const alpha of ALPHAS) {
        expect(Math.abs(curve(alpha)! - denseCentredCosine(g, a, alpha))).toBeLessThan(1e-10);
      }
    }
  });

  it('equals the dense recomputation on full-rank PSD pairs (the ml-matrix entry point)', () => {
    for (const seed of [4, 5, 6]) {
      const r = gaussian(seed);
      const x = gaussianMatrix(r, 9, 9);
      const y = gaussianMatrix(r, 9, 9);
      const g = x.transpose().mmul(x);
      const a = y.transpose().mmul(y);
      const curve = centredCorrCurve(g, a);
      expect(curve.rank).toBe(9);
      for (const alpha of ALPHAS) {
        const expected = denseCentredCosine(g, a, alpha);
        expect(Math.abs(curve(alpha)! - expected)).toBeLessThan(1e-10);
        expect(Math.abs(centredCorr(g, a, alpha)! - expected)).toBeLessThan(1e-10);
      }
    }
  });

  it('is invariant to scaling G and the AGOP', () => {
    const r = gaussian(7);
    const g = symmetricWithSpectrum(r, 8, [5, 3, 2, 1, 0.5]);
    const a = symmetricWithSpectrum(r, 8, [40, 9, 3, 1, 0.2, 0.1]);
    const base = centredCorrCurve(g, a);
    for (const [sg, sa] of [
      [1e-10, 1],
      [1, 1e8],
      [3.7, 1e-12],
    ] as const) {
      const scaled = centredCorrCurve(g.clone().mul(sg), a.clone().mul(sa));
      for (const alpha of ALPHAS) expect(scaled(alpha)!).toBeCloseTo(base(alpha)!, 12);
    }
  });

  it('is 1 at α = 1/L for a balanced chain (G = AGOP^{1/L}), and its best α is 1/L', () => {
    for (const depth of [2, 3, 4]) {
      const ws = balancedNet(
        gaussian(10 + depth),
        { inputDim: 8, outputDim: 4, width: 10, depth },
        [2, 1.5, 1.2, 1.1],
      ).map(fromMatrix);
      const gram = columnGramDense(ws[0]!);
      const curve = centredCorrCurveOf(gram, columnGramPositiveEigen(endToEndDense(ws)));
      expect(curve(1 / depth)!).toBeGreaterThan(1 - 1e-10);
      expect(curve(1 / depth)!).toBeLessThan(1 + 1e-12);
      expect(curve(2 / depth)!).toBeLessThan(0.999);
      const best = centredCorrBest(curve);
      expect(Math.abs(best.alpha! - 1 / depth)).toBeLessThan(1e-4);
      expect(best.corr!).toBeGreaterThan(1 - 1e-10);
    }
  });

  it('is null for an isotropic G (exactly I, or σ²I up to round-off) and for an isotropic AGOP', () => {
    const r = gaussian(20);
    const a = symmetricWithSpectrum(r, 6, [9, 4, 1, 0.3]);
    const curve = centredCorrCurve(Matrix.eye(6), a);
    for (const alpha of ALPHAS) expect(curve(alpha)).toBeNull();
    expect(centredCorrBest(curve)).toEqual({ alpha: null, corr: null });
    // W_1 with orthonormal columns times 3: W_1ᵀW_1 = 9·I but for round-off.
    const w = orthonormalColumns(r, 10, 6).mul(3);
    expect(centredCorr(w.transpose().mmul(w), a, 0.5)).toBeNull();
    // A full-rank AGOP with one eigenvalue: A^α − aI = 0 for every α.
    const q = orthonormalColumns(r, 6, 6);
    const iso = q.mmul(q.transpose()).mul(2.5);
    expect(centredCorr(symmetricWithSpectrum(r, 6, [3, 2, 1]), iso, 0.5)).toBeNull();
    // Not null for a merely nearly isotropic G.
    const near = Matrix.eye(6).add(symmetricWithSpectrum(r, 6, [1e-4]));
    expect(centredCorr(near, a, 0.5)).not.toBeNull();
  });

  it('knows when α is identifiable: three spectral levels needed (0 counts when rank < d)', () => {
    const r = gaussian(30);
    const g = symmetricWithSpectrum(r, 6, [5, 3, 2, 1, 0.5, 0.2]);
    const levels = (spectrum: number[]): CentredCorrCurve =>
      centredCorrCurve(g, symmetricWithSpectrum(r, 6, spectrum));
    // Full rank, two levels: A^α − aI ∝ P − (m/d)·I for every α: flat curve.
    const two = levels([4, 4, 1, 1, 1, 1]);
    expect(two.identifiable).toBe(false);
    expect(Math.abs(two(0.1)! - two(1.9)!)).toBeLessThan(1e-9);
    const twoBest = centredCorrBest(two);
    expect(twoBest.alpha).toBeNull();
    expect(twoBest.corr).not.toBeNull();
    // Full rank, three levels; rank deficient with two positive levels; rank one.
    expect(levels([4, 2, 1, 1, 1, 1]).identifiable).toBe(true);
    expect(levels([4, 1, 1]).identifiable).toBe(true);
    expect(levels([4, 1, 1])(0.1)).not.toBeCloseTo(levels([4, 1, 1])(1.9)!, 3);
    expect(levels([4]).identifiable).toBe(false);
    expect(levels([4]).rank).toBe(1);
  });

  it('centredCorrBest finds the maximum of a 20001-point grid', () => {
    for (const seed of [40, 41, 42]) {
      const { gram, eigen } = randomNet(seed, [9, 9, 9, 4]);
      const curve = centredCorrCurveOf(gram, eigen);
      let brute = { alpha: Number.NaN, corr: Number.NEGATIVE_INFINITY };
      for (let i = 0; i < 20001; i++) {
        const alpha = ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / 20000;
        const c = curve(alpha)!;
        if (c > brute.corr) brute = { alpha, corr: c };
      }
      const best = centredCorrBest(curve);
      expect(best.corr!).toBeGreaterThanOrEqual(brute.corr - 1e-12);
      expect(Math.abs(best.alpha! - brute.alpha)).toBeLessThan(2e-4);
      expect(best.corr!).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('rejects mismatched shapes', () => {
    const { gram } = randomNet(50, [5, 5, 2]);
    const { eigen } = randomNet(51, [6, 5, 2]);
    expect(() => centredCorrCurveOf(gram, eigen)).toThrow(/gram is 5×5, agop is 6×6/);
  });
});
