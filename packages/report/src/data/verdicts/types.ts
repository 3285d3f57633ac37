import type { Exclusions } from '../quality.js';

export type VerdictState = 'pass' | 'fail' | 'not-enough-data' | 'info';

export interface VerdictTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export type VerdictKey = 'depth' | 'emergence' | 'weight-decay' | 'counterexamples' | 'optimizers';

export interface Verdict {
  key: VerdictKey;
  title: string;
  state: VerdictState;
  /** One sentence with the deciding numbers. */
  summary: string;
  /** The rule applied, in words, with every threshold. */
  rule: string;
  /** What the verdict can and cannot show (e.g. conservation rather than emergence). */
  scope: string;
  table: VerdictTable;
  /** Further tables (e.g. counts across thresholds), each with a title. */
  extra: { title: string; table: VerdictTable }[];
  /** Runs of the verdict's slice that it did not use, and why. */
  exclusions: Exclusions;
}

export const fmt = (x: number | null | undefined, d = 3): string =>
  x === null || x === undefined ? 'n/a' : x.toFixed(d);
export const fmtE = (x: number | null | undefined): string =>
  x === null || x === undefined ? 'n/a' : x.toExponential(2);
/** "a–b", or one value when both ends print the same. */
export const fmtRange = (lo: number | null, hi: number | null, d = 3): string => {
  const a = fmt(lo, d);
  const b = fmt(hi, d);
  return a === b ? a : `${a}–${b}`;
};
export const yesNo = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'yes' : 'no');
