import type { QualityFlag, RunRecord } from '../record.js';
import { cfgStr } from '../record.js';
import { FLAG_MEANING, type Exclusions } from '../quality.js';

export const isLinear = (r: RunRecord): boolean => cfgStr(r, 'activation') === 'linear';
export const isGd = (r: RunRecord): boolean => cfgStr(r, 'optimizer') === 'gd';
export const isBalanced = (r: RunRecord): boolean => cfgStr(r, 'init') === 'balanced';

/** Every quality flag: runs that carry any of them are not evidence for an exponent. */
export const ALL_FLAGS: readonly QualityFlag[] = [
  'not-fit',
  'collapsed',
  'alpha-unidentifiable',
  'alpha-at-bound',
];

/**
 * The runs of a verdict's slice that it can use: `ok`, without any flag in `reject`, and passing
 * `extra` when given. The others are counted by reason (diverged, failed, their first flag, or
 * `extra`'s reason), each run once.
 */
export function usable(
  runs: readonly RunRecord[],
  reject: readonly QualityFlag[],
  extra?: { reason: string; keep: (r: RunRecord) => boolean },
): { kept: RunRecord[]; excluded: Exclusions } {
  const kept: RunRecord[] = [];
  const counts = new Map<string, number>();
  const count = (reason: string) => counts.set(reason, (counts.get(reason) ?? 0) + 1);
  for (const r of runs) {
    if (r.status !== 'ok') {
      count(r.status);
      continue;
    }
    const hit = reject.find((f) => r.flags.includes(f));
    if (hit !== undefined) count(FLAG_MEANING[hit]);
    else if (extra && !extra.keep(r)) count(extra.reason);
    else kept.push(r);
  }
  return {
    kept,
    excluded: {
      total: runs.length - kept.length,
      byReason: [...counts.entries()].map(([reason, n]) => ({ reason, n })),
    },
  };
}

/** Sum two exclusion tallies (a verdict that uses two slices reports both). */
export function mergeExclusions(a: Exclusions, b: Exclusions): Exclusions {
  const m = new Map<string, number>();
  for (const e of [...a.byReason, ...b.byReason]) m.set(e.reason, (m.get(e.reason) ?? 0) + e.n);
  return {
    total: a.total + b.total,
    byReason: [...m.entries()].map(([reason, n]) => ({ reason, n })),
  };
}
