import { medianInterval, type Interval } from '../bootstrap.js';
import { finalValue, type RunRecord } from '../record.js';
import { median } from '../stats.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * Whether a group of runs of depth L shows the exponent 1/L, and not a neighbour: the bootstrap
 * interval of its median α̂ must lie strictly between the midpoints to 1/(L+1) and 1/(L−1), so
 * that both neighbouring exponents are excluded, and its median corr(1/L) must be high. At L ≥ 7
 * the gap to 1/(L+1) is 0.018 or less, which a fixed tolerance of 0.02 would not resolve.
 */
export interface ExponentCheck {
  L: number;
  n: number;
  alpha: number | null;
  interval: Interval | null;
  /** The open window of α̂ that is closer to 1/L than to either neighbour. */
  window: { lo: number; hi: number };
  corr: number | null;
  half: number | null;
  /** Median of the final corr(1/L) − corr(1/2). */
  gap: number | null;
  /** null when the group has fewer than THRESHOLDS.minRuns runs. */
  ok: boolean | null;
}

export function neighbourWindow(L: number): { lo: number; hi: number } {
  return { lo: (1 / L + 1 / (L + 1)) / 2, hi: L > 1 ? (1 / L + 1 / (L - 1)) / 2 : Infinity };
}

export function checkExponent(L: number, runs: readonly RunRecord[]): ExponentCheck {
  const T = THRESHOLDS;
  const alphas = runs.map((r) => finalValue(r, 'alphaHat'));
  const alpha = median(alphas);
  const interval = medianInterval(alphas, T.confidence);
  const corr = median(runs.map((r) => finalValue(r, 'nfaCorr')));
  const half = median(runs.map((r) => finalValue(r, 'nfaCorrHalf')));
  const gap = corr !== null && half !== null ? corr - half : null;
  const window = neighbourWindow(L);
  let ok: boolean | null = null;
  if (runs.length >= T.minRuns && interval !== null) {
    ok =
      interval.lo > window.lo &&
      interval.hi < window.hi &&
      corr !== null &&
      corr >= T.corrAtInverseDepth &&
      (L < 3 || (gap !== null && gap >= T.halfGap));
  }
  return { L, n: runs.length, alpha, interval, window, corr, half, gap, ok };
}

export const EXPONENT_RULE =
  `the ${THRESHOLDS.confidence * 100}% bootstrap interval (over seeds) of the median α̂ lies strictly ` +
  `between the midpoints from 1/L to 1/(L+1) and to 1/(L−1), so that it is closer to 1/L than to ` +
  `either neighbouring exponent; median corr(1/L) ≥ ${THRESHOLDS.corrAtInverseDepth}; for L ≥ 3 ` +
  `median corr(1/L) − corr(1/2) ≥ ${THRESHOLDS.halfGap}; at least ${THRESHOLDS.minRuns} usable runs`;

/** Table cells for an exponent check: α̂ with its interval and the window it must lie in. */
export function exponentCells(c: ExponentCheck): (string | number | null)[] {
  const iv = c.interval ? `[${c.interval.lo.toFixed(4)}, ${c.interval.hi.toFixed(4)}]` : 'n/a';
  const win = `(${c.window.lo.toFixed(4)}, ${Number.isFinite(c.window.hi) ? c.window.hi.toFixed(4) : '∞'})`;
  return [c.L, c.n, 1 / c.L, c.alpha, iv, win, c.corr, c.half];
}
export const EXPONENT_COLUMNS = [
  'L',
  'runs',
  '1/L',
  'median α̂',
  '95% interval',
  'window',
  'corr(1/L)',
  'corr(1/2)',
];
