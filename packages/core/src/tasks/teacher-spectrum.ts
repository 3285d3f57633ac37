import type { Matrix } from 'ml-matrix';
import { randomOrthogonal } from '../linalg/dense.js';
import type { Rng } from '../random/rng.js';

/**
 * Singular values spread geometrically from 1 down to 1/spread over `rank` values, so the
 * teacher (and hence the AGOP) has several distinct non-zero eigenvalues and α is identifiable.
 */
export function geometricSpectrum(rank: number, spread: number): number[] {
  if (rank === 1) return [1];
  return Array.from({ length: rank }, (_, i) => Math.pow(spread, -i / (rank - 1)));
}

/**
 * A random matrix (rows × cols) with the given singular values and Haar-random singular
 * vectors: U diag(s) Vᵀ.
 */
export function matrixWithSpectrum(rng: Rng, rows: number, cols: number, s: number[]): Matrix {
  const r = s.length;
  const u = randomOrthogonal(rng, rows, r);
  const v = randomOrthogonal(rng, cols, r);
  return u.mulRowVector(s).mmul(v.transpose());
}
