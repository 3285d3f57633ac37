import type { Matrix } from 'ml-matrix';
import { alphaHatFromCurve, alphaHatSpectralFromEigen } from './alpha-hat.js';
import { symmetricEigenvalues } from '../linalg/symmetric-eigenvalues.js';
import { assertChain, columnGram, endToEnd, gram as firstLayerGram, rowMajor } from './gram.js';
import { imbalanceBoth } from './imbalance.js';
import { columnGramEigen } from './low-rank-eigen.js';
import { cosineSimilarity, nfaCorrCurveFromEigen, pearsonEntries } from './nfa-corr.js';
import { assertSquare, psdPowerFromEigen, symmetricEigen } from './psd-power.js';

export interface NfaMetricsInput {
  /** W_1 … W_L, W_l of shape out × in (W_1: width × inputDim, W_L: outputDim × width). */
  weights: readonly Matrix[];
  /** The AGOP (d × d) when computed by autodiff; defaults to the exact linear AGOP WᵀW. */
  agop?: Matrix;
  /**
   * Whether to compute alphaHatSpectral, which costs the eigenvalues of the gram matrix (no
   * eigenvectors: about a tenth of a full decomposition). Default true; history points do not
   * record it, so a training loop may pass false at every log step but the last. When false,
   * alphaHatSpectral is null.
   */
  spectral?: boolean;
}

/** Everything the training loop logs at one step (DESIGN.md §3); `null` where undefined. */
export interface NfaMetrics {
  gram: Matrix;
  agop: Matrix;
  /** nfaCorr at α = 1/L. */
  nfaCorr: number | null;
  /** nfaCorr at α = 1/2. */
  nfaCorrHalf: number | null;
  /** Pearson correlation of the entries of gram and agop^{1/L}. */
  nfaPearson: number | null;
  alphaHat: number | null;
  /** nfaCorr(alphaHat): the best correlation over α ∈ [0.02, 2]. */
  nfaCorrBest: number | null;
  alphaHatSpectral: number | null;
  imbalance: number | null;
  imbalanceRel: number | null;
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

function allFinite(m: Matrix): boolean {
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.columns; j++) if (!Number.isFinite(m.get(i, j))) return false;
  }
  return true;
}

/**
 * Computes all NFA metrics of one log step in one pass: one eigendecomposition of the AGOP
 * (shared by nfaCorr, nfaCorrHalf, nfaPearson, alphaHat and alphaHatSpectral; through the c × c
 * WWᵀ for the closed-form AGOP) and the eigenvalues only of the gram matrix. Weights or an AGOP with non-finite entries (a diverged run) give null metrics.
 */
export function nfaMetrics({
  weights,
  agop: givenAgop,
  spectral = true,
}: NfaMetricsInput): NfaMetrics {
  assertChain(weights, 'nfaMetrics');
  const depth = weights.length;
  const gram = firstLayerGram(weights[0]!);
  // The closed-form AGOP WᵀW (W = W_L⋯W_1, c × d) is kept with its factor W, whose c × c
  // Gram matrix gives the AGOP's eigendecomposition cheaply (see columnGramEigen).
  const product = givenAgop ? null : endToEnd(weights);
  const agop = givenAgop ?? columnGram(product!);
  assertSquare(agop, 'nfaMetrics agop');
  if (agop.rows !== gram.rows) {
    throw new RangeError(
      `nfaMetrics: agop is ${agop.rows}×${agop.columns} but W_1 has ${gram.rows} inputs`,
    );
  }
  const { imbalance, imbalanceRel } = imbalanceBoth(weights);
  const nulls: NfaMetrics = {
    gram,
    agop,
    nfaCorr: null,
    nfaCorrHalf: null,
    nfaPearson: null,
    alphaHat: null,
    nfaCorrBest: null,
    alphaHatSpectral: null,
    imbalance: finiteOrNull(imbalance),
    imbalanceRel: finiteOrNull(imbalanceRel),
  };
  if (!allFinite(gram) || !allFinite(agop)) return nulls;

  const agopEigen = product ? columnGramEigen(product) : symmetricEigen(agop);
  const curve = nfaCorrCurveFromEigen(gram, agopEigen);
  const best = alphaHatFromCurve(curve);
  const agopRoot = psdPowerFromEigen(agopEigen, 1 / depth);
  return {
    ...nulls,
    // Direct cosine of the matrices for α = 1/L (also used for Pearson), the curve elsewhere.
    nfaCorr: finiteOrNull(cosineSimilarity(gram, agopRoot)),
    nfaCorrHalf: finiteOrNull(curve(0.5)),
    nfaPearson: finiteOrNull(pearsonEntries(gram, agopRoot)),
    alphaHat: finiteOrNull(best.alpha),
    nfaCorrBest: finiteOrNull(best.corr),
    alphaHatSpectral: spectral
      ? finiteOrNull(alphaHatSpectralFromEigen(gramSpectrum(gram), agopEigen))
      : null,
  };
}

/** Eigenvalues of the gram matrix (alphaHatSpectral needs no eigenvectors of it). */
function gramSpectrum(gram: Matrix): { values: Float64Array } {
  return { values: symmetricEigenvalues(rowMajor(gram), gram.rows) };
}

/** A matrix as nested arrays of rows (for JSON records). */
export function toArray(m: Matrix): number[][] {
  return m.to2DArray();
}
