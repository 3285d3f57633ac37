import type { Matrix } from 'ml-matrix';
import { fromMatrix, type Dense } from '../linalg/dense.js';
import { gramOfColumnsInto, gramOfRowsInto } from '../linalg/gemm.js';
import { assertChainShapes } from './dense-gram.js';
import { assertChain, columnGram, rowGram } from './gram.js';

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

/**
 * ‖a − b‖_F and ‖b‖_F over the first `len` entries, each as `flatNorm` computes it (scaled by
 * the largest entry, the same sums in the same order), in two passes instead of five.
 */
function differenceNorms(a: Float64Array, b: Float64Array, len: number): [number, number] {
  let maxDiff = 0;
  let maxB = 0;
  for (let i = 0; i < len; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
    maxB = Math.max(maxB, Math.abs(b[i]!));
  }
  const diffUsable = maxDiff > 0 && Number.isFinite(maxDiff);
  const bUsable = maxB > 0 && Number.isFinite(maxB);
  let sumDiff = 0;
  let sumB = 0;
  if (diffUsable || bUsable) {
    for (let i = 0; i < len; i++) {
      const x = (a[i]! - b[i]!) / maxDiff;
      const y = b[i]! / maxB;
      sumDiff += x * x;
      sumB += y * y;
    }
  }
  return [
    diffUsable ? maxDiff * Math.sqrt(sumDiff) : maxDiff,
    bUsable ? maxB * Math.sqrt(sumB) : maxB,
  ];
}

/**
 * Both sums in one pass over the row-major weights (the same products as columnGram/rowGram,
 * without a Matrix per Gram: this runs at every log step). Two k × k buffers for all layers.
 */
export function imbalanceDense(weights: readonly Dense[]): Imbalance {
  assertChainShapes(weights, 'imbalance');
  let total = 0;
  let scale = 0;
  let widest = 0;
  for (let l = 0; l + 1 < weights.length; l++) widest = Math.max(widest, weights[l]!.rows);
  const rows = new Float64Array(widest * widest);
  const cols = new Float64Array(widest * widest);
  for (let l = 0; l + 1 < weights.length; l++) {
    const w = weights[l]!;
    const next = weights[l + 1]!;
    const k = w.rows;
    gramOfRowsInto(rows, w.data, k, w.cols);
    gramOfColumnsInto(cols, next.data, next.rows, k);
    const [diffNorm, rowsNorm] = differenceNorms(cols, rows, k * k);
    total += diffNorm;
    scale += rowsNorm;
  }
  return { imbalance: total, imbalanceRel: scale > 0 ? total / scale : null };
}

/** `imbalanceDense` of `Matrix` weights. */
export function imbalanceBoth(weights: readonly Matrix[]): Imbalance {
  assertChain(weights, 'imbalance');
  return imbalanceDense(weights.map(fromMatrix));
}

/** imbalance = Σ_{l=1}^{L−1} ‖W_{l+1}ᵀ W_{l+1} − W_l W_lᵀ‖_F; 0 for L = 1. */
export function imbalance(weights: readonly Matrix[]): number {
  return imbalanceBoth(weights).imbalance;
}

/** imbalance divided by Σ_{l=1}^{L−1} ‖W_l W_lᵀ‖_F; null when that sum is 0 (or L = 1). */
export function imbalanceRel(weights: readonly Matrix[]): number | null {
  return imbalanceBoth(weights).imbalanceRel;
}
