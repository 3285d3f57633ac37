/**
 * Training curves of the linear runs, summarised per group of seeds: for each group (init, scale,
 * optimizer, λ, depth, η) and logged step, the median over its runs and the interquartile range.
 * One band per group instead of one line per run keeps every group on the page (each depth is
 * drawn) and the page's size independent of the number of seeds.
 */
import { cfgNum, cfgStr, finite, type RunRecord } from './record.js';
import { runsTablePath } from './runs-query.js';
import { downsample, groupBy, median, quantile, sig } from './stats.js';
import { decayRuns, imbalanceSlope, theorySlope } from './verdicts/weight-decay.js';

export type ConvMetric = 'i' | 'c' | 'l';

export interface ConvergenceGroup {
  g: number;
  /** Facet column: the init, with its scale when that init was run at several scales. */
  col: string;
  init: string;
  scale: number;
  opt: string;
  wd: number;
  L: number;
  eta: number;
  /** Runs (seeds) in the group. */
  n: number;
  /** Runs of the group that did not fit their data (flag not-fit). */
  notFit: number;
  /** The runs table filtered to this group. */
  runs: string;
}

/** Median and interquartile range over a group's runs at one step of one metric. */
export interface ConvergenceBand {
  g: number;
  m: ConvMetric;
  s: number;
  med: number;
  q1: number;
  q3: number;
}

/** Fitted and theoretical per-step decay rate of ln(imbalance) of one run (weight-decay verdict's runs). */
export interface DecayPoint {
  id: string;
  L: number;
  init: string;
  wd: number;
  eta: number;
  fit: number;
  theory: number;
}

export interface ConvergenceData {
  groups: ConvergenceGroup[];
  bands: ConvergenceBand[];
  /** gd theory ln(imbalance) falling by ln((1 − ηλ)²) per step, from the group's median start (unbalanced gd groups with λ > 0). */
  theory: { g: number; s: number; i: number }[];
  decay: DecayPoint[];
  /** Eligible runs (ok, linear, several logged steps). */
  total: number;
  /** Depths among the eligible runs, and among the gd ones. */
  depths: number[];
  gdDepths: number[];
  /**
   * Groups whose first logged imbalance is at round-off (median ≤ ROUNDOFF): balanced starts.
   * Their imbalance band starts at the next logged step; `start` and `next` are the medians there.
   */
  roundoff: { g: number; start: number; step: number; next: number }[];
}

export const POINTS_PER_GROUP = 30;
/** An imbalance this small is float64 round-off of a balanced start, not a measured imbalance. */
export const ROUNDOFF = 1e-10;

const KEYS: Record<ConvMetric, 'imbalance' | 'nfaCorr' | 'loss'> = {
  i: 'imbalance',
  c: 'nfaCorr',
  l: 'loss',
};

/** Group order: init, scale, optimizer (gd first), λ, depth, η. */
function groupOrder(a: RunRecord, b: RunRecord): number {
  const gd = (r: RunRecord) => (cfgStr(r, 'optimizer') === 'gd' ? 0 : 1);
  return (
    cfgStr(a, 'init').localeCompare(cfgStr(b, 'init')) ||
    cfgNum(a, 'initScale') - cfgNum(b, 'initScale') ||
    gd(a) - gd(b) ||
    cfgStr(a, 'optimizer').localeCompare(cfgStr(b, 'optimizer')) ||
    cfgNum(a, 'weightDecay') - cfgNum(b, 'weightDecay') ||
    cfgNum(a, 'depth') - cfgNum(b, 'depth') ||
    cfgNum(a, 'learningRate') - cfgNum(b, 'learningRate')
  );
}

const groupKey = (r: RunRecord) =>
  ['init', 'initScale', 'optimizer', 'weightDecay', 'depth', 'learningRate']
    .map((k) => String(r.config[k] ?? ''))
    .join('|');

const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

/** Per-step median and IQR of one metric over runs; log metrics keep positive values only. */
function bandsOf(rs: readonly RunRecord[], g: number, m: ConvMetric): ConvergenceBand[] {
  const byStep = new Map<number, number[]>();
  for (const r of rs) {
    for (const h of r.history) {
      const v = finite(h[KEYS[m]]);
      if (v === null || (m !== 'c' && v <= 0)) continue;
      const vs = byStep.get(h.step);
      if (vs) vs.push(v);
      else byStep.set(h.step, [v]);
    }
  }
  const steps = downsample(sorted([...byStep.keys()]), POINTS_PER_GROUP);
  return steps.map((s) => {
    const vs = byStep.get(s) as number[];
    const digits = m === 'c' ? 5 : 4;
    return {
      g,
      m,
      s,
      med: sig(median(vs), digits) as number,
      q1: sig(quantile(vs, 0.25), digits) as number,
      q3: sig(quantile(vs, 0.75), digits) as number,
    };
  });
}

export function convergenceData(records: readonly RunRecord[]): ConvergenceData {
  const eligible = records.filter(
    (r) => r.status === 'ok' && cfgStr(r, 'activation') === 'linear' && r.history.length > 1,
  );
  const scalesOf = groupBy(eligible, (r) => cfgStr(r, 'init'));
  const multiScale = new Set(
    [...scalesOf]
      .filter(([, rs]) => new Set(rs.map((r) => cfgNum(r, 'initScale'))).size > 1)
      .map(([init]) => init),
  );
  const groups: ConvergenceGroup[] = [];
  const bands: ConvergenceBand[] = [];
  const theory: ConvergenceData['theory'] = [];
  const roundoff: ConvergenceData['roundoff'] = [];
  for (const rs of groupBy([...eligible].sort(groupOrder), groupKey).values()) {
    const r0 = rs[0] as RunRecord;
    const g = groups.length;
    const init = cfgStr(r0, 'init');
    const scale = cfgNum(r0, 'initScale');
    const [opt, wd, L, eta] = [
      cfgStr(r0, 'optimizer'),
      cfgNum(r0, 'weightDecay'),
      cfgNum(r0, 'depth'),
      cfgNum(r0, 'learningRate'),
    ];
    groups.push({
      g,
      col: multiScale.has(init) ? `${init} σ = ${scale}` : init,
      init,
      scale,
      opt,
      wd,
      L,
      eta,
      n: rs.length,
      notFit: rs.filter((r) => r.flags.includes('not-fit')).length,
      runs: runsTablePath({
        init,
        initScale: scale,
        optimizer: opt,
        weightDecay: wd,
        depth: L,
        learningRate: eta,
        activation: 'linear',
      }),
    });
    let imb = bandsOf(rs, g, 'i');
    const [first, second] = imb;
    if (first && second && first.med <= ROUNDOFF) {
      roundoff.push({ g, start: first.med, step: second.s, next: second.med });
      imb = imb.slice(1);
    }
    bands.push(...imb, ...bandsOf(rs, g, 'c'), ...bandsOf(rs, g, 'l'));
    const slope = theorySlope(eta, wd);
    const start = imb[0];
    if (wd > 0 && opt === 'gd' && init !== 'balanced' && slope !== null && start) {
      for (const b of imb) {
        const v = start.med * Math.exp(slope * (b.s - start.s));
        if (v > 0) theory.push({ g, s: b.s, i: sig(v) as number });
      }
    }
  }
  const decay = decayRuns(records).decay.kept.flatMap((r): DecayPoint[] => {
    const fit = imbalanceSlope(r);
    const th = theorySlope(cfgNum(r, 'learningRate'), cfgNum(r, 'weightDecay'));
    if (fit === null || th === null) return [];
    return [
      {
        id: r.id,
        L: cfgNum(r, 'depth'),
        init: cfgStr(r, 'init'),
        wd: cfgNum(r, 'weightDecay'),
        eta: cfgNum(r, 'learningRate'),
        fit: sig(fit) as number,
        theory: sig(th) as number,
      },
    ];
  });
  return {
    groups,
    bands,
    theory,
    decay,
    total: eligible.length,
    depths: sorted(eligible.map((r) => cfgNum(r, 'depth'))),
    gdDepths: sorted(
      eligible.filter((r) => cfgStr(r, 'optimizer') === 'gd').map((r) => cfgNum(r, 'depth')),
    ),
    roundoff,
  };
}
