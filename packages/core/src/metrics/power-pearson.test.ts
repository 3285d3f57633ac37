import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMatrix } from '../linalg/dense.js';
import { columnGramDense, endToEndDense } from './dense-gram.js';
import { agopLinear, gram } from './gram.js';
import { columnGramPositiveEigen } from './low-rank-eigen.js';
import { cosineSimilarity, pearsonEntries } from './nfa-corr.js';
import { nfaCorrCurveOf } from './nfa-curve.js';
import { symmetricPositiveEigen } from './positive-eigen.js';
import { pearsonWithPower } from './power-pearson.js';
import { psdPower } from './psd-power.js';
import { gaussian, gaussianMatrix, symmetricWithSpectrum } from './test-support.js';

/** A random net d → width → … → c of `depth` layers, as `Matrix` weights. */
function randomNet(seed: number, d: number, width: number, c: number, depth: number): Matrix[] {
  const g = gaussian(seed);
  const dims = [d, ...Array.from({ length: depth - 1 }, () => width), c];
  return dims.slice(1).map((out, l) => gaussianMatrix(g, out, dims[l]!, 1 / Math.sqrt(dims[l]!)));
}

/** Eigen-based Pearson and nfaCorr at α, and the direct ones on gram and psdPower(agop, α). */
function bothWays(weights: Matrix[], alpha: number, agop?: Matrix) {
  const dense = weights.map(fromMatrix);
  const g = columnGramDense(dense[0]!);
  const eigen = agop
    ? symmetricPositiveEigen(fromMatrix(agop))
    : columnGramPositiveEigen(endToEndDense(dense));
  const gr = gram(weights[0]!);
  const power = psdPower(agop ?? agopLinear(weights), alpha);
  return {
    pearson: pearsonWithPower(g, eigen, alpha),
    corr: nfaCorrCurveOf(g, eigen)(alpha),
    directPearson: pearsonEntries(gr, power),
    directCorr: cosineSimilarity(gr, power),
  };
}

function expectAgreement(r: ReturnType<typeof bothWays>): void {
  expect(r.directPearson).not.toBeNull();
  expect(r.directCorr).not.toBeNull();
  expect(Math.abs(r.pearson! - r.directPearson!)).toBeLessThan(1e-10);
  expect(Math.abs(r.corr! - r.directCorr!)).toBeLessThan(1e-10);
}

describe('pearsonWithPower and the curve at α = 1/L, against AGOP^α formed explicitly', () => {
  // [inputs d, width, outputs c]: width ≠ d, c < d (low-rank AGOP), c ≥ d (full rank).
  const shapes = [
    [32, 32, 8],
    [8, 10, 4],
    [12, 5, 3],
    [6, 9, 6],
    [5, 7, 9],
    [7, 4, 1],
  ] as const;
  for (const [d, width, c] of shapes) {
    for (let depth = 1; depth <= 6; depth++) {
      it(`d=${d} width=${width} c=${c}, depth ${depth}`, () => {
        const weights = randomNet(1000 * d + 10 * c + depth, d, width, c, depth);
        expectAgreement(bothWays(weights, 1 / depth));
      });
    }
  }

  it('agrees for other exponents, including α = 0 (the projector) and α > 1', () => {
    const weights = randomNet(7, 10, 12, 4, 3);
    for (const alpha of [0, 0.02, 0.5, 1, 1.7]) expectAgreement(bothWays(weights, alpha));
  });

  it('agrees for a given full-rank AGOP (as autodiff gives for a nonlinear net)', () => {
    const g = gaussian(11);
    for (const [d, depth] of [
      [6, 2],
      [16, 4],
    ] as const) {
      const weights = randomNet(12 + d, d, 9, 3, depth);
      // (1/n) Σᵢ JᵢᵀJᵢ over n = 40 random 3 × d Jacobians: full rank d.
      const jac = gaussianMatrix(g, 3 * 40, d);
      const agop = jac.transpose().mmul(jac).div(40);
      expectAgreement(bothWays(weights, 1 / depth, agop));
    }
  });

  it('agrees for a rank-deficient AGOP with a spread spectrum (and its round-off zeros)', () => {
    const g = gaussian(13);
    const agop = symmetricWithSpectrum(g, 9, [50, 7, 0.3]);
    const weights = randomNet(14, 9, 6, 2, 2);
    const r = bothWays(weights, 0.5, agop);
    expectAgreement(r);
    expect(symmetricPositiveEigen(fromMatrix(agop)).positive.length).toBe(3);
  });

  it('is invariant to the scale of gram and AGOP, and finite for huge entries', () => {
    const weights = randomNet(15, 8, 8, 3, 2);
    const base = bothWays(weights, 0.5);
    const big = weights.map((w) => w.clone().mul(1e60));
    const scaled = bothWays(big, 0.5);
    expect(scaled.pearson!).toBeCloseTo(base.pearson!, 12);
    expect(scaled.corr!).toBeCloseTo(base.corr!, 12);
  });

  it('stays accurate when AGOP^α is close to a multiple of the all-ones matrix', () => {
    // AGOP = J/d + δ·uuᵀ with δ = 1e-6: the entries of AGOP^α vary by only ~1e-6 of their
    // mean; through ‖B‖² − (Σ B_ij)²/d² the correlation would be off by about 1e-5.
    const d = 6;
    const ones = Matrix.ones(d, 1).div(Math.sqrt(d));
    const other = Matrix.from1DArray(d, 1, [1, -1, 0, 0, 2, -2]);
    const unit = other.div(other.norm('frobenius'));
    const agop = ones.mmul(ones.transpose()).add(unit.mmul(unit.transpose()).mul(1e-6));
    const weights = randomNet(16, d, 5, 2, 2);
    const r = bothWays(weights, 1, agop);
    expect(Math.abs(r.pearson! - r.directPearson!)).toBeLessThan(1e-8);
  });
});

describe('pearsonWithPower: undefined cases', () => {
  const d = 5;
  const eigenOf = (m: Matrix) => symmetricPositiveEigen(fromMatrix(m));
  const agop = symmetricWithSpectrum(gaussian(20), d, [4, 2, 1, 0.5]);
  const gramOf = (m: Matrix) => fromMatrix(m);

  it('is null for a constant-entry gram (W_1 = a·1ᵀ), like pearsonEntries', () => {
    const w1 = Matrix.from1DArray(3, 1, [1, 2, -1]).mmul(Matrix.ones(1, d));
    const g = gram(w1);
    expect(pearsonEntries(g, psdPower(agop, 0.5))).toBeNull();
    expect(pearsonWithPower(gramOf(g), eigenOf(agop), 0.5)).toBeNull();
  });

  it('is null when AGOP^α has constant entries: a rank-one AGOP along 1', () => {
    const ones = Matrix.ones(d, d).mul(3);
    const g = gram(gaussianMatrix(gaussian(21), 4, d));
    expect(pearsonWithPower(gramOf(g), eigenOf(ones), 0.5)).toBeNull();
    // α = 0 makes any AGOP^α a projector; for a rank-one AGOP along 1 that is J/d.
    expect(pearsonWithPower(gramOf(g), eigenOf(ones), 0)).toBeNull();
  });

  it('is null for a zero gram, a zero AGOP or a non-finite α', () => {
    const g = gram(gaussianMatrix(gaussian(22), 4, d));
    expect(pearsonWithPower(gramOf(g.clone().mul(0)), eigenOf(agop), 0.5)).toBeNull();
    expect(pearsonWithPower(gramOf(g), eigenOf(agop.clone().mul(0)), 0.5)).toBeNull();
    expect(pearsonWithPower(gramOf(g), eigenOf(agop), Number.NaN)).toBeNull();
  });
});
