import type { Matrix } from 'ml-matrix';
import { assertChain, columnGram, rowGram } from './gram.js';
import { frobeniusNorm } from './nfa-corr.js';

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

export function imbalanceBoth(weights: readonly Matrix[]): Imbalance {
  assertChain(weights, 'imbalance');
  let total = 0;
  let scale = 0;
  for (let l = 0; l + 1 < weights.length; l++) {
    const rows = rowGram(weights[l]!);
    total += frobeniusNorm(columnGram(weights[l + 1]!).sub(rows));
    scale += frobeniusNorm(rows);
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
