/**
 * Percentile bootstrap intervals over seeds. Deterministic: the resampling stream is seeded, so
 * the same runs always give the same interval (a site rebuilt from the same results is the same).
 */
import { median } from './stats.js';

/** mulberry32: a small seeded generator, enough for resampling indices and test data. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The percentile bootstrap interval of the median of `xs` (non-finite values dropped) at
 * `level` (e.g. 0.95), from `resamples` resamples with replacement. Null for fewer than 2 values.
 * With 3 values it is their range; it narrows as seeds are added.
 */
export function medianInterval(
  xs: readonly (number | null)[],
  level = 0.95,
  resamples = 2000,
  seed = 1,
): Interval | null {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  if (v.length < 2) return null;
  const rnd = generator(seed);
  const medians = new Float64Array(resamples);
  const sample = new Array<number>(v.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < v.length; i++) sample[i] = v[Math.floor(rnd() * v.length)] as number;
    medians[b] = median(sample) as number;
  }
  medians.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) =>
    medians[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { lo: at(tail), hi: at(1 - tail) };
}
