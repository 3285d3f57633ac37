/** Claim 2: with λ > 0 each imbalance decays like (1 − ηλ)^{2·step}; with λ = 0 it is conserved. */
import { cfgNum, cfgStr, finalValue, finite, firstValue, type RunRecord } from '../record.js';
import { groupBy, linearFit, median } from '../stats.js';
import { keptImbalance } from './emergence.js';
import { isBalanced, isGd, isLinear, mergeExclusions, usable } from './select.js';
import { THRESHOLDS } from './thresholds.js';
import { fmt, fmtE, fmtRange, yesNo, type Verdict } from './types.js';

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

/** Groups in a stable, numeric order: init, scale, depth, λ, η. */
export const groupOrder = (a: RunRecord, b: RunRecord): number =>
  cfgStr(a, 'init').localeCompare(cfgStr(b, 'init')) ||
  cfgNum(a, 'initScale') - cfgNum(b, 'initScale') ||
  cfgNum(a, 'depth') - cfgNum(b, 'depth') ||
  cfgNum(a, 'weightDecay') - cfgNum(b, 'weightDecay') ||
  cfgNum(a, 'learningRate') - cfgNum(b, 'learningRate');

const groupKey = (r: RunRecord, withLambda: boolean) =>
  `${cfgStr(r, 'init')} σ=${cfgNum(r, 'initScale')} L=${cfgNum(r, 'depth')}` +
  (withLambda ? ` λ=${cfgNum(r, 'weightDecay')}` : '') +
  ` η=${cfgNum(r, 'learningRate')}`;

const range = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? 'n/a' : fmtRange(Math.min(...v), Math.max(...v));
};

/**
 * The runs the decay rate is judged on: unbalanced linear gd runs with λ > 0 whose imbalance
 * gives a slope (the decay law holds on any trajectory, fitted or not; a collapsed net's
 * imbalance sits at the noise floor). The Convergence page plots the same runs.
 */
export function decayRuns(records: readonly RunRecord[]) {
  const decaySlice = records.filter(
    (r) => isLinear(r) && !isBalanced(r) && isGd(r) && cfgNum(r, 'weightDecay') > 0,
  );
  const decay = usable(decaySlice, ['collapsed'], {
    reason: 'too few imbalance points above the noise floor for a slope',
    keep: (r) => imbalanceSlope(r) !== null,
  });
  return { decaySlice, decay };
}

export function weightDecayVerdict(records: readonly RunRecord[]): Verdict {
  const T = THRESHOLDS;
  const slice = records.filter((r) => isLinear(r) && !isBalanced(r) && isGd(r));
  const controlSlice = slice.filter((r) => cfgNum(r, 'weightDecay') === 0);
  // The NFA-restoration checks and the control need nets that fit their data.
  const { decaySlice, decay } = decayRuns(records);
  const control = usable(controlSlice, ['not-fit', 'collapsed']);
  const decayGroups = [
    ...groupBy([...decay.kept].sort(groupOrder), (r) => groupKey(r, true)).values(),
  ].map((rs) => {
    const r0 = rs[0]!;
    const lambda = cfgNum(r0, 'weightDecay');
    const theory = theorySlope(cfgNum(r0, 'learningRate'), lambda);
    const ratios = rs.map((r) => {
      const s = imbalanceSlope(r);
      return s !== null && theory ? s / theory : null;
    });
    const fit = rs.filter((r) => !r.flags.includes('not-fit'));
    const ratio = median(ratios);
    const kept = median(rs.map(keptImbalance));
    const corr0 = median(fit.map((r) => firstValue(r, 'nfaCorr')));
    const corr1 = median(fit.map((r) => finalValue(r, 'nfaCorr')));
    const decayed = kept !== null && kept <= T.decayedImbalance;
    const rateOk = ratio !== null && Math.abs(ratio - 1) <= T.slopeTolerance;
    // Only the asymptote is a prediction: while much of the imbalance is left, training moves
    // corr(1/L) either way (measured: Gaussian σ = 1.2, L = 5, λ = 0.01 dips from 0.735 to 0.711
    // with 28% of the imbalance left), so those groups are judged on the rate alone.
    const nfaOk = fit.length === 0 || !decayed || (corr1 !== null && corr1 >= T.repairedCorr);
    return {
      label: groupKey(r0, true),
      n: rs.length,
      fitN: fit.length,
      ratio,
      spread: range(ratios),
      kept,
      corr0,
      corr1,
      decayed: decayed && fit.length > 0,
      ok: rateOk && nfaOk,
    };
  });
  const controlGroups = [
    ...groupBy([...control.kept].sort(groupOrder), (r) => groupKey(r, false)).values(),
  ].map((rs) => {
    const kept = rs.map(keptImbalance);
    const worst = Math.min(...kept.map((k) => k ?? -Infinity));
    return {
      label: `${groupKey(rs[0]!, false)} λ=0`,
      n: rs.length,
      worst: Number.isFinite(worst) ? worst : null,
      spread: range(kept),
      ok: kept.every((k) => k !== null && k >= T.keptImbalance && k <= 1 / T.keptImbalance),
    };
  });
  const rule =
    `Unbalanced-init (init ≠ balanced), linear, gd runs, grouped by init, scale, depth, λ and η. ` +
    `λ > 0 (ok, not collapsed): the median over runs of fitted / theoretical decay rate of ln(imbalance) ` +
    `(theory ln((1 − ηλ)²) ≈ −2ηλ per step) is within ±${T.slopeTolerance}; among runs that fit, once ` +
    `the median imbalance left is ≤ ${T.decayedImbalance} the median final corr(1/L) must be ≥ ` +
    `${T.repairedCorr} (before that the theory predicts the rate only). λ = 0 control (ok runs that fit): ` +
    `every run keeps between ${T.keptImbalance} and 1/${T.keptImbalance} of its imbalance. Pass if every group passes, with at least ` +
    `one λ > 0 group that shed its imbalance and one control group.`;
  const base = {
    key: 'weight-decay' as const,
    title: 'Weight decay removes the imbalance at the predicted rate',
    rule,
    scope:
      'The rate is the theorem of DESIGN.md §1 claim 2 and holds whether or not a net fits; ' +
      'whether the NFA follows is judged on the nets that fit (see also the emergence verdict).',
    exclusions: mergeExclusions(decay.excluded, control.excluded),
    table: {
      columns: [
        'group',
        'runs',
        'rate fitted/theory (median)',
        'per run',
        'imbalance end/start',
        'corr start',
        'corr end',
        'pass',
      ],
      rows: decayGroups.map((g) => [
        g.label,
        g.n,
        g.ratio,
        g.spread,
        g.kept,
        g.corr0,
        g.corr1,
        yesNo(g.ok),
      ]),
    },
    extra: [
      {
        title: 'λ = 0 control: imbalance kept (final / initial), per run',
        table: {
          columns: ['group', 'runs', 'lowest', 'per run', 'pass'],
          rows: controlGroups.map((g) => [g.label, g.n, g.worst, g.spread, yesNo(g.ok)]),
        },
      },
    ],
  };
  const badDecay = decayGroups.find((g) => !g.ok);
  if (badDecay) {
    return {
      ...base,
      state: 'fail',
      summary: `${badDecay.label}: imbalance rate ${fmt(badDecay.ratio, 2)}× theory (per run ${badDecay.spread}), corr(1/L) ${fmt(badDecay.corr0)} → ${fmt(badDecay.corr1)} with ${fmtE(badDecay.kept)} of the imbalance left.`,
    };
  }
  const badControl = controlGroups.find((g) => !g.ok);
  if (badControl) {
    return {
      ...base,
      state: 'fail',
      summary: `${badControl.label}: a run kept only ${fmt(badControl.worst)} of its imbalance without weight decay (per run ${badControl.spread}); it should be conserved.`,
    };
  }
  if (decayGroups.length === 0 || controlGroups.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary:
        decayGroups.length === 0
          ? `No usable unbalanced linear gd runs with λ > 0 (${decaySlice.length} in the slice, ${decay.excluded.total} left out).`
          : `No usable λ = 0 unbalanced runs that fit (${controlSlice.length} in the slice) to show the imbalance is otherwise kept.`,
    };
  }
  const repaired = decayGroups.filter((g) => g.decayed);
  if (repaired.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: `The decay rates match theory, but no λ > 0 group of fitted nets shed its imbalance below ${T.decayedImbalance} of its start (train longer or raise λ).`,
    };
  }
  const ratios = decayGroups.map((g) => g.ratio ?? 1);
  return {
    ...base,
    state: 'pass',
    summary:
      `In all ${decayGroups.length} λ > 0 groups the imbalance decays at ${fmtRange(Math.min(...ratios), Math.max(...ratios))}× ` +
      `the gd rate, and the ${repaired.length} that shed it reach corr(1/L) ≥ ${fmt(Math.min(...repaired.map((g) => g.corr1 ?? 0)), 3)}; ` +
      `without weight decay every run keeps ≥ ${fmt(Math.min(...controlGroups.map((g) => g.worst ?? 0)), 3)} of its imbalance (${controlGroups.length} groups).`,
  };
}
