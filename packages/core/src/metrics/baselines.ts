import type { Baselines } from '../config/result.js';
import { dense, type Dense } from '../linalg/dense.js';
import { Rng } from '../random/rng.js';
import { alphaHatFromCurve } from './alpha-hat.js';
import { centredCorrCurveOf } from './centred-corr.js';
import { columnGramDense } from './dense-gram.js';
import { gramTimesVectors, nfaCorrCurveOf } from './nfa-curve.js';
import type { PositiveEigen } from './positive-eigen.js';

/** The label of the random first layer's stream (independent of every training stream). */
export const BASELINE_RANDOM_STREAM = 'baseline.random';

/** Every baseline null: the final AGOP was not finite. */
export const NULL_BASELINES: Baselines = {
  isotropicBest: null,
  randomBest: null,
  randomCentredBest: null,
  initialBest: null,
  initialCentredBest: null,
};

const finiteOrNull = (x: number | null): number | null =>
  x !== null && Number.isFinite(x) ? x : null;

/**
 * An independent random first layer of W_1's shape (rows × cols): i.i.d. standard Gaussian
 * entries from Rng.stream(seed, 'baseline.random'). Its scale does not matter: the
 * correlations are cosines.
 */
export function randomFirstLayer(rows: number, cols: number, seed: number): Dense {
  return dense(rows, cols, Rng.stream(seed, BASELINE_RANDOM_STREAM).normals(rows * cols));
}

/** Best-α plain and centred cosines of the gram matrix of `w1` against the AGOP. */
function bestOf(w1: Dense, eigen: PositiveEigen): { best: number | null; centred: number | null } {
  const gram = columnGramDense(w1);
  const gv = gramTimesVectors(gram, eigen);
  return {
    best: finiteOrNull(alphaHatFromCurve(nfaCorrCurveOf(gram, eigen, gv)).corr),
    centred: finiteOrNull(alphaHatFromCurve(centredCorrCurveOf(gram, eigen, gv)).corr),
  };
}

/**
 * The `Baselines` of a final AGOP (its positive eigenpairs as nfaMetrics computed them; null
 * when it was not finite): the best-α cosine of G = I, and the
 * best-α plain and centred cosines of an independent random first layer and of the network's
 * own initial first layer W_1(0). Computed once per run.
 */
export function baselinesOf(
  agopEigen: PositiveEigen | null,
  firstLayers: { initial: Dense; random: Dense },
): Baselines {
  if (!agopEigen) return NULL_BASELINES;
  const d = agopEigen.dim;
  for (const w of [firstLayers.initial, firstLayers.random]) {
    if (w.cols !== d) {
      throw new RangeError(`baselines: a first layer has ${w.cols} inputs, the AGOP is ${d}×${d}`);
    }
  }
  const identity = dense(d, d);
  for (let i = 0; i < d; i++) identity.data[i * d + i] = 1;
  const random = bestOf(firstLayers.random, agopEigen);
  const initial = bestOf(firstLayers.initial, agopEigen);
  return {
    isotropicBest: finiteOrNull(alphaHatFromCurve(nfaCorrCurveOf(identity, agopEigen)).corr),
    randomBest: random.best,
    randomCentredBest: random.centred,
    initialBest: initial.best,
    initialCentredBest: initial.centred,
  };
}
