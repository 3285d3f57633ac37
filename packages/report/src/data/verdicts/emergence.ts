/**
 * Claims 1 and 2 together (emergence): from starts where the NFA does not hold, weight decay
 * removes the imbalance and the exponent 1/L appears — the evidence a balanced start cannot give.
 */
import { cfgNum, cfgStr, finalValue, firstValue, type RunRecord } from '../record.js';
import { groupBy, median } from '../stats.js';
import { EXPONENT_RULE, checkExponent, type ExponentCheck } from './exponent.js';
import { ALL_FLAGS, isBalanced, isGd, isLinear, usable } from './select.js';
import { THRESHOLDS } from './thresholds.js';
import { fmt, fmtE, fmtRange, yesNo, type Verdict } from './types.js';
import { groupOrder } from './weight-decay.js';

/** Final / initial imbalance of a run (null when undefined). */
export function keptImbalance(r: RunRecord): number | null {
  const a = firstValue(r, 'imbalance');
  const b = finalValue(r, 'imbalance');
  return a !== null && b !== null && a > 0 ? b / a : null;
}

interface Group {
  label: string;
  corr0: number | null;
  kept: number | null;
  eligible: boolean;
  check: ExponentCheck;
}

export function emergenceVerdict(records: readonly RunRecord[]): Verdict {
  const T = THRESHOLDS;
  const slice = records.filter(
    (r) => isLinear(r) && !isBalanced(r) && isGd(r) && cfgNum(r, 'weightDecay') > 0,
  );
  const { kept, excluded } = usable(slice, ALL_FLAGS);
  const groups: Group[] = [
    ...groupBy(
      [...kept].sort(groupOrder),
      (r) =>
        `${cfgStr(r, 'init')}|${cfgNum(r, 'initScale')}|${cfgNum(r, 'depth')}|${cfgNum(r, 'weightDecay')}|${cfgNum(r, 'learningRate')}`,
    ).values(),
  ].map((rs) => {
    const r0 = rs[0]!;
    const L = cfgNum(r0, 'depth');
    const corr0 = median(rs.map((r) => firstValue(r, 'nfaCorr')));
    const keptImb = median(rs.map(keptImbalance));
    return {
      label: `${cfgStr(r0, 'init')} σ=${cfgNum(r0, 'initScale')} L=${L} λ=${cfgNum(r0, 'weightDecay')}`,
      corr0,
      kept: keptImb,
      eligible:
        corr0 !== null &&
        corr0 < T.notHoldingAtStart &&
        keptImb !== null &&
        keptImb <= T.emergedImbalance,
      check: checkExponent(L, rs),
    };
  });
  const judged = groups.filter((g) => g.eligible);
  const rule =
    `Unbalanced-init (init ≠ balanced), linear, gd runs with λ > 0; ok runs without any quality ` +
    `flag, grouped by init, scale, depth, λ and η. A group is judged when the NFA does not hold at ` +
    `step 0 (median corr(1/L) < ${T.notHoldingAtStart}) and weight decay has removed the imbalance ` +
    `(median final/initial ≤ ${T.emergedImbalance}); it passes if ${EXPONENT_RULE}. Pass if at ` +
    `least one group is judged and every judged group passes.`;
  const scope =
    'Groups still shedding their imbalance are listed but not judged: the theorem is asymptotic, ' +
    'and with 1% of the imbalance left α̂ can still miss 1/L by half the gap to 1/(L+1).';
  const base = {
    key: 'emergence' as const,
    title: 'Emergence: α = 1/L appears from unbalanced starts under weight decay',
    rule,
    scope,
    extra: [],
    exclusions: excluded,
    table: {
      columns: [
        'group',
        'runs',
        'corr(1/L) at step 0',
        'imbalance end/start',
        'median α̂',
        '95% interval',
        '1/L',
        'corr(1/L) end',
        'judged',
        'pass',
      ],
      rows: groups.map((g) => [
        g.label,
        g.check.n,
        g.corr0,
        g.kept,
        g.check.alpha,
        g.check.interval
          ? `[${fmt(g.check.interval.lo, 4)}, ${fmt(g.check.interval.hi, 4)}]`
          : 'n/a',
        1 / g.check.L,
        g.check.corr,
        g.eligible ? 'yes' : 'no',
        g.eligible ? yesNo(g.check.ok) : 'n/a',
      ]),
    },
  };
  const failing = judged.filter((g) => g.check.ok === false);
  if (failing.length > 0) {
    const g = failing[0]!;
    return {
      ...base,
      state: 'fail',
      summary: `${failing.length} of ${judged.length} judged group(s) miss the rule, e.g. ${g.label}: median α̂ ${fmt(g.check.alpha, 4)} against 1/L = ${fmt(1 / g.check.L, 4)}, corr(1/L) ${fmt(g.check.corr, 4)} with ${fmtE(g.kept)} of the imbalance left.`,
    };
  }
  const passing = judged.filter((g) => g.check.ok === true);
  if (passing.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary:
        judged.length > 0
          ? `The ${judged.length} judged group(s) have fewer than ${T.minRuns} usable runs.`
          : `No group both started without the NFA (corr(1/L) < ${T.notHoldingAtStart}) and shed its imbalance below ${T.emergedImbalance} (${kept.length} usable runs, ${excluded.total} left out): train longer or raise λ.`,
    };
  }
  const lacking = judged.length - passing.length;
  return {
    ...base,
    state: 'pass',
    summary:
      `In all ${passing.length} judged group(s) the NFA, absent at step 0 (corr(1/L) ${fmtRange(Math.min(...passing.map((g) => g.corr0 ?? 1)), Math.max(...passing.map((g) => g.corr0 ?? 0)))}), ` +
      `appears with α̂ closer to 1/L than to either neighbour and corr(1/L) ≥ ${fmt(Math.min(...passing.map((g) => g.check.corr ?? 0)), 4)}` +
      (lacking > 0 ? ` (${lacking} judged group(s) with too few runs not counted).` : '.'),
  };
}
