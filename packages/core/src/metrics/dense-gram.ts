import { dense, type Dense } from '../linalg/dense.js';
import { gramOfColumnsInto, gramOfRowsInto, mulInto } from '../linalg/gemm.js';

/**
 * The products the metrics take of the weights (Gram matrices, end-to-end map), on the
 * training engines' row-major `Dense` arrays and register-blocked float64 kernels
 * (linalg/gemm.ts), with no ml-matrix `Matrix` in between: a log step works on the engines'
 * weights as they are. The `Matrix` functions of gram.ts are thin wrappers around these.
 *
 * Gram matrices are computed on and above the diagonal and mirrored (exactly symmetric).
 */

/** A matrix shape, rows × cols. */
export interface Shape {
  rows: number;
  cols: number;
}

/**
 * Checks that shapes [W_1, …, W_L] (W_l of shape out × in) chain into a product W_L ⋯ W_1,
 * i.e. W_{l+1} has as many columns as W_l has rows. Throws (an internal error, not a user
 * mistake) when they do not.
 */
export function assertChainShapes(shapes: readonly Shape[], where: string): void {
  if (shapes.length === 0) throw new RangeError(`${where}: expected at least one weight matrix`);
  for (let l = 1; l < shapes.length; l++) {
    const prev = shapes[l - 1]!;
    const next = shapes[l]!;
    if (next.cols !== prev.rows) {
      throw new RangeError(
        `${where}: W_${l + 1} is ${next.rows}×${next.cols} but W_${l} is ` +
          `${prev.rows}×${prev.cols}; W_${l + 1} needs ${prev.rows} columns`,
      );
    }
  }
}

/** Wᵀ W (cols × cols): the Gram matrix of the columns of W. */
export function columnGramDense(w: Dense): Dense {
  const out = dense(w.cols, w.cols);
  gramOfColumnsInto(out.data, w.data, w.rows, w.cols);
  return out;
}

/** W Wᵀ (rows × rows): the Gram matrix of the rows of W. */
export function rowGramDense(w: Dense): Dense {
  const out = dense(w.rows, w.rows);
  gramOfRowsInto(out.data, w.data, w.rows, w.cols);
  return out;
}

/** The end-to-end matrix W = W_L ⋯ W_1 (outputDim × inputDim) of a linear network. */
export function endToEndDense(weights: readonly Dense[]): Dense {
  assertChainShapes(weights, 'endToEnd');
  // Multiply from the output side: every partial product then has only outputDim rows, which
  // costs c·k² per layer instead of k²·d.
  const last = weights[weights.length - 1]!;
  const rows = last.rows;
  let product = last.data;
  for (let l = weights.length - 2; l >= 0; l--) {
    const w = weights[l]!;
    const next = new Float64Array(rows * w.cols);
    mulInto(next, product, w.data, rows, w.rows, w.cols);
    product = next;
  }
  // A copy for one layer, so the result never aliases the caller's weights.
  return dense(rows, weights[0]!.cols, weights.length === 1 ? product.slice() : product);
}
