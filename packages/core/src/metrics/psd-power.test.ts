import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { clampedEigenvalues, psdPower, symmetricEigen, symmetrize } from './psd-power.js';
import {
  gaussian,
  gaussianMatrix,
  maxAbs,
  maxAbsDiff,
  orthonormalColumns,
  symmetricWithSpectrum,
} from './test-support.js';

function randomPsd(seed: number, n: number, rank = n): Matrix {
  const x = gaussianMatrix(gaussian(seed), rank, n);
  return x.transpose().mmul(x);
}

describe('symmetricEigen', () => {
  it('reconstructs the matrix with orthonormal eigenvectors and descending eigenvalues', () => {
    const m = randomPsd(1, 12);
    const { values, vectors } = symmetricEigen(m);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    const recon = vectors.mmul(Matrix.diag([...values])).mmul(vectors.transpose());
    expect(maxAbsDiff(recon, m)).toBeLessThan(1e-12 * maxAbs(m));
    expect(maxAbsDiff(vectors.transpose().mmul(vectors), Matrix.eye(12))).toBeLessThan(1e-12);
  });

  it('recovers a known spectrum', () => {
    const m = symmetricWithSpectrum(gaussian(2), 6, [5, -1, 3, 0.5, 2, 4]);
    const { values } = symmetricEigen(m);
    const expected = [5, 4, 3, 2, 0.5, -1];
    expected.forEach((e, i) => expect(values[i]!).toBeCloseTo(e, 12));
  });

  it('handles the zero matrix, huge entries, and rejects non-finite entries', () => {
    const zero = symmetricEigen(new Matrix(3, 3));
    expect([...zero.values]).toEqual([0, 0, 0]);
    const huge = symmetricWithSpectrum(gaussian(13), 4, [4e250, 1e250, 2e249]);
    const { values } = symmetricEigen(huge);
    expect(values[0]! / 4e250).toBeCloseTo(1, 12);
    expect(values[2]! / 2e249).toBeCloseTo(1, 10);
    const bad = huge.clone();
    bad.set(1, 2, Number.NaN);
    expect(() => symmetricEigen(bad)).toThrow(/non-finite/);
  });

  it('decomposes the symmetric part of a non-symmetric input', () => {
    const a = gaussianMatrix(gaussian(3), 5, 5);
    const s = a.clone().add(a.transpose()).mul(0.5);
    const fromA = symmetricEigen(a).values;
    const fromS = symmetricEigen(s).values;
    fromA.forEach((v, i) => expect(v).toBeCloseTo(fromS[i]!, 12));
    expect(maxAbsDiff(symmetrize(a), s)).toBeLessThan(1e-15);
  });
});

describe('psdPower', () => {
  it('(M^½)² ≈ M for random full-rank and rank-deficient PSD matrices', () => {
    for (const [seed, rank] of [
      [4, 10],
      [5, 3],
      [6, 1],
    ] as const) {
      const m = randomPsd(seed, 10, rank);
      const root = psdPower(m, 0.5);
      expect(maxAbsDiff(root.mmul(root), m)).toBeLessThan(1e-11 * maxAbs(m));
    }
  });

  it('M^1 ≈ M and (M^{1/3})³ ≈ M', () => {
    const m = randomPsd(7, 9);
    expect(maxAbsDiff(psdPower(m, 1), m)).toBeLessThan(1e-12 * maxAbs(m));
    const c = psdPower(m, 1 / 3);
    expect(maxAbsDiff(c.mmul(c).mmul(c), m)).toBeLessThan(1e-11 * maxAbs(m));
  });

  it('matches V diag(λ^α) Vᵀ built from a known spectrum', () => {
    const g = gaussian(8);
    const v = orthonormalColumns(g, 7, 7);
    const lambda = [9, 4, 2.5, 1, 0.3, 0.05, 0.01];
    const m = v.mmul(Matrix.diag(lambda)).mmul(v.transpose());
    const alpha = 0.37;
    const expected = v.mmul(Matrix.diag(lambda.map((l) => l ** alpha))).mmul(v.transpose());
    expect(maxAbsDiff(psdPower(m, alpha), expected)).toBeLessThan(1e-12);
  });

  it('clamps negative eigenvalues to 0', () => {
    const g = gaussian(9);
    const v = orthonormalColumns(g, 4, 4);
    const m = v.mmul(Matrix.diag([3, 1, -2, -0.5])).mmul(v.transpose());
    const clamped = v.mmul(Matrix.diag([3, 1, 0, 0])).mmul(v.transpose());
    expect(maxAbsDiff(psdPower(m, 1), clamped)).toBeLessThan(1e-12);
    const half = v.mmul(Matrix.diag([Math.sqrt(3), 1, 0, 0])).mmul(v.transpose());
    expect(maxAbsDiff(psdPower(m, 0.5), half)).toBeLessThan(1e-12);
    expect(Math.min(...symmetricEigen(psdPower(m, 0.5)).values)).toBeGreaterThan(-1e-12);
  });

  it('treats round-off eigenvalues of a rank-deficient matrix as zero, even for small α', () => {
    const g = gaussian(10);
    const v = orthonormalColumns(g, 12, 3);
    const lambda = [50, 7, 2];
    const m = v.mmul(Matrix.diag(lambda)).mmul(v.transpose());
    const alpha = 0.02;
    const expected = v.mmul(Matrix.diag(lambda.map((l) => l ** alpha))).mmul(v.transpose());
    expect(maxAbsDiff(psdPower(m, alpha), expected)).toBeLessThan(1e-10);
    // α = 0 gives the orthogonal projector onto the range.
    const projector = v.mmul(v.transpose());
    expect(maxAbsDiff(psdPower(m, 0), projector)).toBeLessThan(1e-10);
  });

  it('returns a symmetric matrix', () => {
    const a = gaussianMatrix(gaussian(11), 8, 8);
    const p = psdPower(a.transpose().mmul(a).add(a.mul(1e-3)), 0.7);
    expect(maxAbsDiff(p, p.transpose())).toBeLessThanOrEqual(1e-15 * maxAbs(p));
  });

  it('rejects a non-finite exponent and a non-square matrix', () => {
    expect(() => psdPower(randomPsd(12, 3), Number.NaN)).toThrow(/alpha must be finite/);
    expect(() => psdPower(new Matrix(2, 3), 1)).toThrow(/square/);
  });
});

describe('clampedEigenvalues', () => {
  it('zeros negative values and values below the round-off floor, keeps the rest', () => {
    const out = clampedEigenvalues(Float64Array.from([10, 1e-3, 1e-16, -1e-15, -2]));
    expect([...out]).toEqual([10, 1e-3, 0, 0, 0]);
  });
});
