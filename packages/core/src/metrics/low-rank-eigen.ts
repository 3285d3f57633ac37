import { Matrix } from 'ml-matrix';
import { fromMatrix, type Dense } from '../linalg/dense.js';
import { allFiniteFlat } from '../linalg/flat.js';
import { mulInto } from '../linalg/gemm.js';
import { symmetricEigenFlat } from '../linalg/symmetric-eigen-flat.js';
import { columnGramDense, rowGramDense } from './dense-gram.js';
import { columnGram } from './gram.js';
import { symmetricPositiveEigen, type PositiveEigen } from './positive-eigen.js';
import { EIGEN_NOISE_FACTOR, symmetricEigen, type SymmetricEigen } from './psd-power.js';

/**
 * The positive eigenpairs of WᵀW (cols × cols) through the smaller WWᵀ (rows × rows) when W
 * is wide: WWᵀu = λu gives WᵀW v = λv with v = Wᵀu/√λ, so the cost is rows³ instead of
 * cols³. For the closed-form AGOP WᵀW of a linear net (W = W_L⋯W_1 is c × d, usually c ≪ d)
 * this replaces a d × d decomposition at every log step by a c × c one.
 *
 * `values` holds the rows eigenvalues of WWᵀ (round-off negatives reported as 0) followed by
 * cols − rows exact zeros (all NaN when the Gram matrix overflows); `positive` and `vectors` the eigenpairs above the round-off floor
 * `cols · 8ε · λ_max` of `clampedEigenvalues`, each v normalized by its computed norm (√λ in
 * exact arithmetic).
 */
export function columnGramPositiveEigen(w: Dense): PositiveEigen {
  const { rows, cols } = w;
  const gram = rows >= cols ? columnGramDense(w) : rowGramDense(w);
  // An overflowing Gram matrix has an infinite diagonal entry, a lower bound on λ_max: the
  // spectrum is not representable (NaN values, no eigenpairs).
  if (!allFiniteFlat(gram.data)) {
    const none = new Float64Array(0);
    return {
      dim: cols,
      values: new Float64Array(cols).fill(Number.NaN),
      positive: none,
      vectors: none,
    };
  }
  if (rows >= cols) return symmetricPositiveEigen(gram);
  const small = symmetricEigenFlat(gram.data, rows);
  const values = new Float64Array(cols);
  const floor = cols * EIGEN_NOISE_FACTOR * Math.max(small.values[0] ?? 0, 0);
  let r = 0;
  for (let k = 0; k < rows; k++) {
    values[k] = Math.max(small.values[k]!, 0);
    if (values[k]! > floor) r++;
  }
  // Eigenvalues are sorted, so the kept ones are the first r rows u_k of `small.vectors`:
  // V = U_r W (r × cols), then each row normalized.
  const vectors = new Float64Array(r * cols);
  mulInto(vectors, small.vectors, w.data, r, rows, cols);
  for (let k = 0; k < r; k++) {
    const row = k * cols;
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += vectors[row + j]! * vectors[row + j]!;
    norm = Math.sqrt(norm);
    for (let j = row; j < row + cols; j++) vectors[j] = vectors[j]! / norm;
  }
  return { dim: cols, values, positive: values.slice(0, r), vectors };
}

/**
 * Eigendecomposition of WᵀW, through WWᵀ when W is wide (see `columnGramPositiveEigen`).
 *
 * Same contract as `symmetricEigen` for what the metrics use: eigenvalues sorted descending
 * (the cols − rows beyond the rank are exactly 0, round-off negatives are reported as 0), unit
 * eigenvectors for every eigenvalue above the round-off floor `cols · 8ε · λ_max` of
 * `clampedEigenvalues`. Columns of `vectors` for eigenvalues at or below the floor are zero:
 * the null-space basis is never used (psdPowerFromEigen, nfaCorrCurveFromEigen and
 * alphaHatSpectralFromEigen read only eigenvectors of positive eigenvalues).
 */
export function columnGramEigen(w: Matrix): SymmetricEigen {
  if (w.rows >= w.columns) return symmetricEigen(columnGram(w));
  const part = columnGramPositiveEigen(fromMatrix(w));
  const cols = part.dim;
  const vectors = new Matrix(cols, cols);
  for (let k = 0; k < part.positive.length; k++) {
    for (let j = 0; j < cols; j++) vectors.set(j, k, part.vectors[k * cols + j]!);
  }
  return { values: part.values, vectors };
}
