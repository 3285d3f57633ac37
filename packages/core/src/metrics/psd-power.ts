import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Eigendecomposition of a symmetric matrix, eigenvalues sorted in descending order.
 * `vectors` holds the matching unit eigenvectors as columns.
 */
export interface SymmetricEigen {
  values: Float64Array;
  vectors: Matrix;
}

/** (M + Mᵀ)/2: removes the round-off asymmetry of a matrix that should be symmetric. */
export function symmetrize(m: Matrix): Matrix {
  assertSquare(m, 'symmetrize');
  const n = m.rows;
  const out = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = 0.5 * (m.get(i, j) + m.get(j, i));
      out.set(i, j, v);
      out.set(j, i, v);
    }
  }
  return out;
}

/**
 * Eigendecomposition of the symmetric part (M + Mᵀ)/2 of a square matrix, in float64.
 * Eigenvalues come sorted descending, eigenvectors as the columns of `vectors` in the same order.
 */
export function symmetricEigen(m: Matrix): SymmetricEigen {
  const sym = symmetrize(m);
  const n = sym.rows;
  // Scale entries into [-1, 1] first: ml-matrix's tridiagonalization squares entries and fails
  // on overflow (e.g. entries near 1e200). Eigenvectors are unchanged, eigenvalues scale back.
  let scale = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(sym.get(i, j)));
  if (!Number.isFinite(scale)) {
    throw new RangeError('symmetricEigen: the matrix has non-finite entries');
  }
  if (scale === 0) return { values: new Float64Array(n), vectors: Matrix.eye(n, n) };
  const evd = new EigenvalueDecomposition(sym.div(scale), { assumeSymmetric: true });
  const raw = evd.realEigenvalues.map((v) => v * scale);
  const rawVectors = evd.eigenvectorMatrix;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => raw[b]! - raw[a]!);
  const values = new Float64Array(n);
  const vectors = new Matrix(n, n);
  order.forEach((src, dst) => {
    values[dst] = raw[src]!;
    for (let i = 0; i < n; i++) vectors.set(i, dst, rawVectors.get(i, src));
  });
  return { values, vectors };
}

/**
 * Eigenvalues at or below this fraction of the largest one (times the dimension) are round-off
 * of a zero eigenvalue and are treated as zero. Without this floor a rank-deficient matrix
 * (e.g. the AGOP of a net with fewer outputs than inputs) would get spurious directions of
 * weight (1e-16)^α, which is large for small α.
 */
export const EIGEN_NOISE_FACTOR = 8 * Number.EPSILON;

/**
 * The eigenvalues of a PSD matrix with round-off removed: negative values and values at or
 * below `dim · 8ε · λ_max` become 0.
 */
export function clampedEigenvalues(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const floor = values.length * EIGEN_NOISE_FACTOR * max;
  return values.map((v) => (v > floor ? v : 0));
}

/**
 * M^α = V diag(λ^α) Vᵀ from a precomputed symmetric eigendecomposition, with negative (and
 * round-off) eigenvalues clamped to 0 and 0^α = 0 for every α (so M^0 is the projector onto
 * the range of M). The result is exactly symmetric.
 */
export function psdPowerFromEigen(eigen: SymmetricEigen, alpha: number): Matrix {
  if (!Number.isFinite(alpha)) throw new RangeError(`psdPower: alpha must be finite, got ${alpha}`);
  const lambda = clampedEigenvalues(eigen.values);
  const positive: number[] = [];
  for (let k = 0; k < lambda.length; k++) if (lambda[k]! > 0) positive.push(k);
  const n = lambda.length;
  if (positive.length === 0) return new Matrix(n, n);
  // V_+ diag(λ_+^α) V_+ᵀ over the positive eigenvalues only (symmetric by construction).
  const v = eigen.vectors.subMatrixColumn(positive);
  return v.mmulByTranspose(positive.map((k) => Math.pow(lambda[k]!, alpha)));
}

/** M^α for a symmetric PSD matrix M (see `psdPowerFromEigen` for the clamping rules). */
export function psdPower(m: Matrix, alpha: number): Matrix {
  return psdPowerFromEigen(symmetricEigen(m), alpha);
}

export function assertSquare(m: Matrix, where: string): void {
  if (m.rows !== m.columns) {
    throw new RangeError(`${where}: expected a square matrix, got ${m.rows}×${m.columns}`);
  }
}
