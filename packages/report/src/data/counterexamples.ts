import { cfgNum, cfgStr, finite, type RunRecord } from './record.js';
import { downsample, sig } from './stats.js';
import { findCounterexamples } from './verdicts/counterexamples.js';
import { THRESHOLDS } from './verdicts/thresholds.js';

export interface CounterexamplePoint {
  id: string;
  act: string;
  scale: number;
  L: number;
  /** Final / initial loss. */
  ratio: number | null;
  /** Where the ratio is drawn: the ratio, or RATIO_FLOOR when it is below (zero to float64 precision). */
  x: number | null;
  /** Best-α centred correlation (the judged statistic) and the plain cosine. */
  rho: number | null;
  plain: number | null;
  /** The centred statistic of an independent random first layer against the same AGOP. */
  rand: number | null;
  ce: boolean;
  flags: string;
}

export interface CounterexamplesData {
  points: CounterexamplePoint[];
  /** `group` (activation · init scale) colours a curve; `ce` sets its dash. */
  curveRuns: { k: number; id: string; label: string; group: string; ce: boolean }[];
  curves: { k: number; s: number; l: number | null; c: number | null }[];
  /** Counts behind every caption of the page (the verdict's own numbers). */
  counts: { nonlinear: number; judged: number; found: number; excluded: number };
  thresholds: { fitRatio: number; centredCorr: number };
  /** Runs whose loss ratio is below RATIO_FLOOR, drawn at the floor; and the smallest ratio. */
  belowFloor: number;
  minRatio: number | null;
}

/**
 * Loss ratios below 1e-16 (under float64's ε ≈ 2.2e-16 relative to the initial loss) are a loss of
 * zero to machine precision: the scatter draws them at this floor instead of spreading round-off
 * over thirty decades of axis.
 */
export const RATIO_FLOOR = 1e-16;

export const CURVE_RUNS = 8;

/** Nonlinear ok runs: loss reduction against best-α centred correlation, and some curves. */
export function counterexamplesData(records: readonly RunRecord[]): CounterexamplesData {
  const rs = records.filter((r) => r.status === 'ok' && cfgStr(r, 'activation') !== 'linear');
  const { slice, judged, found, excluded } = findCounterexamples(records);
  const ceIds = new Set(found.map((c) => c.id));
  const points = rs.map((r) => ({
    id: r.id,
    act: cfgStr(r, 'activation'),
    scale: cfgNum(r, 'initScale'),
    L: cfgNum(r, 'depth'),
    ratio: sig(r.lossRatio),
    x: r.lossRatio === null ? null : (sig(Math.max(r.lossRatio, RATIO_FLOOR)) as number),
    rho: sig(r.final ? finite(r.final.nfaCorrCentredBest) : null),
    plain: sig(r.final ? finite(r.final.nfaCorrBest) : null),
    rand: sig(r.final?.baselines?.randomCentredBest ?? null, 3),
    ce: ceIds.has(r.id),
    flags: r.flags.join(', '),
  }));
  // Curves: the counterexamples first, then the others, up to CURVE_RUNS in all.
  const chosen = [
    ...rs.filter((r) => ceIds.has(r.id)),
    ...rs.filter((r) => !ceIds.has(r.id)),
  ].slice(0, CURVE_RUNS);
  const curveRuns = chosen.map((r, k) => ({
    k,
    id: r.id,
    label: `${cfgStr(r, 'activation')} · scale ${cfgNum(r, 'initScale')} · ${r.id.slice(0, 8)}`,
    group: `${cfgStr(r, 'activation')}, σ = ${cfgNum(r, 'initScale')}`,
    ce: ceIds.has(r.id),
  }));
  const curves = chosen.flatMap((r, k) =>
    downsample(r.history, 40).map((h) => ({
      k,
      s: h.step,
      l: sig(h.loss),
      c: sig(h.nfaCorrCentredBest, 5),
    })),
  );
  return {
    points,
    curveRuns,
    curves,
    counts: {
      nonlinear: slice.length,
      judged: judged.length,
      found: found.length,
      excluded: excluded.total,
    },
    thresholds: { fitRatio: THRESHOLDS.fitRatio, centredCorr: THRESHOLDS.centredCorr },
    belowFloor: rs.filter((r) => r.lossRatio !== null && r.lossRatio < RATIO_FLOOR).length,
    minRatio: sig(
      rs.reduce<number | null>(
        (m, r) => (r.lossRatio === null ? m : m === null ? r.lossRatio : Math.min(m, r.lossRatio)),
        null,
      ),
      2,
    ),
  };
}
