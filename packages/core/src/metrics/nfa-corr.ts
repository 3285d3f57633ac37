import { Matrix } from 'ml-matrix';
import type { SymmetricEigen } from './psd-power.js';
import { assertSquare, clampedEigenvalues, symmetricEigen } from './psd-power.js';

function assertSameShape(a: Matrix, b: Matrix, where: string): void {
  if (a.rows !== b.rows || a.columns !== b.columns) {
    throw new RangeError(
      `${where}: shapes differ (${a.rows}×${a.columns} vs ${b.rows}×${b.columns})`,
    );
  }
}

/** Frobenius inner product ⟨A, B⟩_F = Σ A_ij B_ij. */
export function frobeniusDot(a: Matrix, b: Matrix): number {
  assertSameShape(a, b, 'frobeniusDot');
  let s = 0;
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.columns; j++) s += a.get(i, j) * b.get(i, j);
  return s;
}

/** Frobenius norm ‖A‖_F, scaled to avoid overflow and underflow. */
export function frobeniusNorm(a: Matrix): number {
  let scale = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) scale = Math.max(scale, Math.abs(a.get(i, j)));
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) {
      const v = a.get(i, j) / scale;
      s += v * v;
    }
  }
  return scale * Math.sqrt(s);
}

/**
 * Cosine similarity ⟨A, B⟩_F / (‖A‖_F ‖B‖_F) of two same-shape matrices: 1 exactly when B is
 * a positive multiple of A. `null` when either norm is 0 (or a value is not finite).
 */
export function cosineSimilarity(a: Matrix, b: Matrix): number | null {
  assertSameShape(a, b, 'cosineSimilarity');
  const na = frobeniusNorm(a);
  const nb = frobeniusNorm(b);
  if (!(na > 0) || !(nb > 0) || !Number.isFinite(na) || !Number.isFinite(nb)) return null;
  // Normalize first so the dot product cannot overflow.
  let s = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) s += (a.get(i, j) / na) * (b.get(i, j) / nb);
  }
  return Number.isFinite(s) ? s : null;
}

/** A minus its mean entry. */
function centered(a: Matrix): Matrix {
  const mean = a.mean();
  // Entry by entry: ml-matrix's clone() goes through an iterator, a tenth of a log step.
  const out = new Matrix(a.rows, a.columns);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.columns; j++) out.set(i, j, a.get(i, j) - mean);
  return out;
}

/**
 * Pearson correlation of the entries of A and B (each minus its mean entry), the statistic of
 * Radhakrishnan et al.'s published code. `null` when either matrix has constant entries.
 */
export function pearsonEntries(a: Matrix, b: Matrix): number | null {
  assertSameShape(a, b, 'pearsonEntries');
  return cosineSimilarity(centered(a), centered(b));
}

/**
 * nfaCorr(α) as a function of α, for evaluating many α cheaply: O(d) per α after one
 * eigendecomposition of the AGOP. With AGOP = Σ λ_i v_i v_iᵀ and g_i = v_iᵀ G v_i,
 * ⟨G, AGOP^α⟩_F = Σ λ_i^α g_i and ‖AGOP^α‖_F = sqrt(Σ λ_i^{2α}), over λ_i > 0 (negative and
 * round-off eigenvalues count as 0). Eigenvalues are divided by λ_max first, which cancels
 * in the ratio and keeps λ^α finite for any α.
 */
export interface NfaCorrCurve {
  (alpha: number): number | null;
  /** Number of eigenvalues of the AGOP treated as positive. */
  readonly rank: number;
  /** ln(λ_max / λ_min) over the positive eigenvalues: 0 when AGOP^α has one direction for all α. */
  readonly logSpread: number;
}

/** Builds the curve from a precomputed AGOP eigendecomposition (see `NfaCorrCurve`). */
export function nfaCorrCurveFromEigen(gram: Matrix, agopEigen: SymmetricEigen): NfaCorrCurve {
  assertSquare(gram, 'nfaCorrCurve');
  const v = agopEigen.vectors;
  if (v.rows !== gram.rows) {
    throw new RangeError(
      `nfaCorrCurve: gram is ${gram.rows}×${gram.rows}, agop is ${v.rows}×${v.rows}`,
    );
  }
  const lambda = clampedEigenvalues(agopEigen.values);
  const gNorm = frobeniusNorm(gram);
  const logMu: number[] = [];
  const g: number[] = [];
  const lambdaMax = lambda[0] ?? 0;
  const n = gram.rows;
  for (let k = 0; k < lambda.length; k++) {
    const l = lambda[k]!;
    if (!(l > 0)) continue;
    // g_k = v_kᵀ G v_k
    let s = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += gram.get(i, j) * v.get(j, k);
      s += v.get(i, k) * row;
    }
    logMu.push(Math.log(l / lambdaMax));
    g.push(s / gNorm);
  }
  const usable = gNorm > 0 && Number.isFinite(gNorm) && logMu.length > 0;
  const curve = (alpha: number): number | null => {
    if (!usable || !Number.isFinite(alpha)) return null;
    let num = 0;
    let den = 0;
    for (let k = 0; k < logMu.length; k++) {
      const p = Math.exp(alpha * logMu[k]!);
      num += p * g[k]!;
      den += p * p;
    }
    const c = num / Math.sqrt(den);
    return Number.isFinite(c) ? c : null;
  };
  const logSpread = logMu.length > 0 ? -Math.min(...logMu) : 0;
  return Object.assign(curve, { rank: logMu.length, logSpread });
}

/** nfaCorr(α) as a function of α for this gram and AGOP (one eigendecomposition). */
export function nfaCorrCurve(gram: Matrix, agop: Matrix): NfaCorrCurve {
  assertSquare(agop, 'nfaCorrCurve');
  return nfaCorrCurveFromEigen(gram, symmetricEigen(agop));
}

/** nfaCorr(α): cosine similarity of the gram matrix and AGOP^α (DESIGN.md §3). */
export function nfaCorr(gram: Matrix, agop: Matrix, alpha: number): number | null {
  return nfaCorrCurve(gram, agop)(alpha);
}
