import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMatrix, toMatrix } from '../linalg/dense.js';
import { Rng } from '../random/rng.js';
import { ALPHA_MAX, ALPHA_MIN, alphaHat } from './alpha-hat.js';
import { baselinesOf, NULL_BASELINES, randomFirstLayer } from './baselines.js';
import { centredCorrBest, centredCorrCurve } from './centred-corr.js';
import { agopLinear } from './gram.js';
import { nfaMetrics } from './snapshot.js';
import { gaussian, gaussianMatrix } from './test-support.js';

/** A random 3-layer linear net (d = 10, c = 4) and its metrics. */
function net(seed: number) {
  const g = gaussian(seed);
  const weights = [gaussianMatrix(g, 12, 10), gaussianMatrix(g, 12, 12), gaussianMatrix(g, 4, 12)];
  const m = nfaMetrics({ weights: weights.map(fromMatrix) });
  return { weights, m, agop: agopLinear(weights) };
}

/**
 * max over a 2001-point α grid of cos(I, A^α), A^α from ml-matrix's eigendecomposition
 * (eigenvalues below 1e-10·λ_max as 0): an independent recomputation of isotropicBest.
 */
function isotropicBruteForce(a: Matrix): number {
  const e = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const values = e.realEigenvalues;
  const lmax = Math.max(...values);
  const d = a.rows;
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= 2000; i++) {
    const alpha = ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / 2000;
    const p = values.map((l) => (l > 1e-10 * lmax ? l ** alpha : 0));
    const v = e.eigenvectorMatrix;
    const power = v.mmul(Matrix.diag(p)).mmul(v.transpose());
    let tr = 0;
    let ss = 0;
    for (let r = 0; r < d; r++) {
      tr += power.get(r, r);
      for (let c = 0; c < d; c++) ss += power.get(r, c) ** 2;
    }
    best = Math.max(best, tr / (Math.sqrt(d) * Math.sqrt(ss)));
  }
  return best;
}

describe('baselinesOf', () => {
  it('isotropicBest is the best-α cosine of G = I, recomputed densely', () => {
    for (const seed of [1, 2]) {
      const { m, agop } = net(seed);
      const w1 = randomFirstLayer(12, 10, seed);
      const b = baselinesOf(m.agopEigen, { initial: w1, random: w1 });
      // The grid's resolution: the maximum is flat, so 2001 points get within 1e-7.
      expect(Math.abs(b.isotropicBest! - isotropicBruteForce(agop))).toBeLessThan(1e-7);
      expect(b.isotropicBest!).toBeGreaterThanOrEqual(isotropicBruteForce(agop) - 1e-12);
    }
  });

  it('random and initial baselines are the best plain and centred cosines of those layers', () => {
    const { m, agop } = net(3);
    const random = randomFirstLayer(12, 10, 7);
    const initial = fromMatrix(gaussianMatrix(gaussian(4), 12, 10));
    const b = baselinesOf(m.agopEigen, { initial, random });
    for (const [w, best, centred] of [
      [random, b.randomBest, b.randomCentredBest],
      [initial, b.initialBest, b.initialCentredBest],
    ] as const) {
      const x = toMatrix(w);
      const gram = x.transpose().mmul(x);
      expect(best!).toBeCloseTo(alphaHat(gram, agop).corr!, 12);
      expect(centred!).toBeCloseTo(centredCorrBest(centredCorrCurve(gram, agop)).corr!, 12);
    }
    // Features that did not move score exactly the network's own best correlations.
    const own = baselinesOf(m.agopEigen, { initial: fromMatrix(net(3).weights[0]!), random });
    expect(own.initialBest!).toBeCloseTo(m.nfaCorrBest!, 14);
    expect(own.initialCentredBest!).toBeCloseTo(m.nfaCorrCentredBest!, 14);
  });

  it('does not depend on the scale of the first layers (cosines)', () => {
    const { m } = net(5);
    const random = randomFirstLayer(12, 10, 1);
    const scaled = { ...random, data: random.data.map((v) => 1e-3 * v) };
    const a = baselinesOf(m.agopEigen, { initial: random, random });
    const b = baselinesOf(m.agopEigen, { initial: scaled, random: scaled });
    expect(b.randomBest!).toBeCloseTo(a.randomBest!, 12);
    expect(b.initialCentredBest!).toBeCloseTo(a.initialCentredBest!, 12);
  });

  it('is all null without a finite AGOP, and rejects a layer of the wrong width', () => {
    const w = randomFirstLayer(3, 4, 0);
    expect(baselinesOf(null, { initial: w, random: w })).toEqual(NULL_BASELINES);
    const { m } = net(6);
    expect(() => baselinesOf(m.agopEigen, { initial: w, random: w })).toThrow(/4 inputs/);
  });
});

describe('randomFirstLayer', () => {
  it("draws standard normals from the seed's 'baseline.random' stream", () => {
    const w = randomFirstLayer(40, 50, 9);
    expect([w.rows, w.cols]).toEqual([40, 50]);
    expect(Array.from(w.data)).toEqual(Array.from(Rng.stream(9, 'baseline.random').normals(2000)));
    const mean = w.data.reduce((s, v) => s + v, 0) / 2000;
    const variance = w.data.reduce((s, v) => s + (v - mean) ** 2, 0) / 2000;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
    expect(Array.from(randomFirstLayer(40, 50, 10).data)).not.toEqual(Array.from(w.data));
  });
});
