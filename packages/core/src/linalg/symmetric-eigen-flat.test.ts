import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../metrics/psd-power.js';
import { Rng } from '../random/rng.js';
import { symmetricEigenFlat } from './symmetric-eigen-flat.js';

const rng = Rng.stream(17, 'symmetric-eigen-flat-test');

function randomSymmetric(n: number): Float64Array {
  const g = rng.normals(n * n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) a[i * n + j] = g[i * n + j]! + g[j * n + i]!;
  return a;
}

/** BᵀB for a random rows × n matrix B: PSD of rank min(rows, n). */
function randomPsd(n: number, rows: number): Float64Array {
  const b = rng.normals(rows * n);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += b[t * n + i]! * b[t * n + j]!;
      a[i * n + j] = s;
    }
  return a;
}

/**
 * Against ml-matrix through `symmetricEigen` (the same algorithm, so the same eigenvalues and,
 * for distinct eigenvalues, the same eigenvectors), and the invariants A v = λ v, VVᵀ = I.
 */
function expectDecomposition(a: Float64Array, n: number): void {
  const { values, vectors } = symmetricEigenFlat(a, n);
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, a[i * n + j]!);
  const ref = symmetricEigen(m);
  const scale = Math.max(1e-300, ...Array.from(ref.values, Math.abs));
  for (let k = 0; k < n; k++) {
    expect(Math.abs(values[k]! - ref.values[k]!)).toBeLessThan(1e-14 * scale);
    if (k > 0) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(vectors[k * n + i]! - ref.vectors.get(i, k))).toBeLessThan(1e-12);
      let av = 0;
      for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[k * n + j]!;
      expect(Math.abs(av - values[k]! * vectors[k * n + i]!)).toBeLessThan(1e-13 * scale);
    }
    for (let l = 0; l < n; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vectors[k * n + i]! * vectors[l * n + i]!;
      expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(1e-13);
    }
  }
}

describe('symmetricEigenFlat', () => {
  it.each([1, 2, 3, 4, 7, 8, 16, 32])('random symmetric %i×%i', (n) => {
    expectDecomposition(randomSymmetric(n), n);
  });

  it.each([
    [8, 3],
    [6, 1],
    [12, 11],
    [32, 8],
  ])('rank-deficient PSD %i×%i of rank %i: round-off zeros, same invariants', (n, rank) => {
    const a = randomPsd(n, rank);
    expectDecomposition(a, n);
    const { values } = symmetricEigenFlat(a, n);
    for (let k = rank; k < n; k++) expect(Math.abs(values[k]!)).toBeLessThan(1e-13 * values[0]!);
  });

  it('uses the symmetric part, does not modify its input, and scales huge entries', () => {
    const a = randomSymmetric(4);
    const copy = a.slice();
    const skew = a.slice();
    skew[1] = skew[1]! + 1;
    skew[4] = skew[4]! - 1;
    const want = symmetricEigenFlat(a, 4).values;
    const got = symmetricEigenFlat(skew, 4).values;
    want.forEach((v, k) => expect(got[k]!).toBeCloseTo(v, 12));
    expect(Array.from(a)).toEqual(Array.from(copy));
    const huge = symmetricEigenFlat(
      a.map((x) => x * 1e300),
      4,
    ).values;
    want.forEach((v, k) => expect(huge[k]! / 1e300).toBeCloseTo(v, 12));
  });

  it('gives zeros and the identity for a zero matrix, and throws on non-finite entries', () => {
    const zero = symmetricEigenFlat(new Float64Array(4), 2);
    expect(Array.from(zero.values)).toEqual([0, 0]);
    expect(Array.from(zero.vectors)).toEqual([1, 0, 0, 1]);
    expect(() => symmetricEigenFlat(Float64Array.from([1, Number.NaN, Number.NaN, 1]), 2)).toThrow(
      /non-finite/,
    );
  });
});
