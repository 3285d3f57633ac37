import type { Matrix } from 'ml-matrix';
import { fromMatrix, type Dense } from '../linalg/dense.js';
import { flatNorm } from '../linalg/flat.js';
import { alphaHatFromCurve, type AlphaHat } from './alpha-hat.js';
import { gramTimesVectors, MIN_LOG_SPREAD, type AlphaCurve, type CurveGrid } from './nfa-curve.js';
import { positivePart, type PositiveEigen } from './positive-eigen.js';
import { assertSquare, symmetricEigen } from './psd-power.js';

/**
 * A centred norm at or below this fraction of the uncentred one counts as zero: the matrix is
 * (numerically) a multiple of the identity, it has no direction once centred, and the centred
 * cosine is null. Round-off leaves centred norms of order 1e-15 of the norm on exactly
 * isotropic inputs (an orthogonal W_1 gives W_1ᵀW_1 = σ²I up to round-off); at this threshold
 * the cosine's own round-off stays below about 1e-8.
 */
export const ISOTROPY_TOLERANCE = 1e-8;

/**
 * The centred (traceless) NFA correlation as a function of α:
 * ρ_c(α) = cos(G − (trG/d)·I, A^α − (trA^α/d)·I), the Frobenius cosine after removing from
 * each matrix its multiple of the identity. The plain cosine of two PSD matrices is high
 * for any pair (G = I scores 0.996–0.999 against nonlinear nets' AGOPs at small α); the
 * centred one is 0 for an isotropic G and measures only the shared anisotropy.
 *
 * With A = Σ λ_k v_k v_kᵀ (positive eigenpairs), μ_k = λ_k/λ_max, g_k = v_kᵀ G v_k and
 * t = trG/d, evaluation is O(r) per α: the numerator is Σ μ_k^α (g_k − t), and
 * ‖A^α − aI‖² (a = Σ μ_k^α / d) is summed as Σ (μ_k^α − a)² + (d − r)·a², a sum of squares
 * equal to Σ μ_k^{2α} − (Σ μ_k^α)²/d without its cancellation. ‖G − tI‖ = sqrt(‖G‖² − (trG)²/d)
 * is summed entry by entry once.
 *
 * Null at α where either centred norm is at most ISOTROPY_TOLERANCE of the uncentred one
 * (isotropic) or a value is not finite. α is identifiable when the centred direction of A^α
 * changes with α: the levels of A's spectrum (its positive eigenvalues, and 0 when r < d) must
 * take at least three distinct values, unlike the plain cosine, for which two suffice.
 * Like NfaCorrCurve it tabulates alphaHatFromCurve's grid by recurrence (`grid`), so that the
 * search costs about as much as the plain curve's.
 */
export interface CentredCorrCurve extends AlphaCurve {
  /** Number of eigenvalues of the AGOP treated as positive. */
  readonly rank: number;
}

/**
 * Builds the centred curve from the AGOP's positive eigenpairs and the gram matrix (row-major,
 * d × d): the same inputs as `nfaCorrCurveOf`, including precomputed `gramTimesVectors`.
 */
export function centredCorrCurveOf(
  gram: Dense,
  eigen: PositiveEigen,
  gv: Float64Array = gramTimesVectors(gram, eigen),
): CentredCorrCurve {
  const n = gram.rows;
  if (gram.cols !== n || eigen.dim !== n) {
    throw new RangeError(
      `centredCorrCurve: gram is ${gram.rows}×${gram.cols}, agop is ${eigen.dim}×${eigen.dim}`,
    );
  }
  const lambda = eigen.positive;
  const r = lambda.length;
  const lambdaMax = lambda[0] ?? 0;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += gram.data[i * n + i]!;
  const t = trace / n;
  const centred = gram.data.slice(0, n * n);
  for (let i = 0; i < n; i++) centred[i * n + i] = centred[i * n + i]! - t;
  const gNorm = flatNorm(gram.data, n * n);
  const gcNorm = flatNorm(centred, n * n);
  const logMu = new Float64Array(r);
  // h_k = (g_k − t) / ‖G − tI‖: Σ h_k² ≤ 1 (diagonal entries of G − tI in an orthonormal basis).
  const h = new Float64Array(r);
  for (let k = 0; k < r; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += eigen.vectors[k * n + i]! * gv[k * n + i]!;
    logMu[k] = Math.log(lambda[k]! / lambdaMax);
    h[k] = (s - t) / gcNorm;
  }
  const usable =
    r > 0 &&
    Number.isFinite(gNorm) &&
    Number.isFinite(gcNorm) &&
    gcNorm > ISOTROPY_TOLERANCE * gNorm;
  const p = new Float64Array(r); // μ_k^α of the current evaluation
  const curve = (alpha: number): number | null => {
    if (!usable || !Number.isFinite(alpha)) return null;
    let sum = 0;
    let sumSq = 0;
    let num = 0;
    for (let k = 0; k < r; k++) {
      const pk = Math.exp(alpha * logMu[k]!);
      p[k] = pk;
      sum += pk;
      sumSq += pk * pk;
      num += pk * h[k]!;
    }
    const a = sum / n;
    let centredSq = (n - r) * a * a;
    for (let k = 0; k < r; k++) {
      const e = p[k]! - a;
      centredSq += e * e;
    }
    const norm = Math.sqrt(centredSq);
    if (!(norm > ISOTROPY_TOLERANCE * Math.sqrt(sumSq))) return null;
    const c = num / norm;
    return Number.isFinite(c) ? c : null;
  };
  curve.rank = r;
  curve.identifiable = usable && centredIdentifiable(logMu, r < n);
  curve.grid = (alpha0: number, step: number, count: number): CurveGrid | null => {
    if (!usable || !(alpha0 >= 0) || !(step >= 0) || !Number.isFinite(alpha0 + step)) return null;
    // μ_k^{α+step} = μ_k^α · μ_k^step: 2r exps in all instead of r per point.
    const pg = new Float64Array(r);
    const q = new Float64Array(r);
    for (let k = 0; k < r; k++) {
      pg[k] = Math.exp(alpha0 * logMu[k]!);
      q[k] = Math.exp(step * logMu[k]!);
    }
    const values = new Float64Array(count);
    let minNorm = Number.POSITIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      let sum = 0;
      let sumSq = 0;
      let num = 0;
      for (let k = 0; k < r; k++) {
        const pk = pg[k]!;
        sum += pk;
        sumSq += pk * pk;
        num += pk * h[k]!;
      }
      const a = sum / n;
      let centredSq = (n - r) * a * a;
      for (let k = 0; k < r; k++) {
        const e = pg[k]! - a;
        centredSq += e * e;
        pg[k] = pg[k]! * q[k]!;
      }
      const norm = Math.sqrt(centredSq);
      // Twice the curve's own threshold: the curve is then non-null at every grid point.
      if (!(norm > 2 * ISOTROPY_TOLERANCE * Math.sqrt(sumSq))) return null;
      const c = num / norm;
      if (!Number.isFinite(c)) return null;
      values[i] = c;
      minNorm = Math.min(minNorm, norm);
    }
    const error = centredGridError(r, n, count, minNorm);
    return Number.isFinite(error) ? { values, error } : null;
  };
  return curve;
}

/**
 * A bound on |grid value − curve value| for r positive eigenvalues of a d × d AGOP, `count`
 * points and the smallest centred norm C of the grid. As for the plain curve (gridError in
 * nfa-curve.ts), every grid μ_k^α is within η = (1.5·count + 3)·ε of the curve's. In exact
 * arithmetic that moves the numerator Σ μ_k^α h_k by at most η·Σ|h_k| ≤ η√r (Σ h_k² ≤ 1) and
 * the centred norm by at most η√r (centring is an orthogonal projection), so the cosine by at
 * most 2η√r / (C − η√r) (|numerator| ≤ norm). Each evaluation's own rounding adds below
 * (r^1.5 + r²/√d + √d)·ε / C + 2(r + d)·ε. Returned with a factor of 4 to spare; infinite
 * when C is too small to bound anything.
 */
function centredGridError(r: number, d: number, count: number, minNorm: number): number {
  const eta = (1.5 * count + 3) * Number.EPSILON;
  const sr = Math.sqrt(r);
  const norm = minNorm - eta * sr;
  if (!(norm > 0)) return Number.POSITIVE_INFINITY;
  const rounding = 2 * (r * sr + (r * r) / Math.sqrt(d) + Math.sqrt(d)) * Number.EPSILON;
  return 4 * ((2 * eta * sr + rounding) / norm + 4 * (r + d) * Number.EPSILON);
}

/**
 * Whether the centred direction of A^α depends on α: with a zero level (rank-deficient A),
 * two distinct positive eigenvalues suffice; a full-rank A needs a third level strictly
 * between λ_min and λ_max (with two levels, A^α − aI ∝ P − (m/d)·I for every α).
 */
function centredIdentifiable(logMu: Float64Array, hasZeroLevel: boolean): boolean {
  // μ_max = 1: every ln μ_k ≤ 0.
  let minLogMu = 0;
  for (const x of logMu) minLogMu = Math.min(minLogMu, x);
  if (logMu.length === 0 || -minLogMu < MIN_LOG_SPREAD) return false;
  if (hasZeroLevel) return true;
  for (const x of logMu) if (-x >= MIN_LOG_SPREAD && x - minLogMu >= MIN_LOG_SPREAD) return true;
  return false;
}

/** The best centred correlation over α ∈ [ALPHA_MIN, ALPHA_MAX] and its argmax (alphaHatCentred). */
export function centredCorrBest(curve: CentredCorrCurve): AlphaHat {
  return alphaHatFromCurve(curve);
}

/** The centred curve of ml-matrix inputs (one eigendecomposition of the AGOP). */
export function centredCorrCurve(gram: Matrix, agop: Matrix): CentredCorrCurve {
  assertSquare(gram, 'centredCorrCurve');
  assertSquare(agop, 'centredCorrCurve');
  return centredCorrCurveOf(fromMatrix(gram), positivePart(symmetricEigen(agop)));
}

/** ρ_c(α) = cos(G − (trG/d)·I, A^α − (trA^α/d)·I) for ml-matrix inputs (see `CentredCorrCurve`). */
export function centredCorr(gram: Matrix, agop: Matrix, alpha: number): number | null {
  return centredCorrCurve(gram, agop)(alpha);
}
