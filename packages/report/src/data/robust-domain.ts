import { quantile } from './stats.js';

/** A value axis that one wild value cannot squeeze: its range, and how many values fall outside. */
export interface RobustDomain {
  lo: number;
  hi: number;
  /** Values below lo and above hi (drawn at the edge, marked as off-scale). */
  below: number;
  above: number;
}

/** Tukey's far-out fences: values beyond 3 interquartile ranges of the quartiles are off-scale. */
export const FENCE_IQR = 3;

/**
 * The range of the values inside Tukey's far-out fences (quartiles ∓ 3 × IQR), widened to hold
 * `include` (e.g. the theory curve) and padded by 4%; null without finite values.
 */
export function robustDomain(
  values: readonly (number | null)[],
  include: readonly number[] = [],
): RobustDomain | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (v.length === 0) return null;
  const q1 = quantile(v, 0.25) as number;
  const q3 = quantile(v, 0.75) as number;
  const fenceLo = q1 - FENCE_IQR * (q3 - q1);
  const fenceHi = q3 + FENCE_IQR * (q3 - q1);
  const inside = v.filter((x) => x >= fenceLo && x <= fenceHi);
  let lo = Math.min(...inside, ...include);
  let hi = Math.max(...inside, ...include);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.04;
  lo -= pad;
  hi += pad;
  return {
    lo,
    hi,
    below: v.filter((x) => x < lo).length,
    above: v.filter((x) => x > hi).length,
  };
}
