import type { Matrix } from 'ml-matrix';

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

/** Wᵀ W: the Gram matrix of the columns of W (exactly symmetric). */
export function columnGram(w: Matrix): Matrix {
  return w.gram();
}

/** W Wᵀ: the Gram matrix of the rows of W (exactly symmetric). */
export function rowGram(w: Matrix): Matrix {
  return w.mmulByTranspose();
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
  let product = weights[weights.length - 1]!.clone();
  for (let l = weights.length - 2; l >= 0; l--) product = product.mmul(weights[l]!);
  return product;
}

/**
 * The exact AGOP of a linear network: its input Jacobian is W = W_L ⋯ W_1 at every x, so
 * AGOP = (1/n) Σᵢ Wᵀ W = Wᵀ W (d × d, symmetric PSD).
 */
export function agopLinear(weights: readonly Matrix[]): Matrix {
  return columnGram(endToEnd(weights));
}
