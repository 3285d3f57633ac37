import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { ALPHA_MAX, ALPHA_MIN, alphaHat, alphaHatSpectral } from './alpha-hat.js';
import { agopLinear, gram } from './gram.js';
import { nfaCorrCurve } from './nfa-corr.js';
import { psdPower } from './psd-power.js';
import {
  gaussian,
  gaussianMatrix,
  orthonormalColumns,
  symmetricWithSpectrum,
} from './test-support.js';

/** Brute force: the best of a fine uniform grid over [0.02, 2]. */
function bruteForce(g: Matrix, a: Matrix, points: number): { alpha: number; corr: number } {
  const curve = nfaCorrCurve(g, a);
  let best = { alpha: Number.NaN, corr: Number.NEGATIVE_INFINITY };
  for (let i = 0; i < points; i++) {
    const alpha = ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / (points - 1);
    const corr = curve(alpha)!;
    if (corr > best.corr) best = { alpha, corr };
  }
  return best;
}

describe('alphaHat', () => {
  it('matches a 20001-point brute-force search on random networks', () => {
    for (const seed of [40, 41, 42, 43, 44]) {
      const g = gaussian(seed);
      const weights = [gaussianMatrix(g, 9, 6), gaussianMatrix(g, 9, 9), gaussianMatrix(g, 3, 9)];
      const gr = gram(weights[0]!);
      const agop = agopLinear(weights);
      const found = alphaHat(gr, agop);
      const brute = bruteForce(gr, agop, 20001);
      expect(found.alpha!).toBeGreaterThanOrEqual(ALPHA_MIN);
      expect(found.alpha!).toBeLessThanOrEqual(ALPHA_MAX);
      expect(Math.abs(found.alpha! - brute.alpha)).toBeLessThan(2e-4);
      expect(found.corr!).toBeGreaterThanOrEqual(brute.corr - 1e-12);
      expect(found.corr!).toBeCloseTo(nfaCorrCurve(gr, agop)(found.alpha!)!, 14);
    }
  });

  it('matches brute force on random PSD pairs, including optima at the ends of the range', () => {
    for (const seed of [45, 46, 47, 48]) {
      const g = gaussian(seed);
      const x = gaussianMatrix(g, 7, 7);
      const y = gaussianMatrix(g, 7, 7);
      const gr = x.transpose().mmul(x);
      const agop = y.transpose().mmul(y);
      const found = alphaHat(gr, agop);
      const brute = bruteForce(gr, agop, 20001);
      expect(Math.abs(found.alpha! - brute.alpha)).toBeLessThan(2e-4);
      expect(found.corr!).toBeGreaterThanOrEqual(brute.corr - 1e-12);
    }
    // gram = AGOP^3 and AGOP^0.005 lie outside [0.02, 2]: the optimum is at the boundary.
    const a = symmetricWithSpectrum(gaussian(49), 5, [3, 2, 1.5, 1]);
    expect(alphaHat(psdPower(a, 3), a).alpha!).toBeCloseTo(ALPHA_MAX, 4);
    expect(alphaHat(psdPower(a, 0.005), a).alpha!).toBeCloseTo(ALPHA_MIN, 4);
  });

  it('recovers a planted exponent', () => {
    const a = symmetricWithSpectrum(gaussian(50), 8, [100, 30, 10, 3, 1]);
    for (const alpha of [0.1, 0.25, 0.5, 0.8, 1.3]) {
      const found = alphaHat(psdPower(a, alpha).mul(4), a);
      expect(found.alpha!).toBeCloseTo(alpha, 4);
      expect(found.corr!).toBeGreaterThan(1 - 1e-12);
    }
  });

  it('is not identifiable for a rank-one or isotropic AGOP, and null without a gram', () => {
    const g = gaussian(51);
    const u = orthonormalColumns(g, 6, 1);
    const rankOne = u.mmul(u.transpose()).mul(5);
    const gr = gram(gaussianMatrix(g, 4, 6));
    const r1 = alphaHat(gr, rankOne);
    expect(r1.alpha).toBeNull();
    expect(r1.corr!).toBeCloseTo(nfaCorrCurve(gr, rankOne)(1)!, 14);
    expect(alphaHat(gr, Matrix.eye(6).mul(2)).alpha).toBeNull();
    expect(alphaHat(new Matrix(6, 6), rankOne)).toEqual({ alpha: null, corr: null });
  });
});

describe('alphaHatSpectral', () => {
  it('is the exponent when gram eigenvalues are a power of the AGOP eigenvalues', () => {
    const g = gaussian(52);
    const v = orthonormalColumns(g, 7, 7);
    const w = orthonormalColumns(g, 7, 7);
    const lambda = [50, 20, 8, 2, 0.5, 0.1, 0.02];
    const a = v.mmul(Matrix.diag(lambda)).mmul(v.transpose());
    // Eigenvectors need not match: the spectral estimate pairs sorted spectra only.
    const gr = w.mmul(Matrix.diag(lambda.map((l) => 3 * l ** 0.4))).mmul(w.transpose());
    expect(alphaHatSpectral(gr, a)!).toBeCloseTo(0.4, 10);
  });

  it('is the least-squares slope over pairs above the 1e-8 threshold, recomputed by hand', () => {
    const g = gaussian(53);
    const la = [10, 4, 1, 5e-9, 1e-10]; // the last two fall below 1e-8·λ_max
    const lg = [7, 3, 2.5, 1, 0.5];
    const a = symmetricWithSpectrum(g, 5, la);
    const gr = symmetricWithSpectrum(g, 5, lg);
    const xs = la.slice(0, 3).map(Math.log);
    const ys = lg.slice(0, 3).map(Math.log);
    const mx = (xs[0]! + xs[1]! + xs[2]!) / 3;
    const my = (ys[0]! + ys[1]! + ys[2]!) / 3;
    const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
    const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(alphaHatSpectral(gr, a)!).toBeCloseTo(num / den, 9);
  });

  it('is null for a rank-one AGOP, an isotropic AGOP, a zero AGOP, or a rank-one gram', () => {
    const g = gaussian(54);
    const u = orthonormalColumns(g, 6, 1);
    const rankOne = u.mmul(u.transpose()).mul(3);
    const gr = gram(gaussianMatrix(g, 6, 6));
    expect(alphaHatSpectral(gr, rankOne)).toBeNull();
    expect(alphaHatSpectral(gr, Matrix.eye(6))).toBeNull();
    expect(alphaHatSpectral(gr, new Matrix(6, 6))).toBeNull();
    const a = symmetricWithSpectrum(g, 6, [5, 3, 1]);
    expect(alphaHatSpectral(rankOne, a)).toBeNull();
  });
});
