import { MARK_LIMIT } from './mark-limit.js';
import { cfgNum, cfgStr, finalValue, finite, type RunRecord } from './record.js';
import { robustDomain, type RobustDomain } from './robust-domain.js';
import { runsTablePath } from './runs-query.js';
import { groupBy, quantile, sig } from './stats.js';

/** One linear ok run at the end of training. Short keys keep the page's JSON small. */
export interface AlignmentPoint {
  id: string;
  L: number;
  /** L with a small deterministic jitter so seeds do not overlap. */
  x: number;
  init: string;
  opt: string;
  wd: number;
  a: number | null;
  as: number | null;
  c: number | null;
  h: number | null;
}

export interface AlignmentSummary {
  L: number;
  init: string;
  opt: string;
  wd: number;
  n: number;
  /** The runs table filtered to the group (a site path). */
  runs: string;
  med: number | null;
  q1: number | null;
  q3: number | null;
}

/** One run's correlation at one exponent (`which`: 'α = 1/L' or 'α = 1/2'). */
export interface CorrPoint {
  id: string;
  x: number;
  which: string;
  c: number;
}

export interface CorrHalfData {
  medians: { L: number; which: string; c: number; n: number }[];
  /** Every run's points, or none when there are more than MARK_LIMIT of them. */
  points: CorrPoint[];
  /** How many points there are (drawn or not). */
  total: number;
}

export interface AlignmentData {
  points: AlignmentPoint[];
  summary: AlignmentSummary[];
  theory: { L: number; a: number }[];
  /**
   * Correlation at α = 1/L and α = 1/2 of the balanced gd runs at λ = 0: the median per depth
   * and exponent, and each run (long format) up to MARK_LIMIT points, none above.
   */
  corr: CorrHalfData;
  nonlinearExcluded: number;
  /** Linear ok runs left out because they carry a quality flag. */
  flaggedExcluded: number;
}

/**
 * Median and interquartile range of one exponent per group (depth, init, optimizer, λ), sorted
 * by λ, depth, optimizer, init; each group links to its runs in the runs table.
 */
export function groupSummary(points: readonly AlignmentPoint[], y: 'a' | 'as'): AlignmentSummary[] {
  const summary = [...groupBy(points, (p) => `${p.L}|${p.init}|${p.opt}|${p.wd}`).values()].map(
    (ps) => {
      const p = ps[0] as AlignmentPoint;
      const v = ps.map((q) => q[y]);
      return {
        L: p.L,
        init: p.init,
        opt: p.opt,
        wd: p.wd,
        n: ps.length,
        runs: runsTablePath({
          activation: 'linear',
          depth: p.L,
          init: p.init,
          optimizer: p.opt,
          weightDecay: p.wd,
        }),
        med: sig(quantile(v, 0.5)),
        q1: sig(quantile(v, 0.25)),
        q3: sig(quantile(v, 0.75)),
      };
    },
  );
  return summary.sort(
    (x, y) =>
      x.wd - y.wd || x.L - y.L || x.opt.localeCompare(y.opt) || x.init.localeCompare(y.init),
  );
}

export function alignmentData(records: readonly RunRecord[]): AlignmentData {
  const ok = records.filter((r) => r.status === 'ok');
  const linearAll = ok.filter((r) => cfgStr(r, 'activation') === 'linear');
  // A run that did not fit, collapsed, or whose α̂ sits at a search bound would stretch the axis
  // and move the medians without saying anything about the exponent.
  const linear = linearAll.filter((r) => r.flags.length === 0);
  const points: AlignmentPoint[] = linear.map((r, i) => {
    const L = cfgNum(r, 'depth');
    return {
      id: r.id,
      L,
      x: sig(L + (((i * 37) % 11) - 5) * 0.03) ?? L,
      init: cfgStr(r, 'init'),
      opt: cfgStr(r, 'optimizer'),
      wd: cfgNum(r, 'weightDecay'),
      a: sig(finalValue(r, 'alphaHat')),
      as: sig(r.final ? finite(r.final.alphaHatSpectral) : null),
      c: sig(finalValue(r, 'nfaCorr'), 5),
      h: sig(finalValue(r, 'nfaCorrHalf'), 5),
    };
  });
  const summary = groupSummary(points, 'a');
  const depths = points.map((p) => p.L);
  const theory: { L: number; a: number }[] = [];
  if (depths.length > 0) {
    const lo = Math.max(1, Math.min(...depths) - 0.3);
    const hi = Math.max(...depths) + 0.3;
    for (let k = 0; k <= 60; k++) {
      const L = lo + ((hi - lo) * k) / 60;
      theory.push({ L: sig(L) ?? L, a: sig(1 / L) ?? 1 / L });
    }
  }
  const corrPoints: CorrPoint[] = [];
  // Balanced gd starts without weight decay only (the theorem's setting): there corr(1/L) = 1
  // exactly, so the gap to α = 1/2 is the depth effect alone (unbalanced starts lower both, see
  // Convergence; other optimizers break the balance, see Optimizers).
  for (const p of points.filter((q) => q.init === 'balanced' && q.opt === 'gd' && q.wd === 0)) {
    if (p.c !== null) corrPoints.push({ id: p.id, x: p.x, which: 'α = 1/L', c: p.c });
    if (p.h !== null) corrPoints.push({ id: p.id, x: p.x, which: 'α = 1/2', c: p.h });
  }
  const medians = [...groupBy(corrPoints, (p) => `${Math.round(p.x)}|${p.which}`).values()]
    .map((ps) => ({
      L: Math.round(ps[0]!.x),
      which: ps[0]!.which,
      c:
        sig(
          quantile(
            ps.map((p) => p.c),
            0.5,
          ),
          5,
        ) ?? 0,
      n: ps.length,
    }))
    .sort((a, b) => a.L - b.L || a.which.localeCompare(b.which));
  const corr: CorrHalfData = {
    medians,
    points: corrPoints.length <= MARK_LIMIT ? corrPoints : [],
    total: corrPoints.length,
  };
  return {
    points,
    summary,
    theory,
    corr,
    nonlinearExcluded: ok.length - linearAll.length,
    flaggedExcluded: linearAll.length - linear.length,
  };
}

/** One α̂-against-depth figure: the runs at λ = 0 (the theorem's setting) or at λ > 0. */
export interface AlphaFigure {
  points: AlignmentPoint[];
  summary: AlignmentSummary[];
  theory: AlignmentData['theory'];
  y: 'a' | 'as';
  /** Vertical range inside the far-out fences (and the theory); the rest is drawn at the edge. */
  domain: RobustDomain | null;
  /** Whether each run is drawn as a dot: false above MARK_LIMIT, where only the groups' medians are. */
  perRun: boolean;
}

export function alphaFigure(d: AlignmentData, y: 'a' | 'as', lambdaZero: boolean): AlphaFigure {
  const at = (wd: number) => (wd === 0) === lambdaZero;
  const points = d.points.filter((p) => at(p.wd) && p[y] !== null);
  const perRun = points.length <= MARK_LIMIT;
  return {
    points: perRun ? points : [],
    // The spectral estimate has its own medians (a figure drawn without dots needs them).
    summary: y === 'a' ? d.summary.filter((s) => at(s.wd)) : groupSummary(points, y),
    theory: d.theory,
    y,
    domain: robustDomain(
      points.map((p) => p[y]),
      [...new Set(points.map((p) => p.L))].map((L) => 1 / L),
    ),
    perRun,
  };
}
