/** The targets of issue 12 on this 2-core machine, by work and size (the README repeats them). */
import type { Measured } from './measure.js';

export interface Target {
  work: string;
  /** Smallest size the target applies to. */
  n: number;
  seconds: number;
  /** Peak RSS in bytes. */
  rss: number;
}

const MB = 2 ** 20;

/** Checked from the largest `n` down: the first whose `n` the measurement reaches applies. */
export const TARGETS: readonly Target[] = [
  { work: 'sweep --dry-run', n: 1_000_000, seconds: 20, rss: 1024 * MB },
  { work: 'sweep --dry-run', n: 100_000, seconds: 3, rss: 1024 * MB },
  { work: 'status', n: 50_000, seconds: 20, rss: 1536 * MB },
  { work: 'report', n: 50_000, seconds: 180, rss: 1536 * MB },
];

/** `yes` or `no` (with what broke) for one measurement against its target. */
export function verdict(m: Measured, t: Target): string {
  const broken: string[] = [];
  if (m.timedOut || m.code !== 0) broken.push('did not finish');
  else {
    if (m.seconds > t.seconds) broken.push('time');
    if (m.peakRss !== null && m.peakRss > t.rss) broken.push('memory');
  }
  return broken.length === 0 ? 'yes' : `no (${broken.join(', ')})`;
}
