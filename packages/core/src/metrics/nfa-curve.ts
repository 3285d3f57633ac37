import type { Dense } from '../linalg/dense.js';
import { flatNorm } from '../linalg/flat.js';
import { mulTransBInto } from '../linalg/gemm.js';
import type { PositiveEigen } from './positive-eigen.js';

/**
 * AGOP spectra whose positive eigenvalues span less than this in natural-log units give
 * AGOP^α the same direction for every α: α is then not identifiable (e.g. a rank-one AGOP).
 */
export const MIN_LOG_SPREAD = 1e-6;

/**
 * A correlation of the gram matrix with a power AGOP^α as a function of α, as
 * `alphaHatFromCurve` searches it (nfaCorr here, the centred cosine in centred-corr.ts).
 */
export interface AlphaCurve {
  (alpha: number): number | null;
  /**
   * Whether the curve's maximum identifies α: false when what it compares has the same
   * direction for every α (then alphaHat is null, though the best correlation is defined).
   */
  readonly identifiable: boolean;
  /**
   * Optional: the curve on the grid α_i = alpha0 + i·step (i < count; alpha0, step ≥ 0)
   * without one exp per eigenvalue and point, for locating the best grid point (see
   * `CurveGrid`); null where it cannot bound its error (the curve is null or not finite).
   */
  readonly grid?: (alpha0: number, step: number, count: number) => CurveGrid | null;
}

/**
 * nfaCorr(α) as a function of α, for evaluating many α cheaply: O(r) per α after one
 * eigendecomposition of the AGOP. With AGOP = Σ λ_k v_k v_kᵀ and g_k = v_kᵀ G v_k,
 * ⟨G, AGOP^α⟩_F = Σ λ_k^α g_k and ‖AGOP^α‖_F = sqrt(Σ λ_k^{2α}), over λ_k > 0 (negative and
 * round-off eigenvalues count as 0). Eigenvalues are divided by λ_max first, which cancels
 * in the ratio and keeps λ^α finite for any α. Identifiable when rank ≥ 2 and
 * logSpread ≥ MIN_LOG_SPREAD.
 */
export interface NfaCorrCurve extends AlphaCurve {
  /** Number of eigenvalues of the AGOP treated as positive. */
  readonly rank: number;
  /** ln(λ_max / λ_min) over the positive eigenvalues: 0 when AGOP^α has one direction for all α. */
  readonly logSpread: number;
}

/**
 * Approximations of a curve on a grid: each value within `error` of what the curve itself
 * returns at that α. A caller that wants the curve's own maximum over the grid needs to
 * evaluate exactly only the points whose value is within 2·error of the largest value.
 */
export interface CurveGrid {
  values: Float64Array;
  error: number;
}

/**
 * The rows G v_k (r × d, row-major) for the positive eigenvectors v_k of `eigen`, G symmetric
 * d × d. One blocked product: the log step's only d²·r work on the gram matrix.
 */
export function gramTimesVectors(gram: Dense, eigen: PositiveEigen): Float64Array {
  const d = gram.rows;
  const r = eigen.positive.length;
  const out = new Float64Array(r * d);
  // Row k of out is Σ_j G_ij v_k[j], i.e. (V Gᵀ)_{ki} = (G v_k)_i since G is symmetric.
  mulTransBInto(out, eigen.vectors, gram.data, r, d, d);
  return out;
}

/**
 * Builds the curve from the AGOP's positive eigenpairs and the gram matrix (row-major, d × d).
 * `gv` may pass precomputed `gramTimesVectors(gram, eigen)`.
 */
export function nfaCorrCurveOf(
  gram: Dense,
  eigen: PositiveEigen,
  gv: Float64Array = gramTimesVectors(gram, eigen),
): NfaCorrCurve {
  const n = gram.rows;
  if (gram.cols !== n || eigen.dim !== n) {
    throw new RangeError(
      `nfaCorrCurve: gram is ${gram.rows}×${gram.cols}, agop is ${eigen.dim}×${eigen.dim}`,
    );
  }
  const lambda = eigen.positive;
  const r = lambda.length;
  const gNorm = flatNorm(gram.data, n * n);
  const lambdaMax = lambda[0] ?? 0;
  const logMu = new Float64Array(r);
  const g = new Float64Array(r);
  let minLogMu = 0;
  for (let k = 0; k < r; k++) {
    // g_k = v_kᵀ G v_k
    let s = 0;
    for (let i = 0; i < n; i++) s += eigen.vectors[k * n + i]! * gv[k * n + i]!;
    logMu[k] = Math.log(lambda[k]! / lambdaMax);
    g[k] = s / gNorm;
    minLogMu = Math.min(minLogMu, logMu[k]!);
  }
  const usable = gNorm > 0 && Number.isFinite(gNorm) && r > 0;
  const curve = (alpha: number): number | null => {
    if (!usable || !Number.isFinite(alpha)) return null;
    let num = 0;
    let den = 0;
    for (let k = 0; k < r; k++) {
      const p = Math.exp(alpha * logMu[k]!);
      num += p * g[k]!;
      den += p * p;
    }
    const c = num / Math.sqrt(den);
    return Number.isFinite(c) ? c : null;
  };
  curve.rank = r;
  curve.logSpread = r > 0 ? -minLogMu : 0;
  curve.identifiable = r >= 2 && curve.logSpread >= MIN_LOG_SPREAD;
  curve.grid = (alpha0: number, step: number, count: number): CurveGrid | null => {
    if (!usable || !(alpha0 >= 0) || !(step >= 0) || !Number.isFinite(alpha0 + step)) return null;
    // μ_k^{α+step} = μ_k^α · μ_k^step: 2r exps in all instead of r per point.
    const p = new Float64Array(r);
    const q = new Float64Array(r);
    for (let k = 0; k < r; k++) {
      p[k] = Math.exp(alpha0 * logMu[k]!);
      q[k] = Math.exp(step * logMu[k]!);
    }
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      let num = 0;
      let den = 0;
      for (let k = 0; k < r; k++) {
        const pk = p[k]!;
        num += pk * g[k]!;
        den += pk * pk;
        p[k] = pk * q[k]!;
      }
      const c = num / Math.sqrt(den);
      if (!Number.isFinite(c)) return null;
      values[i] = c;
    }
    return { values, error: gridError(r, count) };
  };
  return curve;
}

/**
 * A bound on |grid value − curve value| for r eigenvalues and `count` points. With α ≥ 0 every
 * μ^α = e^{−x} ≤ 1 (x = α·ln(λ_max/λ)), μ_max^α = 1 so Σμ^{2α} ≥ 1, and |g_k| ≤ 1. The
 * recurrence's μ^{α_i} and the curve's exp(α_i·ln μ) differ by at most
 * (3x + 1.5i + 3)·ε·e^{−x} ≤ (1.5·count + 3)·ε, each of num and den perturbs the ratio by r
 * times that (times √r for den), and both evaluations round their r-term sums: in all below
 * (1.5·count + r + 8)·r·(1 + √r)·ε. Returned with a factor of about 5 to spare.
 */
function gridError(r: number, count: number): number {
  return 8 * (count + r + 8) * r * (1 + Math.sqrt(r)) * Number.EPSILON;
}
