import type { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { agopLinear, gram } from './gram.js';
import {
  cosineSimilarity,
  frobeniusNorm,
  nfaCorr,
  nfaCorrCurve,
  pearsonEntries,
} from './nfa-corr.js';
import { psdPower } from './psd-power.js';
import { gaussian, gaussianMatrix, symmetricWithSpectrum } from './test-support.js';

function naiveCosine(a: Matrix, b: Matrix): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) {
      ab += a.get(i, j) * b.get(i, j);
      aa += a.get(i, j) ** 2;
      bb += b.get(i, j) ** 2;
    }
  }
  return ab / Math.sqrt(aa * bb);
}

function naivePearson(a: Matrix, b: Matrix): number {
  const xs = a.to1DArray();
  const ys = b.to1DArray();
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function randomWeights(seed: number, dims: readonly number[]): Matrix[] {
  const g = gaussian(seed);
  return dims.slice(1).map((out, l) => gaussianMatrix(g, out, dims[l]!));
}

describe('cosineSimilarity', () => {
  const g = gaussian(30);
  const a = gaussianMatrix(g, 5, 4);
  const b = gaussianMatrix(g, 5, 4);

  it('matches a direct recomputation and lies in [-1, 1]', () => {
    const c = cosineSimilarity(a, b)!;
    expect(c).toBeCloseTo(naiveCosine(a, b), 14);
    expect(Math.abs(c)).toBeLessThanOrEqual(1);
  });

  it('is invariant to positive scaling and 1 for proportional matrices', () => {
    const c = cosineSimilarity(a, b)!;
    expect(cosineSimilarity(a.clone().mul(1e150), b.clone().mul(3e-200))!).toBeCloseTo(c, 14);
    expect(cosineSimilarity(a, a.clone().mul(7.5))!).toBeCloseTo(1, 14);
    expect(cosineSimilarity(a, a.clone().mul(-2))!).toBeCloseTo(-1, 14);
  });

  it('is null when a norm is 0 and rejects different shapes', () => {
    expect(cosineSimilarity(a, a.clone().mul(0))).toBeNull();
    expect(() => cosineSimilarity(a, b.transpose())).toThrow(/shapes differ/);
  });

  it('frobeniusNorm survives values whose squares overflow', () => {
    const big = a.clone().mul(1e200);
    expect(frobeniusNorm(big) / 1e200).toBeCloseTo(a.norm('frobenius'), 12);
  });
});

describe('pearsonEntries', () => {
  it('matches the Pearson correlation of the flattened entries', () => {
    const g = gaussian(31);
    const a = gaussianMatrix(g, 6, 6);
    const b = a.clone().add(gaussianMatrix(g, 6, 6));
    expect(pearsonEntries(a, b)!).toBeCloseTo(naivePearson(a, b), 13);
  });

  it('ignores constant offsets (unlike the cosine) and is null for constant matrices', () => {
    const g = gaussian(32);
    const a = gaussianMatrix(g, 4, 4);
    const shifted = a.clone().mul(3).add(10);
    expect(pearsonEntries(a, shifted)!).toBeCloseTo(1, 13);
    expect(cosineSimilarity(a, shifted)!).toBeLessThan(0.9);
    expect(pearsonEntries(a, a.clone().mul(0).add(2))).toBeNull();
  });
});

describe('nfaCorr', () => {
  const weights = randomWeights(33, [7, 9, 9, 4]);
  const gr = gram(weights[0]!);
  const agop = agopLinear(weights);

  it('equals the cosine of gram and agop^α computed by psdPower, for many α', () => {
    const curve = nfaCorrCurve(gr, agop);
    for (const alpha of [0, 0.02, 1 / 3, 0.5, 1, 1.7, 2, 5]) {
      expect(curve(alpha)!).toBeCloseTo(naiveCosine(gr, psdPower(agop, alpha)), 12);
      expect(nfaCorr(gr, agop, alpha)!).toBeCloseTo(curve(alpha)!, 14);
    }
  });

  it('never exceeds 1 and reaches 1 when gram is exactly a power of the AGOP', () => {
    const curve = nfaCorrCurve(gr, agop);
    for (let k = 0; k <= 100; k++) expect(curve(0.02 * k)!).toBeLessThanOrEqual(1 + 1e-12);
    const a = symmetricWithSpectrum(gaussian(34), 6, [40, 9, 3, 1]);
    const g3 = psdPower(a, 0.3).mul(2.5);
    expect(nfaCorr(g3, a, 0.3)!).toBeGreaterThan(1 - 1e-12);
    expect(nfaCorr(g3, a, 0.6)!).toBeLessThan(0.999);
  });

  it('stays finite for huge eigenvalues and large α', () => {
    const a = symmetricWithSpectrum(gaussian(35), 5, [1e200, 1e150, 1e100]);
    const g = symmetricWithSpectrum(gaussian(36), 5, [3, 2, 1, 0.5, 0.1]);
    const c = nfaCorrCurve(g, a)(2);
    expect(c).not.toBeNull();
    expect(Number.isFinite(c!)).toBe(true);
  });

  it('reports rank and spread, and is null for a zero gram or zero AGOP', () => {
    const curve = nfaCorrCurve(gr, agop);
    expect(curve.rank).toBe(4);
    expect(curve.logSpread).toBeGreaterThan(0);
    expect(nfaCorr(gr.clone().mul(0), agop, 0.5)).toBeNull();
    expect(nfaCorr(gr, agop.clone().mul(0), 0.5)).toBeNull();
    expect(() => nfaCorr(gr, agop.subMatrix(0, 5, 0, 5), 1)).toThrow(/gram is 7×7, agop is 6×6/);
  });
});
