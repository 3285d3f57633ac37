/** Claim 1 (conservation): balanced linear gd nets keep W1ᵀW1 ∝ AGOP^{1/L} through training. */
import { cfgNum, type RunRecord } from '../record.js';
import { groupBy } from '../stats.js';
import { EXPONENT_COLUMNS, EXPONENT_RULE, checkExponent, exponentCells } from './exponent.js';
import { ALL_FLAGS, isBalanced, isGd, isLinear, usable } from './select.js';
import { THRESHOLDS } from './thresholds.js';
import { fmt, yesNo, type Verdict } from './types.js';

export function depthVerdict(records: readonly RunRecord[]): Verdict {
  const slice = records.filter((r) => isLinear(r) && isBalanced(r) && isGd(r));
  const { kept, excluded } = usable(slice, ALL_FLAGS);
  // Every depth that was attempted is a row, even when none of its runs is usable: a depth whose
  // runs all diverged or did not fit must not vanish from the verdict.
  const depths = [...new Set(slice.map((r) => cfgNum(r, 'depth')))].sort((a, b) => a - b);
  const byDepth = groupBy(kept, (r) => String(cfgNum(r, 'depth')));
  const checks = depths.map((L) => checkExponent(L, byDepth.get(String(L)) ?? []));
  const rule =
    `Balanced-init, linear, gd runs, grouped by depth L; ok runs without any quality flag. ` +
    `Pass if at every depth ${EXPONENT_RULE}, with at least two depths. A depth without ` +
    `enough usable runs makes the verdict "not enough data"; one that misses the rule makes it fail.`;
  const scope =
    'This is conservation, not emergence: a balanced start satisfies W1ᵀW1 = AGOP to the power 1/L at step 0 ' +
    'by construction, and the theorem says gradient flow keeps it. That the NFA appears from starts ' +
    'where it does not hold is the separate emergence verdict.';
  const base = {
    key: 'depth' as const,
    title: 'Depth dependence: α = 1/L is conserved from balanced starts',
    rule,
    scope,
    extra: [],
    exclusions: excluded,
    table: {
      columns: [...EXPONENT_COLUMNS, 'pass'],
      rows: checks.map((c) => [...exponentCells(c), yesNo(c.ok)]),
    },
  };
  const failing = checks.filter((c) => c.ok === false);
  if (failing.length > 0) {
    const c = failing[0]!;
    return {
      ...base,
      state: 'fail',
      summary:
        `Depth(s) L = ${failing.map((g) => g.L).join(', ')} miss the rule (e.g. L = ${c.L}: median α̂ = ` +
        `${fmt(c.alpha, 4)}, 95% interval ${c.interval ? `[${fmt(c.interval.lo, 4)}, ${fmt(c.interval.hi, 4)}]` : 'n/a'}` +
        ` against the window (${fmt(c.window.lo, 4)}, ${fmt(c.window.hi, 4)}); corr(1/L) = ${fmt(c.corr, 4)}).`,
    };
  }
  const lacking = checks.filter((c) => c.ok === null);
  const passing = checks.filter((c) => c.ok === true);
  if (lacking.length > 0 || passing.length < 2) {
    return {
      ...base,
      state: 'not-enough-data',
      summary:
        lacking.length > 0
          ? `Depth(s) L = ${lacking.map((c) => `${c.L} (${c.n} usable)`).join(', ')} have fewer than ${THRESHOLDS.minRuns} usable runs; ${excluded.total} of ${slice.length} runs were left out.`
          : `Found ${passing.length} depth(s) with usable balanced linear gd runs; at least 2 are needed.`,
    };
  }
  const widest = Math.max(...passing.map((c) => Math.abs((c.alpha ?? 0) - 1 / c.L)));
  return {
    ...base,
    state: 'pass',
    summary:
      `At all ${passing.length} depths (L = ${passing.map((c) => c.L).join(', ')}) the 95% interval of ` +
      `the median α̂ excludes both neighbouring exponents (median within ${widest.toExponential(1)} ` +
      `of 1/L) and corr(1/L) ≥ ${fmt(Math.min(...passing.map((c) => c.corr ?? 0)), 4)}.`,
  };
}
