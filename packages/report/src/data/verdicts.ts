/**
 * Verdicts on the claims of DESIGN.md §1, computed from the records. All thresholds live here
 * and are shown on the Overview page as `rule`, so the site documents what it checks.
 */
import { cfgNum, cfgStr, finalValue, finite, firstValue, type RunRecord } from './record.js';
import { groupBy, linearFit, median } from './stats.js';

export type VerdictState = 'pass' | 'fail' | 'not-enough-data' | 'info';

export interface VerdictTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface Verdict {
  key: 'depth' | 'weight-decay' | 'counterexamples' | 'optimizers';
  title: string;
  state: VerdictState;
  /** One sentence with the deciding numbers. */
  summary: string;
  /** The rule applied, in words. */
  rule: string;
  table: VerdictTable;
}

export const THRESHOLDS = {
  alphaTolerance: 0.02,
  corrAtInverseDepth: 0.99,
  halfGap: 0.01,
  slopeTolerance: 0.2,
  repairedCorr: 0.95,
  keptImbalance: 0.5,
  fitRatio: 1e-3,
  failedCorr: 0.9,
  /** Imbalance points below this fraction of the first are at the float noise floor. */
  imbalanceFloor: 1e-5,
  /** A λ > 0 group must have shed this much imbalance before its corr(1/L) is held to repairedCorr. */
  decayedImbalance: 0.01,
  /**
   * …and this much before its corr(1/L) must have risen at all: while most of the imbalance is
   * still there (small λ, short runs) the theory predicts only the decay rate, and training
   * itself moves corr(1/L) either way.
   */
  progressedImbalance: 0.5,
} as const;

const isLinear = (r: RunRecord) => cfgStr(r, 'activation') === 'linear';
const isOk = (r: RunRecord) => r.status === 'ok';
const fmt = (x: number | null, d = 3) => (x === null ? 'n/a' : x.toFixed(d));
const fmtE = (x: number | null) => (x === null ? 'n/a' : x.toExponential(2));

/** Claim 1: balanced linear gd nets have α̂ = 1/L and corr(1/L) ≈ 1, below it at α = 1/2. */
export function depthVerdict(records: readonly RunRecord[]): Verdict {
  const T = THRESHOLDS;
  const rule =
    `Balanced-init, linear, gd, ok runs grouped by depth L. Pass if for every depth ` +
    `|median α̂ − 1/L| ≤ ${T.alphaTolerance} and median corr(1/L) ≥ ${T.corrAtInverseDepth}, and for ` +
    `L ≥ 3 median corr(1/L) − median corr(1/2) ≥ ${T.halfGap}. Needs at least two depths.`;
  const runs = records.filter(
    (r) =>
      isOk(r) && isLinear(r) && cfgStr(r, 'init') === 'balanced' && cfgStr(r, 'optimizer') === 'gd',
  );
  const groups = [...groupBy(runs, (r) => String(cfgNum(r, 'depth'))).entries()]
    .map(([, rs]) => {
      const L = cfgNum(rs[0] as RunRecord, 'depth');
      const alpha = median(rs.map((r) => finalValue(r, 'alphaHat')));
      const corr = median(rs.map((r) => finalValue(r, 'nfaCorr')));
      const half = median(rs.map((r) => finalValue(r, 'nfaCorrHalf')));
      const err = alpha === null ? null : Math.abs(alpha - 1 / L);
      const gap = corr === null || half === null ? null : corr - half;
      const ok =
        err !== null &&
        err <= T.alphaTolerance &&
        corr !== null &&
        corr >= T.corrAtInverseDepth &&
        (L < 3 || (gap !== null && gap >= T.halfGap));
      return {
        L,
        n: rs.length,
        alpha,
        err,
        corr,
        half,
        gap,
        ok,
        usable: alpha !== null && corr !== null,
      };
    })
    .filter((g) => g.usable)
    .sort((a, b) => a.L - b.L);
  const table: VerdictTable = {
    columns: ['L', 'runs', '1/L', 'median α̂', '|α̂ − 1/L|', 'corr(1/L)', 'corr(1/2)', 'pass'],
    rows: groups.map((g) => [
      g.L,
      g.n,
      1 / g.L,
      g.alpha,
      g.err,
      g.corr,
      g.half,
      g.ok ? 'yes' : 'no',
    ]),
  };
  const base = { key: 'depth' as const, title: 'Depth dependence: α = 1/L', rule, table };
  if (groups.length < 2) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: `Found ${groups.length} depth(s) with usable balanced linear gd runs (${runs.length} runs); at least 2 are needed.`,
    };
  }
  const bad = groups.filter((g) => !g.ok);
  const worst = groups.reduce((a, b) => ((b.err ?? 0) > (a.err ?? 0) ? b : a));
  return {
    ...base,
    state: bad.length === 0 ? 'pass' : 'fail',
    summary:
      bad.length === 0
        ? `At all ${groups.length} depths (L = ${groups.map((g) => g.L).join(', ')}) median α̂ is within ${fmt(worst.err)} of 1/L and corr(1/L) ≥ ${fmt(Math.min(...groups.map((g) => g.corr ?? 0)), 4)}.`
        : `Depth(s) L = ${bad.map((g) => g.L).join(', ')} miss the rule (e.g. L = ${bad[0]?.L}: α̂ = ${fmt(bad[0]?.alpha ?? null)}, corr(1/L) = ${fmt(bad[0]?.corr ?? null, 4)}, corr(1/2) = ${fmt(bad[0]?.half ?? null, 4)}).`,
  };
}

/** Fitted per-step slope of ln(imbalance), over points above the noise floor. */
export function imbalanceSlope(r: RunRecord): number | null {
  const pts = r.history.filter((h) => finite(h.imbalance) !== null && (h.imbalance as number) > 0);
  const first = pts[0]?.imbalance;
  if (first === undefined || first === null) return null;
  const kept = pts.filter((h) => (h.imbalance as number) >= first * THRESHOLDS.imbalanceFloor);
  if (kept.length < 3) return null;
  const fit = linearFit(
    kept.map((h) => h.step),
    kept.map((h) => Math.log(h.imbalance as number)),
  );
  return fit?.slope ?? null;
}

/** Gradient-descent theory: ln of the per-step factor (1 − ηλ)², ≈ −2ηλ for small ηλ. */
export function theorySlope(learningRate: number, weightDecay: number): number | null {
  const q = learningRate * weightDecay;
  if (q >= 1) return null;
  return 2 * Math.log(1 - q);
}

/** Claim 2: with λ > 0 the imbalance decays at the gd rate and the NFA is restored; λ = 0 keeps it. */
export function weightDecayVerdict(records: readonly RunRecord[]): Verdict {
  const T = THRESHOLDS;
  const rule =
    `Unbalanced-init (init ≠ balanced), linear, gd, ok runs grouped by (λ, η). With λ > 0: the fitted ` +
    `slope of ln(imbalance) against step is within ${T.slopeTolerance * 100}% of ln((1 − ηλ)²) ≈ −2ηλ; ` +
    `once the imbalance has fallen below ${T.progressedImbalance} of its start the median corr(1/L) ` +
    `must have risen, and once it is below ${T.decayedImbalance} of its ` +
    `start, the final corr(1/L) must also be ≥ ${T.repairedCorr} (the claim is asymptotic, so at least ` +
    `one λ > 0 group must get there). With λ = 0: median final/initial imbalance > ${T.keptImbalance}. ` +
    `Needs both kinds of runs.`;
  const runs = records.filter(
    (r) =>
      isOk(r) && isLinear(r) && cfgStr(r, 'init') !== 'balanced' && cfgStr(r, 'optimizer') === 'gd',
  );
  const groups = [
    ...groupBy(runs, (r) => `${cfgNum(r, 'weightDecay')}|${cfgNum(r, 'learningRate')}`).values(),
  ].map((rs) => {
    const r0 = rs[0] as RunRecord;
    const lambda = cfgNum(r0, 'weightDecay');
    const eta = cfgNum(r0, 'learningRate');
    const fitted = median(rs.map(imbalanceSlope));
    const theory = lambda > 0 ? theorySlope(eta, lambda) : 0;
    const ratio = fitted !== null && theory ? fitted / theory : null;
    const corr0 = median(rs.map((r) => firstValue(r, 'nfaCorr')));
    const corr1 = median(rs.map((r) => finalValue(r, 'nfaCorr')));
    const kept = median(
      rs.map((r) => {
        const a = firstValue(r, 'imbalance');
        const b = finalValue(r, 'imbalance');
        return a !== null && b !== null && a > 0 ? b / a : null;
      }),
    );
    let ok: boolean | null;
    const decayed = lambda > 0 && kept !== null && kept <= T.decayedImbalance;
    const progressed = lambda > 0 && kept !== null && kept <= T.progressedImbalance;
    if (lambda > 0) {
      ok =
        ratio !== null &&
        Math.abs(ratio - 1) <= T.slopeTolerance &&
        corr1 !== null &&
        (!progressed || corr0 === null || corr1 > corr0) &&
        (!decayed || corr1 >= T.repairedCorr);
    } else {
      ok = kept === null ? null : kept > T.keptImbalance;
    }
    return { lambda, eta, n: rs.length, fitted, theory, ratio, corr0, corr1, kept, decayed, ok };
  });
  groups.sort((a, b) => a.lambda - b.lambda || a.eta - b.eta);
  const table: VerdictTable = {
    columns: [
      'λ',
      'η',
      'runs',
      'fitted slope',
      'theory slope',
      'ratio',
      'corr start',
      'corr end',
      'imbalance end/start',
      'pass',
    ],
    rows: groups.map((g) => [
      g.lambda,
      g.eta,
      g.n,
      g.fitted,
      g.lambda > 0 ? g.theory : null,
      g.ratio,
      g.corr0,
      g.corr1,
      g.kept,
      g.ok === null ? 'n/a' : g.ok ? 'yes' : 'no',
    ]),
  };
  const base = {
    key: 'weight-decay' as const,
    title: 'Weight decay repairs unbalanced starts',
    rule,
    table,
  };
  const decay = groups.filter((g) => g.lambda > 0 && (g.fitted !== null || g.corr1 !== null));
  const control = groups.filter((g) => g.lambda === 0 && g.ok !== null);
  const failing = [...decay, ...control].filter((g) => g.ok === false);
  if (decay.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: `No usable unbalanced linear gd runs with λ > 0 (found ${runs.length} unbalanced linear gd runs).`,
    };
  }
  if (failing.length > 0) {
    const g = failing[0] as (typeof groups)[number];
    return {
      ...base,
      state: 'fail',
      summary:
        g.lambda > 0
          ? `λ = ${g.lambda}, η = ${g.eta}: fitted slope ${fmtE(g.fitted)} vs theory ${fmtE(g.theory)} (ratio ${fmt(g.ratio, 2)}), corr ${fmt(g.corr0)} → ${fmt(g.corr1)}.`
          : `λ = 0, η = ${g.eta}: imbalance fell to ${fmt(g.kept)} of its start, but should be conserved.`,
    };
  }
  const repaired = decay.filter((g) => g.decayed && g.ok);
  if (repaired.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: `The decay rates match theory, but no λ > 0 group shed its imbalance below ${T.decayedImbalance} of its start (train longer or raise λ) to show the NFA restored.`,
    };
  }
  if (control.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: `The λ > 0 runs match theory, but there are no λ = 0 unbalanced runs to show the imbalance is otherwise kept.`,
    };
  }
  const d0 = repaired[0] as (typeof groups)[number];
  return {
    ...base,
    state: 'pass',
    summary: `Imbalance decays at ${fmt(d0.ratio, 2)}× the gd rate for λ = ${d0.lambda} (corr ${fmt(d0.corr0)} → ${fmt(d0.corr1)}), and stays at ${fmt(control[0]?.kept ?? null, 2)} of its start with λ = 0.`,
  };
}

export interface Counterexample {
  id: string;
  experiment: string;
  activation: string;
  initScale: number;
  lossRatio: number;
  nfaCorrBest: number;
}

/** Runs that fit (final loss ≤ 1e-3 × initial) while no α aligns gram and AGOP (best corr ≤ 0.9). */
export function findCounterexamples(records: readonly RunRecord[]): {
  nonlinear: number;
  fitted: number;
  found: Counterexample[];
} {
  const T = THRESHOLDS;
  const nonlinear = records.filter((r) => isOk(r) && !isLinear(r));
  let fitted = 0;
  const found: Counterexample[] = [];
  for (const r of nonlinear) {
    const l0 = firstValue(r, 'loss');
    const l1 = finalValue(r, 'loss');
    if (l0 === null || l1 === null || l0 <= 0) continue;
    const ratio = l1 / l0;
    if (ratio > T.fitRatio) continue;
    fitted++;
    const best = r.final ? finite(r.final.nfaCorrBest) : null;
    if (best !== null && best <= T.failedCorr) {
      found.push({
        id: r.id,
        experiment: r.experiment,
        activation: cfgStr(r, 'activation'),
        initScale: cfgNum(r, 'initScale'),
        lossRatio: ratio,
        nfaCorrBest: best,
      });
    }
  }
  found.sort((a, b) => a.nfaCorrBest - b.nfaCorrBest);
  return { nonlinear: nonlinear.length, fitted, found };
}

/** Claim 3: at least one nonlinear net fits while the NFA fails. */
export function counterexampleVerdict(records: readonly RunRecord[]): Verdict {
  const T = THRESHOLDS;
  const rule =
    `Nonlinear (activation ≠ linear) ok runs. A counterexample has final loss ≤ ${T.fitRatio} × ` +
    `initial loss and best-α correlation ≤ ${T.failedCorr}. Pass if at least one exists.`;
  const { nonlinear, fitted, found } = findCounterexamples(records);
  const table: VerdictTable = {
    columns: ['run', 'experiment', 'activation', 'init scale', 'loss end/start', 'best corr'],
    rows: found
      .slice(0, 10)
      .map((c) => [c.id, c.experiment, c.activation, c.initScale, c.lossRatio, c.nfaCorrBest]),
  };
  const base = {
    key: 'counterexamples' as const,
    title: 'Counterexamples exist (nonlinear nets)',
    rule,
    table,
  };
  if (nonlinear === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: 'No ok runs with a nonlinear activation.',
    };
  }
  if (found.length === 0) {
    return {
      ...base,
      state: 'fail',
      summary: `Of ${nonlinear} nonlinear runs, ${fitted} fit the data, and none has best corr ≤ ${T.failedCorr}.`,
    };
  }
  const c = found[0] as Counterexample;
  return {
    ...base,
    state: 'pass',
    summary: `${found.length} of ${nonlinear} nonlinear runs fit (${fitted} fit in all) while best corr ≤ ${T.failedCorr}; the strongest reaches loss ×${fmtE(c.lossRatio)} with best corr ${fmt(c.nfaCorrBest)} (${c.activation}, init scale ${c.initScale}).`,
  };
}

/** Claim 4 (informational): how well the NFA at α = 1/L holds per optimizer, linear ok runs. */
export function optimizerVerdict(records: readonly RunRecord[]): Verdict {
  const runs = records.filter((r) => isOk(r) && isLinear(r));
  const groups = [...groupBy(runs, (r) => cfgStr(r, 'optimizer')).entries()].map(([opt, rs]) => ({
    opt,
    n: rs.length,
    corr: median(rs.map((r) => finalValue(r, 'nfaCorr'))),
    err: median(
      rs.map((r) => {
        const a = finalValue(r, 'alphaHat');
        return a === null ? null : Math.abs(a - 1 / cfgNum(r, 'depth'));
      }),
    ),
  }));
  groups.sort((a, b) => a.opt.localeCompare(b.opt));
  return {
    key: 'optimizers',
    title: 'Across optimizers (informational)',
    state: groups.length === 0 ? 'not-enough-data' : 'info',
    rule: 'Linear ok runs of every init, grouped by optimizer: median final corr(1/L) and median |α̂ − 1/L|. No pass/fail: theory covers gradient flow only.',
    summary:
      groups.length === 0
        ? 'No ok linear runs.'
        : groups.map((g) => `${g.opt}: corr ${fmt(g.corr)}, |α̂ − 1/L| ${fmt(g.err)}`).join('; ') +
          '.',
    table: {
      columns: ['optimizer', 'runs', 'median corr(1/L)', 'median |α̂ − 1/L|'],
      rows: groups.map((g) => [g.opt, g.n, g.corr, g.err]),
    },
  };
}

export function computeVerdicts(records: readonly RunRecord[]): Verdict[] {
  return [
    depthVerdict(records),
    weightDecayVerdict(records),
    counterexampleVerdict(records),
    optimizerVerdict(records),
  ];
}
