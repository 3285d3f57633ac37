/**
 * A run as the run view (`runs/view/#<id>`) draws it, compact: what its static page shows
 * except the gram/AGOP heatmap and the recomputed correlation (the matrices are most of a
 * record's size; they stay in the results files and in `runner export`), with the history
 * downsampled to COMPACT_HISTORY_POINTS points, column-wise, numbers to 4 significant digits.
 */
import type { RunRecord } from './record.js';
import type { RunDetail } from './run-detail.js';
import { downsample, sig } from './stats.js';

export const COMPACT_HISTORY_POINTS = 30;

/** Labels of `finals`, in order (the static run page's). */
export const FINAL_LABELS = [
  'loss',
  'corr(1/L)',
  'corr(1/2)',
  'Pearson(1/L)',
  'α̂',
  'α̂ spectral',
  'best corr (plain cosine, over α)',
  'best centred correlation ρ (over α)',
  'α̂ of the centred correlation',
  'imbalance',
  'imbalance (relative)',
] as const;

/** First layers of `baselines`, in order: [best plain cosine, best centred ρ] each. */
export const BASELINE_LABELS = [
  'this run’s trained first layer',
  'isotropic W₁ᵀW₁ = I',
  'independent random first layer',
  'its own first layer at step 0',
] as const;

/** Metrics of `history`, each a column beside `step`. */
export const HISTORY_METRICS = [
  'loss',
  'nfaCorr',
  'nfaCorrHalf',
  'nfaPearson',
  'alphaHat',
  'imbalance',
] as const;

export interface CompactRun {
  id: string;
  experiment: string;
  status: string;
  error: string | null;
  backend: string;
  engine: string;
  seconds: number | null;
  /** `<results dir>/<file>:<line>` */
  source: string;
  flags: string[];
  lossRatio: number | null;
  config: RunRecord['config'];
  /** Final metrics in FINAL_LABELS order; empty without final metrics. */
  finals: (number | null)[];
  /** Per BASELINE_LABELS row, [best plain cosine, best centred ρ]; empty without baselines. */
  baselines: [number | null, number | null][];
  /** Downsampled history, column-wise: `step` and each of HISTORY_METRICS. */
  history: Record<'step' | (typeof HISTORY_METRICS)[number], (number | null)[]>;
}

export function compactRun(r: RunRecord): CompactRun {
  const f = r.final;
  const s = (v: number | null | undefined) => sig(v ?? null, 4);
  const finals = f
    ? [
        f.loss,
        f.nfaCorr,
        f.nfaCorrHalf,
        f.nfaPearson,
        f.alphaHat,
        f.alphaHatSpectral,
        f.nfaCorrBest,
        f.nfaCorrCentredBest,
        f.alphaHatCentred,
        f.imbalance,
        f.imbalanceRel,
      ].map(s)
    : [];
  const b = f?.baselines ?? null;
  const baselines: CompactRun['baselines'] = b
    ? [
        [s(f?.nfaCorrBest), s(f?.nfaCorrCentredBest)],
        [s(b.isotropicBest), 0],
        [s(b.randomBest), s(b.randomCentredBest)],
        [s(b.initialBest), s(b.initialCentredBest)],
      ]
    : [];
  const points = downsample(r.history, COMPACT_HISTORY_POINTS);
  const history = { step: points.map((h) => h.step) } as CompactRun['history'];
  for (const m of HISTORY_METRICS) history[m] = points.map((h) => s(h[m]));
  return {
    id: r.id,
    experiment: r.experiment,
    status: r.status,
    error: r.error,
    backend: r.backend,
    engine: r.engine,
    seconds: s(r.timing.seconds),
    source: `${r.source.file}:${r.source.line}`,
    flags: r.flags,
    lossRatio: s(r.lossRatio),
    config: r.config,
    finals,
    baselines,
    history,
  };
}

/** The run charts' long-format data from a compact history (what runDetail gives a page). */
export function compactCurves(h: CompactRun['history']): {
  curves: RunDetail['curves'];
  imbalance: RunDetail['imbalance'];
} {
  const curves: RunDetail['curves'] = [];
  const imbalance: RunDetail['imbalance'] = [];
  h.step.forEach((step, i) => {
    for (const m of ['loss', 'nfaCorr', 'nfaCorrHalf', 'nfaPearson', 'alphaHat'] as const) {
      const v = h[m][i];
      if (v !== null && v !== undefined) curves.push({ s: step as number, metric: m, v });
    }
    const im = h.imbalance[i];
    if (im !== null && im !== undefined && im > 0) imbalance.push({ s: step as number, v: im });
  });
  return { curves, imbalance };
}
