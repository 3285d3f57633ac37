import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { symmetricEigenvalues } from './symmetric-eigenvalues.js';

/** Eigenvalues by ml-matrix's full decomposition, sorted descending: the independent check. */
function reference(a: Float64Array, n: number): number[] {
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, a[i * n + j]!);
  return new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues.sort(
    (x, y) => y - x,
  );
}

function expectSpectrum(a: Float64Array, n: number): Float64Array {
  const got = symmetricEigenvalues(a, n);
  const want = reference(a, n);
  const scale = Math.max(1e-300, ...want.map(Math.abs));
  want.forEach((w, k) => expect(Math.abs(got[k]! - w)).toBeLessThan(1e-12 * scale));
  return got;
}

const rng = Rng.stream(5, 'eigenvalues-test');
function randomSymmetric(n: number): Float64Array {
  const g = rng.normals(n * n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) a[i * n + j] = g[i * n + j]! + g[j * n + i]!;
  return a;
}

describe('symmetricEigenvalues', () => {
  it.each([1, 2, 3, 5, 16, 32, 48])(
    'random symmetric %i×%i: the spectrum of the full decomposition',
    (n) => {
      expectSpectrum(randomSymmetric(n), n);
    },
  );

  it('rank-deficient PSD WᵀW (3 × 8): three positive eigenvalues, five round-off zeros', () => {
    const w = rng.normals(3 * 8);
    const a = new Float64Array(64);
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++)
        for (let t = 0; t < 3; t++) a[i * 8 + j] = a[i * 8 + j]! + w[t * 8 + i]! * w[t * 8 + j]!;
    const got = expectSpectrum(a, 8);
    expect(got[2]!).toBeGreaterThan(1e-3);
    for (let k = 3; k < 8; k++) expect(Math.abs(got[k]!)).toBeLessThan(1e-13 * got[0]!);
  });

  it('diagonal, repeated, zero and huge matrices', () => {
    expect(
      Array.from(symmetricEigenvalues(Float64Array.from([3, 0, 0, 0, -1, 0, 0, 0, 2]), 3)),
    ).toEqual([3, 2, -1]);
    const eye = new Float64Array(25);
    for (let i = 0; i < 5; i++) eye[i * 6] = 1;
    symmetricEigenvalues(eye, 5).forEach((v) => expect(v).toBeCloseTo(1, 14));
    expect(Array.from(symmetricEigenvalues(new Float64Array(9), 3))).toEqual([0, 0, 0]);
    // Entries near 1e200 (ml-matrix overflows on these; compare with the unscaled spectrum).
    const base = randomSymmetric(6);
    const huge = symmetricEigenvalues(
      base.map((v) => v * 1e200),
      6,
    );
    const want = expectSpectrum(base, 6);
    want.forEach((w, k) =>
      expect(Math.abs(huge[k]! / 1e200 - w)).toBeLessThan(1e-12 * Math.abs(want[0]!)),
    );
    expect(() => symmetricEigenvalues(Float64Array.from([1, NaN, NaN, 1]), 2)).toThrow(
      /non-finite/,
    );
  });
});
