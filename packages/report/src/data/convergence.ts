import { cfgNum, cfgStr, finite, type RunRecord } from './record.js';
import { downsample, groupBy, sig } from './stats.js';
import { imbalanceSlope, theorySlope } from './verdicts/weight-decay.js';

export interface ConvergenceRun {
  k: number;
  id: string;
  init: string;
  wd: number;
  opt: string;
  L: number;
  eta: number;
  /** Fitted and gd-theory slopes of ln(imbalance) per step, when λ > 0. */
  fit: number | null;
  theory: number | null;
  /** Quality flags of the run ('' for none). */
  flags: string;
}

/** Downsampled history point of run `k`: step, nfaCorr, imbalance, loss. */
export interface ConvergencePoint {
  k: number;
  s: number;
  c: number | null;
  i: number | null;
  l: number | null;
}

export interface ConvergenceData {
  runs: ConvergenceRun[];
  points: ConvergencePoint[];
  /** Theory e^{−2ηλ·(step − step₀)} · imbalance₀ for unbalanced gd runs with λ > 0 (a balanced start has only round-off imbalance to anchor on). */
  theory: { k: number; s: number; i: number }[];
  shown: number;
  total: number;
  perFacet: number;
  /** Shown runs that are not gd, and shown runs that did not fit (flag `not-fit`): for the captions. */
  shownNotGd: number;
  shownNotFit: number;
  /** Depths among the shown runs, and among all eligible runs. */
  shownDepths: number[];
  depths: number[];
}

export const RUNS_PER_FACET = 6;
export const POINTS_PER_RUN = 30;

/** Prefer gd (the theory's optimizer), then shallow to deep, then by seed, for a stable pick. */
function pickOrder(a: RunRecord, b: RunRecord): number {
  const ga = cfgStr(a, 'optimizer') === 'gd' ? 0 : 1;
  const gb = cfgStr(b, 'optimizer') === 'gd' ? 0 : 1;
  return (
    ga - gb ||
    cfgNum(a, 'seed') - cfgNum(b, 'seed') ||
    cfgNum(a, 'depth') - cfgNum(b, 'depth') ||
    a.id.localeCompare(b.id)
  );
}

/** Linear ok runs faceted by init × weight decay, at most RUNS_PER_FACET each, downsampled. */
export function convergenceData(records: readonly RunRecord[]): ConvergenceData {
  const eligible = records.filter(
    (r) => r.status === 'ok' && cfgStr(r, 'activation') === 'linear' && r.history.length > 1,
  );
  const facets = groupBy(eligible, (r) => `${cfgStr(r, 'init')}|${cfgNum(r, 'weightDecay')}`);
  const runs: ConvergenceRun[] = [];
  const points: ConvergencePoint[] = [];
  const theory: ConvergenceData['theory'] = [];
  for (const rs of facets.values()) {
    for (const r of [...rs].sort(pickOrder).slice(0, RUNS_PER_FACET)) {
      const k = runs.length;
      const wd = cfgNum(r, 'weightDecay');
      const eta = cfgNum(r, 'learningRate');
      const opt = cfgStr(r, 'optimizer');
      runs.push({
        k,
        id: r.id,
        init: cfgStr(r, 'init'),
        wd,
        opt,
        L: cfgNum(r, 'depth'),
        eta,
        fit: wd > 0 ? sig(imbalanceSlope(r)) : null,
        theory: wd > 0 ? sig(theorySlope(eta, wd)) : null,
        flags: r.flags.join(', '),
      });
      const hs = downsample(r.history, POINTS_PER_RUN);
      for (const h of hs) {
        points.push({ k, s: h.step, c: sig(h.nfaCorr, 5), i: sig(h.imbalance), l: sig(h.loss) });
      }
      const first = r.history.find((h) => (finite(h.imbalance) ?? 0) > 0);
      if (wd > 0 && opt === 'gd' && cfgStr(r, 'init') !== 'balanced' && first) {
        const i0 = first.imbalance as number;
        for (const h of hs) {
          if (h.step < first.step) continue;
          const v = i0 * Math.exp(-2 * eta * wd * (h.step - first.step));
          if (v > 0) theory.push({ k, s: h.step, i: sig(v) ?? v });
        }
      }
    }
  }
  return {
    runs,
    points,
    theory,
    shown: runs.length,
    total: eligible.length,
    perFacet: RUNS_PER_FACET,
    shownNotGd: runs.filter((r) => r.opt !== 'gd').length,
    shownNotFit: runs.filter((r) => r.flags.split(', ').includes('not-fit')).length,
    shownDepths: [...new Set(runs.map((r) => r.L))].sort((a, b) => a - b),
    depths: [...new Set(eligible.map((r) => cfgNum(r, 'depth')))].sort((a, b) => a - b),
  };
}
