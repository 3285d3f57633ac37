import type { Matrix } from 'ml-matrix';
import { mulTransAInto, mulTransBInto } from '../linalg/gemm.js';
import { assertChain, columnGram, rowGram, rowMajor } from './gram.js';

/** The imbalance matrices D_l = W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ for l = 1 … L−1 (DESIGN.md §1). */
export function imbalanceMatrices(weights: readonly Matrix[]): Matrix[] {
  assertChain(weights, 'imbalance');
  const out: Matrix[] = [];
  for (let l = 0; l + 1 < weights.length; l++) {
    out.push(columnGram(weights[l + 1]!).sub(rowGram(weights[l]!)));
  }
  return out;
}

/** Absolute and relative imbalance, computed together. */
export interface Imbalance {
  /** Σ_l ‖D_l‖_F (0 for a single layer). */
  imbalance: number;
  /** imbalance / Σ_l ‖W_l W_lᵀ‖_F over l = 1 … L−1; null when that sum is 0. */
  imbalanceRel: number | null;
}

/** Frobenius norm of the first `len` entries, scaled as `frobeniusNorm` against overflow. */
function flatNorm(a: Float64Array, len: number): number {
  let scale = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < len; i++) {
    const v = a[i]! / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/**
 * Both sums in one pass over row-major copies of the weights (the same products as
 * columnGram/rowGram, without a Matrix per Gram: this runs at every log step).
 */
export function imbalanceBoth(weights: readonly Matrix[]): Imbalance {
  assertChain(weights, 'imbalance');
  let total = 0;
  let scale = 0;
  const flat = weights.map(rowMajor);
  for (let l = 0; l + 1 < weights.length; l++) {
    const w = weights[l]!;
    const next = weights[l + 1]!;
    const k = w.rows;
    const rows = new Float64Array(k * k);
    const cols = new Float64Array(k * k);
    mulTransBInto(rows, flat[l]!, flat[l]!, k, w.columns, k);
    mulTransAInto(cols, flat[l + 1]!, flat[l + 1]!, k, next.rows, k);
    for (let i = 0; i < k * k; i++) cols[i] = cols[i]! - rows[i]!;
    total += flatNorm(cols, k * k);
    scale += flatNorm(rows, k * k);
  }
  return { imbalance: total, imbalanceRel: scale > 0 ? total / scale : null };
}

/** imbalance = Σ_{l=1}^{L−1} ‖W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ‖_F; 0 for L = 1. */
export function imbalance(weights: readonly Matrix[]): number {
  return imbalanceBoth(weights).imbalance;
}

/** imbalance divided by Σ_{l=1}^{L−1} ‖W_l W_lᵀ‖_F; null when that sum is 0 (or L = 1). */
export function imbalanceRel(weights: readonly Matrix[]): number | null {
  return imbalanceBoth(weights).imbalanceRel;
}
