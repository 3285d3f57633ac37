import { cfgNum, type RunRecord } from './record.js';
import { cosineSimilarity, normalizeFrobenius, psdPower } from './matrix-power.js';
import { downsample, sig } from './stats.js';

export interface RunDetail {
  /** History in long format: one row per step and metric. */
  curves: { s: number; metric: string; v: number }[];
  imbalance: { s: number; v: number }[];
  /** gram and AGOP^{1/L}, each divided by its Frobenius norm, as heatmap cells. */
  heatmap: { m: string; i: number; j: number; v: number }[];
  dim: number;
  /** cos(gram, AGOP^{1/L}) recomputed here in float64 from the stored matrices. */
  recomputedCorr: number | null;
}

export const MAX_HISTORY_POINTS = 400;
/** Above this input dimension the heatmap would dominate the page; it is left out. */
export const MAX_HEATMAP_DIM = 64;
/** Above this the float64 eigendecomposition per run page would dominate the build; skipped. */
export const MAX_RECOMPUTE_DIM = 128;

const CURVE_METRICS = ['loss', 'nfaCorr', 'nfaCorrHalf', 'nfaPearson', 'alphaHat'] as const;

export function runDetail(r: RunRecord): RunDetail {
  const hs = downsample(r.history, MAX_HISTORY_POINTS);
  const curves: RunDetail['curves'] = [];
  const imbalance: RunDetail['imbalance'] = [];
  for (const h of hs) {
    for (const m of CURVE_METRICS) {
      const v = h[m];
      if (v !== null && Number.isFinite(v))
        curves.push({ s: h.step, metric: m, v: sig(v, 5) as number });
    }
    if (h.imbalance !== null && h.imbalance > 0)
      imbalance.push({ s: h.step, v: sig(h.imbalance) as number });
  }
  const heatmap: RunDetail['heatmap'] = [];
  let recomputedCorr: number | null = null;
  const gram = r.final?.gram;
  const agop = r.final?.agop;
  const dim = gram && agop ? gram.length : 0;
  if (
    gram &&
    agop &&
    gram.length === agop.length &&
    gram.length <= MAX_RECOMPUTE_DIM &&
    gram.every((row) => row.every(Number.isFinite)) &&
    agop.every((row) => row.every(Number.isFinite))
  ) {
    const L = cfgNum(r, 'depth');
    const root = psdPower(agop, 1 / L);
    recomputedCorr = cosineSimilarity(gram, root);
    if (dim <= MAX_HEATMAP_DIM) {
      const label = `AGOP^(1/${L})`;
      for (const [m, mat] of [
        ['gram W₁ᵀW₁', normalizeFrobenius(gram)],
        [label, normalizeFrobenius(root)],
      ] as const) {
        mat.forEach((row, i) =>
          row.forEach((v, j) => heatmap.push({ m, i, j, v: sig(v, 3) ?? 0 })),
        );
      }
    }
  }
  return { curves, imbalance, heatmap, dim, recomputedCorr };
}
