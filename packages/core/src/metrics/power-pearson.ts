import type { Dense } from '../linalg/dense.js';
import { flatNorm } from '../linalg/flat.js';
import { mulTransBInto } from '../linalg/gemm.js';
import { gramTimesVectors } from './nfa-curve.js';
import type { PositiveEigen } from './positive-eigen.js';

/**
 * Below this ratio of ‖X − x̄J‖_F to ‖X‖_F (X minus its mean entry x̄, J the all-ones matrix)
 * a matrix counts as having constant entries, and the Pearson correlation as undefined. Round-
 * off alone leaves a ratio of order d·ε ≈ 1e-14 for an exactly constant d × d matrix; at the
 * threshold the correlation keeps about five correct digits (error ≈ √d·ε / 1e-10).
 */
export const CONSTANT_ENTRIES_TOLERANCE = 1e-10;

/**
 * Pearson correlation of the entries of G (d × d, symmetric, row-major) and B = AGOP^α, each
 * minus its mean entry — what `pearsonEntries(gram, psdPower(agop, α))` computes — from the
 * positive eigenpairs (λ_k, v_k) of the AGOP, without forming the d × d matrix B.
 *
 * With μ_k = (λ_k/λ_max)^α (the scale cancels), u = 1/√d, c_k = v_k·u, Gc = G − ḡJ:
 * - ⟨Gc, Bc⟩ = ⟨Gc, B⟩ − (uᵀBu)(uᵀGc u) with ⟨Gc, B⟩ = Σ μ_k (v_kᵀGv_k − ḡ·d·c_k²) and
 *   uᵀBu = Σ μ_k c_k², uᵀGc u = (Σ_ij Gc_ij)/d (round-off of 0, kept for accuracy);
 * - ‖Bc‖² = ‖PBP‖² + 2‖PBu‖² for the projector P = I − uuᵀ, i.e. with w_k = P v_k,
 *   Σ_kl μ_k μ_l (w_k·w_l)² + 2‖Σ_k μ_k c_k w_k‖², which has no cancellation when B is close
 *   to a multiple of J (unlike ‖B‖² − (Σ_ij B_ij)²/d²);
 * - ‖Gc‖ from the entries of G.
 * G is divided by ‖G‖_F first so that no square overflows. `null` when either matrix has
 * (nearly, see CONSTANT_ENTRIES_TOLERANCE) constant entries, the AGOP has no positive
 * eigenvalue, or a value is not finite. `gv` may pass `gramTimesVectors(gram, eigen)`.
 */
export function pearsonWithPower(
  gram: Dense,
  eigen: PositiveEigen,
  alpha: number,
  gv: Float64Array = gramTimesVectors(gram, eigen),
): number | null {
  const d = gram.rows;
  const size = d * d;
  const r = eigen.positive.length;
  const gNorm = flatNorm(gram.data, size);
  if (r === 0 || !(gNorm > 0) || !Number.isFinite(gNorm) || !Number.isFinite(alpha)) return null;

  // The gram side, in units of ‖G‖: mean entry, centered norm and the centered entries' sum.
  const g = gram.data;
  let sum = 0;
  for (let i = 0; i < size; i++) sum += g[i]! / gNorm;
  const mean = sum / size;
  let gcSquares = 0;
  let gcSum = 0;
  for (let i = 0; i < size; i++) {
    const c = g[i]! / gNorm - mean;
    gcSquares += c * c;
    gcSum += c;
  }
  const gcNorm = Math.sqrt(gcSquares);
  if (!(gcNorm > CONSTANT_ENTRIES_TOLERANCE)) return null;

  // The AGOP^α side: weights μ_k, components c_k along u and the projections w_k = P v_k.
  const v = eigen.vectors;
  const lambdaMax = eigen.positive[0]!;
  const root = Math.sqrt(d);
  const mu = new Float64Array(r);
  const along = new Float64Array(r);
  const w = new Float64Array(r * d);
  let bSquares = 0;
  let uBu = 0;
  let numerator = 0;
  for (let k = 0; k < r; k++) {
    const row = k * d;
    mu[k] = Math.exp(alpha * Math.log(eigen.positive[k]! / lambdaMax));
    let s = 0;
    let vGv = 0;
    for (let i = 0; i < d; i++) {
      s += v[row + i]!;
      vGv += v[row + i]! * gv[row + i]!;
    }
    const c = s / root;
    along[k] = c;
    for (let i = 0; i < d; i++) w[row + i] = v[row + i]! - c / root;
    bSquares += mu[k]! * mu[k]!;
    uBu += mu[k]! * c * c;
    numerator += mu[k]! * (vGv / gNorm - mean * d * c * c);
  }
  numerator -= (uBu * gcSum) / d;

  const wGram = new Float64Array(r * r);
  mulTransBInto(wGram, w, w, r, d, r);
  let pbp = 0;
  for (let k = 0; k < r; k++) {
    for (let l = 0; l < r; l++) {
      const x = wGram[k * r + l]!;
      pbp += mu[k]! * mu[l]! * x * x;
    }
  }
  let pbu = 0;
  for (let i = 0; i < d; i++) {
    let z = 0;
    for (let k = 0; k < r; k++) z += mu[k]! * along[k]! * w[k * d + i]!;
    pbu += z * z;
  }
  const bcNorm = Math.sqrt(pbp + 2 * pbu);
  if (!(bcNorm > CONSTANT_ENTRIES_TOLERANCE * Math.sqrt(bSquares))) return null;
  const p = numerator / (gcNorm * bcNorm);
  return Number.isFinite(p) ? p : null;
}
