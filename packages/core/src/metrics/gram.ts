import type { Matrix } from 'ml-matrix';
import { fromMatrix, toMatrix } from '../linalg/dense.js';
import { assertChainShapes, columnGramDense, endToEndDense, rowGramDense } from './dense-gram.js';

/**
 * The `Matrix` forms of the weight products (the public API, and the reference the tests
 * compare against). They copy to row-major arrays and run the `Dense` versions of
 * dense-gram.ts, which the training loop's log steps call directly.
 */

/**
 * Checks that `weights` = [W_1, …, W_L] (W_l of shape out × in) chain into a product
 * W_L ⋯ W_1, i.e. W_{l+1} has as many columns as W_l has rows. Throws (an internal error,
 * not a user mistake) when they do not.
 */
export function assertChain(weights: readonly Matrix[], where: string): void {
  assertChainShapes(
    weights.map((w) => ({ rows: w.rows, cols: w.columns })),
    where,
  );
}

/** Wᵀ W: the Gram matrix of the columns of W (exactly symmetric). */
export function columnGram(w: Matrix): Matrix {
  return toMatrix(columnGramDense(fromMatrix(w)));
}

/** W Wᵀ: the Gram matrix of the rows of W (exactly symmetric). */
export function rowGram(w: Matrix): Matrix {
  return toMatrix(rowGramDense(fromMatrix(w)));
}

/** The first-layer Gram matrix W_1ᵀ W_1 (d × d), the left side of the NFA. */
export function gram(w1: Matrix): Matrix {
  return columnGram(w1);
}

/** The end-to-end matrix W = W_L ⋯ W_1 (outputDim × inputDim) of a linear network. */
export function endToEnd(weights: readonly Matrix[]): Matrix {
  assertChain(weights, 'endToEnd');
  return toMatrix(endToEndDense(weights.map(fromMatrix)));
}

/**
 * The exact AGOP of a linear network: its input Jacobian is W = W_L ⋯ W_1 at every x, so
 * AGOP = (1/n) Σᵢ Wᵀ W = Wᵀ W (d × d, symmetric PSD).
 */
export function agopLinear(weights: readonly Matrix[]): Matrix {
  return columnGram(endToEnd(weights));
}
