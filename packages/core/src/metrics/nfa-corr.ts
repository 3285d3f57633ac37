import { Matrix } from 'ml-matrix';
import { fromMatrix } from '../linalg/dense.js';
import { nfaCorrCurveOf, type NfaCorrCurve } from './nfa-curve.js';
import { positivePart } from './positive-eigen.js';
import type { SymmetricEigen } from './psd-power.js';
import { assertSquare, symmetricEigen } from './psd-power.js';

export type { NfaCorrCurve } from './nfa-curve.js';

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

/** Builds the curve from a precomputed AGOP eigendecomposition (see `NfaCorrCurve`). */
export function nfaCorrCurveFromEigen(gram: Matrix, agopEigen: SymmetricEigen): NfaCorrCurve {
  assertSquare(gram, 'nfaCorrCurve');
  const v = agopEigen.vectors;
  if (v.rows !== gram.rows) {
    throw new RangeError(
      `nfaCorrCurve: gram is ${gram.rows}×${gram.rows}, agop is ${v.rows}×${v.rows}`,
    );
  }
  return nfaCorrCurveOf(fromMatrix(gram), positivePart(agopEigen));
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
