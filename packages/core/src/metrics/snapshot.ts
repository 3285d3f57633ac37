import type { Matrix } from 'ml-matrix';
import type { Dense } from '../linalg/dense.js';
import { allFiniteFlat } from '../linalg/flat.js';
import { symmetricEigenFlat } from '../linalg/symmetric-eigen-flat.js';
import { alphaHatFromCurve, alphaHatSpectralFromEigen } from './alpha-hat.js';
import { centredCorrCurveOf } from './centred-corr.js';
import { assertChainShapes, columnGramDense, endToEndDense } from './dense-gram.js';
import { imbalanceDense } from './imbalance.js';
import { columnGramPositiveEigen } from './low-rank-eigen.js';
import { gramTimesVectors, nfaCorrCurveOf } from './nfa-curve.js';
import { symmetricPositiveEigen, type PositiveEigen } from './positive-eigen.js';
import { pearsonWithPower } from './power-pearson.js';

export interface NfaMetricsInput {
  /**
   * W_1 … W_L as the training engines hold them (row-major `Dense`), W_l of shape out × in
   * (W_1: width × inputDim, W_L: outputDim × width).
   */
  weights: readonly Dense[];
  /** The AGOP (d × d) when computed by autodiff; defaults to the exact linear AGOP WᵀW. */
  agop?: Dense;
  /**
   * Whether to compute alphaHatSpectral, which costs a decomposition of the d × d gram matrix
   * (more than the rest of a log step together). Default true; history points do not record
   * it, so a training loop may pass false at every log step but the last. When false,
   * alphaHatSpectral is null.
   */
  spectral?: boolean;
}

/** Everything the training loop logs at one step (DESIGN.md §3); `null` where undefined. */
export interface NfaMetrics {
  /** W_1ᵀW_1 (d × d). */
  gram: Dense;
  /** The AGOP (d × d): the given one, or WᵀW. */
  agop: Dense;
  /** nfaCorr at α = 1/L. */
  nfaCorr: number | null;
  /** nfaCorr at α = 1/2. */
  nfaCorrHalf: number | null;
  /** Pearson correlation of the entries of gram and agop^{1/L}. */
  nfaPearson: number | null;
  alphaHat: number | null;
  /** nfaCorr(alphaHat): the best correlation over α ∈ [0.02, 2]. */
  nfaCorrBest: number | null;
  /** Best centred (traceless) correlation over α ∈ [0.02, 2] (see centred-corr.ts). */
  nfaCorrCentredBest: number | null;
  /** Its argmax; null when not identifiable. */
  alphaHatCentred: number | null;
  alphaHatSpectral: number | null;
  imbalance: number | null;
  imbalanceRel: number | null;
  /** Number of positive eigenvalues of the AGOP (the curves' rank); 0 when not finite. */
  agopRank: number;
  /** The AGOP's positive eigenpairs (for baselines against it); null when not finite. */
  agopEigen: PositiveEigen | null;
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/**
 * Computes all NFA metrics of one log step in one pass, on the engines' row-major weights:
 * the positive eigenpairs of the AGOP (through the c × c WWᵀ for the closed-form AGOP) serve
 * nfaCorr, nfaCorrHalf, nfaPearson, alphaHat and the centred correlation without forming
 * AGOP^α (see nfa-curve.ts, centred-corr.ts and power-pearson.ts); alphaHatSpectral adds the
 * eigenvalues of the gram matrix. Weights or an AGOP with non-finite entries (a diverged run)
 * give null metrics.
 */
export function nfaMetrics({
  weights,
  agop: givenAgop,
  spectral = true,
}: NfaMetricsInput): NfaMetrics {
  assertChainShapes(weights, 'nfaMetrics');
  const depth = weights.length;
  const gram = columnGramDense(weights[0]!);
  // The closed-form AGOP WᵀW (W = W_L⋯W_1, c × d) is kept with its factor W, whose c × c
  // Gram matrix gives the AGOP's eigenpairs cheaply (see columnGramPositiveEigen).
  const product = givenAgop ? null : endToEndDense(weights);
  const agop = givenAgop ?? columnGramDense(product!);
  if (agop.rows !== agop.cols) {
    throw new RangeError(
      `nfaMetrics agop: expected a square matrix, got ${agop.rows}×${agop.cols}`,
    );
  }
  if (agop.rows !== gram.rows) {
    throw new RangeError(
      `nfaMetrics: agop is ${agop.rows}×${agop.cols} but W_1 has ${gram.rows} inputs`,
    );
  }
  const { imbalance, imbalanceRel } = imbalanceDense(weights);
  const nulls: NfaMetrics = {
    gram,
    agop,
    nfaCorr: null,
    nfaCorrHalf: null,
    nfaPearson: null,
    alphaHat: null,
    nfaCorrBest: null,
    nfaCorrCentredBest: null,
    alphaHatCentred: null,
    alphaHatSpectral: null,
    imbalance: finiteOrNull(imbalance),
    imbalanceRel: finiteOrNull(imbalanceRel),
    agopRank: 0,
    agopEigen: null,
  };
  if (!allFiniteFlat(gram.data) || !allFiniteFlat(agop.data)) return nulls;

  const eigen = product ? columnGramPositiveEigen(product) : symmetricPositiveEigen(agop);
  const gv = gramTimesVectors(gram, eigen);
  const curve = nfaCorrCurveOf(gram, eigen, gv);
  const best = alphaHatFromCurve(curve);
  const centred = alphaHatFromCurve(centredCorrCurveOf(gram, eigen, gv));
  return {
    ...nulls,
    nfaCorr: finiteOrNull(curve(1 / depth)),
    nfaCorrHalf: finiteOrNull(curve(0.5)),
    nfaPearson: finiteOrNull(pearsonWithPower(gram, eigen, 1 / depth, gv)),
    alphaHat: finiteOrNull(best.alpha),
    nfaCorrBest: finiteOrNull(best.corr),
    nfaCorrCentredBest: finiteOrNull(centred.corr),
    alphaHatCentred: finiteOrNull(centred.alpha),
    // The gram spectrum by the decomposition that every log step runs (on the c × c WWᵀ):
    // JIT-compiled by now, where code that runs once per run would still be interpreted.
    alphaHatSpectral: spectral
      ? finiteOrNull(alphaHatSpectralFromEigen(symmetricEigenFlat(gram.data, gram.rows), eigen))
      : null,
    agopRank: curve.rank,
    agopEigen: eigen,
  };
}

/** A matrix (ml-matrix or row-major `Dense`) as nested arrays of rows (for JSON records). */
export function toArray(m: Matrix | Dense): number[][] {
  if (!isDense(m)) return m.to2DArray();
  // Plain pushes: faster than Array.from of each row's subarray (an iterator per row).
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < m.cols; j++) row.push(m.data[i * m.cols + j]!);
    out.push(row);
  }
  return out;
}

function isDense(m: Matrix | Dense): m is Dense {
  return (m as Dense).data instanceof Float64Array && typeof (m as Dense).cols === 'number';
}
