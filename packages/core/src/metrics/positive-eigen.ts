import type { Dense } from '../linalg/dense.js';
import { symmetricEigenFlat } from '../linalg/symmetric-eigen-flat.js';
import { clampedEigenvalues, type SymmetricEigen } from './psd-power.js';

/**
 * The part of a PSD matrix's eigendecomposition that the NFA metrics read: the eigenvalues
 * above the round-off floor of `clampedEigenvalues` and their unit eigenvectors. M^α is
 * Σ_k λ_k^α v_k v_kᵀ over these alone (0^α = 0), so nothing needs the d × d eigenvector
 * matrix; for the closed-form AGOP WᵀW of a linear net there are at most c of them.
 */
export interface PositiveEigen {
  /** The matrix is dim × dim. */
  dim: number;
  /**
   * All dim eigenvalues, sorted descending as `SymmetricEigen.values` (alphaHatSpectral reads
   * them); eigenvalues beyond the rank may be reported as exact zeros.
   */
  values: Float64Array;
  /** λ_1 ≥ … ≥ λ_r > 0: the eigenvalues that `clampedEigenvalues` keeps positive. */
  positive: Float64Array;
  /** Their unit eigenvectors as rows, row-major r × dim: row k is v_k. */
  vectors: Float64Array;
}

/** The positive eigenpairs of a full symmetric eigendecomposition, in its order. */
export function positivePart(eigen: SymmetricEigen): PositiveEigen {
  const dim = eigen.vectors.rows;
  const lambda = clampedEigenvalues(eigen.values);
  const keep: number[] = [];
  for (let k = 0; k < lambda.length; k++) if (lambda[k]! > 0) keep.push(k);
  const positive = new Float64Array(keep.length);
  const vectors = new Float64Array(keep.length * dim);
  keep.forEach((k, row) => {
    positive[row] = lambda[k]!;
    for (let i = 0; i < dim; i++) vectors[row * dim + i] = eigen.vectors.get(i, k);
  });
  return { dim, values: eigen.values, positive, vectors };
}

/**
 * The positive eigenpairs of a symmetric PSD matrix given row-major (e.g. an AGOP by
 * autodiff): the decomposition of its symmetric part that `symmetricEigen` computes (the same
 * numbers, see linalg/symmetric-eigen-flat.ts), without ml-matrix objects.
 */
export function symmetricPositiveEigen(a: Dense): PositiveEigen {
  const n = a.rows;
  const { values, vectors } = symmetricEigenFlat(a.data, n);
  const lambda = clampedEigenvalues(values);
  let r = 0;
  while (r < n && lambda[r]! > 0) r++;
  // Sorted descending, so the positive ones are the first r.
  return { dim: n, values, positive: lambda.slice(0, r), vectors: vectors.slice(0, r * n) };
}
