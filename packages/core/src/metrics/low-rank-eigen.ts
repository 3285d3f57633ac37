import { Matrix } from 'ml-matrix';
import { columnGram, rowGram } from './gram.js';
import { EIGEN_NOISE_FACTOR, symmetricEigen, type SymmetricEigen } from './psd-power.js';

/**
 * Eigendecomposition of WᵀW (cols × cols) through the smaller WWᵀ (rows × rows) when W is
 * wide: WWᵀu = λu gives WᵀW v = λv with v = Wᵀu/√λ, so the cost is rows³ instead of cols³.
 * For the closed-form AGOP WᵀW of a linear net (W = W_L⋯W_1 is c × d, usually c ≪ d) this
 * replaces a d × d decomposition at every log step by a c × c one.
 *
 * Same contract as `symmetricEigen` for what the metrics use: eigenvalues sorted descending
 * (the cols − rows beyond the rank are exactly 0, round-off negatives are reported as 0), unit
 * eigenvectors for every eigenvalue above the round-off floor `cols · 8ε · λ_max` of
 * `clampedEigenvalues`. Columns of `vectors` for eigenvalues at or below the floor are zero:
 * the null-space basis is never used (psdPowerFromEigen, nfaCorrCurveFromEigen and
 * alphaHatSpectralFromEigen read only eigenvectors of positive eigenvalues).
 */
export function columnGramEigen(w: Matrix): SymmetricEigen {
  const rows = w.rows;
  const cols = w.columns;
  if (rows >= cols) return symmetricEigen(columnGram(w));
  const small = symmetricEigen(rowGram(w));
  const values = new Float64Array(cols);
  const vectors = new Matrix(cols, cols);
  const floor = cols * EIGEN_NOISE_FACTOR * Math.max(small.values[0] ?? 0, 0);
  for (let k = 0; k < rows; k++) {
    const lambda = Math.max(small.values[k]!, 0);
    values[k] = lambda;
    if (!(lambda > floor)) continue;
    // v = Wᵀu, normalized by its computed norm (√λ in exact arithmetic).
    const v = new Float64Array(cols);
    let norm = 0;
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += w.get(i, j) * small.vectors.get(i, k);
      v[j] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < cols; j++) vectors.set(j, k, v[j]! / norm);
  }
  return { values, vectors };
}
