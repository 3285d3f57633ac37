import { Matrix } from 'ml-matrix';
import { mulInto, mulTransAInto, mulTransBInto } from '../linalg/gemm.js';

/** Row-major copy of a matrix's entries. */
export function rowMajor(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows * m.columns);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.columns; j++) out[i * m.columns + j] = m.get(i, j);
  return out;
}

function fromFlat(data: Float64Array, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, data[i * cols + j]!);
  return m;
}

/**
 * Checks that `weights` = [W_1, …, W_L] (W_l of shape out × in) chain into a product
 * W_L ⋯ W_1, i.e. W_{l+1} has as many columns as W_l has rows. Throws (an internal error,
 * not a user mistake) when they do not.
 */
export function assertChain(weights: readonly Matrix[], where: string): void {
  if (weights.length === 0) throw new RangeError(`${where}: expected at least one weight matrix`);
  for (let l = 1; l < weights.length; l++) {
    const prev = weights[l - 1]!;
    const next = weights[l]!;
    if (next.columns !== prev.rows) {
      throw new RangeError(
        `${where}: W_${l + 1} is ${next.rows}×${next.columns} but W_${l} is ` +
          `${prev.rows}×${prev.columns}; W_${l + 1} needs ${prev.rows} columns`,
      );
    }
  }
}

// The products below run on the training engines' register-blocked float64 kernels
// (linalg/gemm.ts), several times faster than ml-matrix's on the 8–64-wide matrices of a log
// step. Each entry of a Gram matrix sums the same products in the same order as its mirror
// entry, so the results are exactly symmetric.

/** Wᵀ W: the Gram matrix of the columns of W (exactly symmetric). */
export function columnGram(w: Matrix): Matrix {
  const a = rowMajor(w);
  const out = new Float64Array(w.columns * w.columns);
  mulTransAInto(out, a, a, w.columns, w.rows, w.columns);
  return fromFlat(out, w.columns, w.columns);
}

/** W Wᵀ: the Gram matrix of the rows of W (exactly symmetric). */
export function rowGram(w: Matrix): Matrix {
  const a = rowMajor(w);
  const out = new Float64Array(w.rows * w.rows);
  mulTransBInto(out, a, a, w.rows, w.columns, w.rows);
  return fromFlat(out, w.rows, w.rows);
}

/** The first-layer Gram matrix W_1ᵀ W_1 (d × d), the left side of the NFA. */
export function gram(w1: Matrix): Matrix {
  return columnGram(w1);
}

/** The end-to-end matrix W = W_L ⋯ W_1 (outputDim × inputDim) of a linear network. */
export function endToEnd(weights: readonly Matrix[]): Matrix {
  assertChain(weights, 'endToEnd');
  // Multiply from the output side: every partial product then has only outputDim rows, which
  // costs c·k² per layer instead of k²·d.
  const last = weights[weights.length - 1]!;
  const rows = last.rows;
  let product = rowMajor(last);
  for (let l = weights.length - 2; l >= 0; l--) {
    const w = weights[l]!;
    const next = new Float64Array(rows * w.columns);
    mulInto(next, product, rowMajor(w), rows, w.rows, w.columns);
    product = next;
  }
  return fromFlat(product, rows, weights[0]!.columns);
}

/**
 * The exact AGOP of a linear network: its input Jacobian is W = W_L ⋯ W_1 at every x, so
 * AGOP = (1/n) Σᵢ Wᵀ W = Wᵀ W (d × d, symmetric PSD).
 */
export function agopLinear(weights: readonly Matrix[]): Matrix {
  return columnGram(endToEnd(weights));
}
