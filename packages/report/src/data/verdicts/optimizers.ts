/** Claim 4 (informational): how well the NFA at α = 1/L holds per optimizer. */
import { cfgNum, cfgStr, finalValue, type RunRecord } from '../record.js';
import { groupBy, median, quantile } from '../stats.js';
import { ALL_FLAGS, isLinear, usable } from './select.js';
import { fmt, type Verdict } from './types.js';

export function optimizerVerdict(records: readonly RunRecord[]): Verdict {
  const slice = records.filter(isLinear);
  const { kept, excluded } = usable(slice, ALL_FLAGS);
  const groups = [...groupBy(kept, (r) => cfgStr(r, 'optimizer')).entries()].map(([opt, rs]) => {
    const corr = rs.map((r) => finalValue(r, 'nfaCorr'));
    return {
      opt,
      n: rs.length,
      corr: median(corr),
      q1: quantile(corr, 0.25),
      q3: quantile(corr, 0.75),
      err: median(
        rs.map((r) => {
          const a = finalValue(r, 'alphaHat');
          return a === null ? null : Math.abs(a - 1 / cfgNum(r, 'depth'));
        }),
      ),
    };
  });
  groups.sort((a, b) => a.opt.localeCompare(b.opt));
  return {
    key: 'optimizers',
    title: 'Across optimizers (informational)',
    state: groups.length === 0 ? 'not-enough-data' : 'info',
    rule: 'Linear ok runs of every init and weight decay without any quality flag, grouped by optimizer: median and interquartile range of the final corr(1/L), and median |α̂ − 1/L|. No pass/fail: the theory covers gradient flow only.',
    scope:
      'Medians pool every init and weight decay of the sweep, so they depend on its mix; the Optimizers page splits them by weight decay.',
    exclusions: excluded,
    extra: [],
    summary:
      groups.length === 0
        ? 'No usable linear runs.'
        : groups.map((g) => `${g.opt}: corr ${fmt(g.corr)}, |α̂ − 1/L| ${fmt(g.err)}`).join('; ') +
          '.',
    table: {
      columns: ['optimizer', 'runs', 'median corr(1/L)', 'IQR', 'median |α̂ − 1/L|'],
      rows: groups.map((g) => [g.opt, g.n, g.corr, `${fmt(g.q1)}–${fmt(g.q3)}`, g.err]),
    },
  };
}
