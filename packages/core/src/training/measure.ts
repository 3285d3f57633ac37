import type { FinalMetrics, HistoryPoint } from '../config/result.js';
import type { Dense } from '../linalg/dense.js';
import { baselinesOf } from '../metrics/baselines.js';
import { nfaMetrics, toArray } from '../metrics/snapshot.js';

export const finite = (v: number | null): number | null =>
  v !== null && Number.isFinite(v) ? v : null;

/** The first layers the final AGOP is compared with (see `Baselines`). */
export interface BaselineLayers {
  initial: Dense;
  random: Dense;
}

/** What a log step needs of one cell's engine at its current weights. */
export interface CellProbe {
  /** Full-data loss. */
  loss(): number;
  /** The AGOP, or null for the closed form WᵀW of a linear network. */
  agop(): Dense | null;
}

/**
 * The history point at the current weights and, when `baselines` is given (the last log step),
 * the final metrics with the matrices and the baselines. Only the final metrics need the gram
 * spectrum (alphaHatSpectral) and the baselines, so every other log step skips them. Also
 * returns the AGOP and its rank, for the quality flags.
 */
export function measure(
  probe: CellProbe,
  weights: Dense[],
  step: number,
  time: number,
  baselines: BaselineLayers | null,
) {
  const agop = probe.agop();
  const m = nfaMetrics({ weights, ...(agop ? { agop } : {}), spectral: baselines !== null });
  const point: HistoryPoint = {
    step,
    time,
    loss: finite(probe.loss()),
    nfaCorr: m.nfaCorr,
    nfaCorrHalf: m.nfaCorrHalf,
    nfaPearson: m.nfaPearson,
    alphaHat: m.alphaHat,
    nfaCorrBest: m.nfaCorrBest,
    nfaCorrCentredBest: m.nfaCorrCentredBest,
    imbalance: m.imbalance,
  };
  if (!baselines) return { point, final: null, agop: m.agop, agopRank: m.agopRank };
  const metrics: FinalMetrics = {
    ...point,
    alphaHatSpectral: m.alphaHatSpectral,
    imbalanceRel: m.imbalanceRel,
    alphaHatCentred: m.alphaHatCentred,
    baselines: baselinesOf(m.agopEigen, baselines),
    gram: toArray(m.gram),
    agop: toArray(m.agop),
  };
  return { point, final: metrics, agop: m.agop, agopRank: m.agopRank };
}
