import { cfgNum, cfgStr, finalValue, type RunRecord } from './record.js';
import { groupBy, median, sig } from './stats.js';

export interface OptimizerCell {
  opt: string;
  wd: string;
  n: number;
  corr: number | null;
  err: number | null;
}

export interface OptimizersData {
  cells: OptimizerCell[];
  runs: number;
  /** Linear ok runs left out of the medians because they carry a quality flag. */
  flagged: number;
}

/**
 * Linear ok runs without quality flags, grouped by optimizer × weight decay: median final
 * corr(1/L) and |α̂ − 1/L|.
 */
export function optimizersData(records: readonly RunRecord[]): OptimizersData {
  const linear = records.filter((r) => r.status === 'ok' && cfgStr(r, 'activation') === 'linear');
  // Runs that did not fit, collapsed or have no well-defined exponent would drag the medians.
  const rs = linear.filter((r) => r.flags.length === 0);
  const groups = groupBy(rs, (r) => `${cfgStr(r, 'optimizer')}|${cfgNum(r, 'weightDecay')}`);
  const cells = [...groups.values()].map((g) => {
    const r0 = g[0] as RunRecord;
    return {
      opt: cfgStr(r0, 'optimizer'),
      wd: String(cfgNum(r0, 'weightDecay')),
      n: g.length,
      corr: sig(median(g.map((r) => finalValue(r, 'nfaCorr'))), 4),
      err: sig(
        median(
          g.map((r) => {
            const a = finalValue(r, 'alphaHat');
            return a === null ? null : Math.abs(a - 1 / cfgNum(r, 'depth'));
          }),
        ),
        3,
      ),
    };
  });
  cells.sort((a, b) => a.opt.localeCompare(b.opt) || Number(a.wd) - Number(b.wd));
  return { cells, runs: rs.length, flagged: linear.length - rs.length };
}
