/**
 * Quality flags: why a finished run may not count as evidence (DESIGN.md §3 "Quality flags").
 * Core computes them once, when the run finishes, and the record stores them (record version 2
 * on). For older records the report derives them here by the same rules from what the record
 * holds; the quick-sweep test checks that both agree on every run of a real sweep.
 */
import { QUALITY_FLAGS, finite, type QualityFlag, type RunRecord } from './record.js';

/** A run "fit" its data when its final loss is at most this fraction of its loss at step 0. */
export const FIT_MAX_LOSS_RATIO = 0.1;
/** A run "collapsed" when its final AGOP's Frobenius norm fell to this fraction of step 0's. */
export const COLLAPSE_RATIO = 1e-6;
/** α̂ within this of the search bounds [0.02, 2] sits at a bound (the maximum lies outside). */
export const ALPHA_BOUND_MARGIN = 1e-3;
export const ALPHA_MIN = 0.02;
export const ALPHA_MAX = 2;

/** What each flag means, for captions, tables and rules. */
export const FLAG_MEANING: Record<QualityFlag, string> = {
  'not-fit': `did not fit (final loss > ${FIT_MAX_LOSS_RATIO} × initial)`,
  collapsed: 'collapsed (final AGOP ≈ 0)',
  'alpha-at-bound': 'α̂ at a bound of the search [0.02, 2]',
  'alpha-unidentifiable': 'α not identifiable (AGOP rank ≤ 1)',
};

function frobenius(m: number[][] | null): number | null {
  if (!m) return null;
  let s = 0;
  for (const row of m) for (const x of row) s += x * x;
  return Number.isFinite(s) ? Math.sqrt(s) : null;
}

/** Flags of an older record (no `flags` field), by core's rules from what the record holds. */
export function deriveFlags(
  r: Pick<RunRecord, 'status' | 'history' | 'final' | 'lossRatio'>,
): QualityFlag[] {
  if (r.status !== 'ok' || !r.final) return [];
  const flags: QualityFlag[] = [];
  if (r.lossRatio === null || r.lossRatio > FIT_MAX_LOSS_RATIO) flags.push('not-fit');
  const agop = frobenius(r.final.agop);
  // Older records do not hold the step-0 AGOP: a final AGOP of exactly 0, or final metrics that
  // are undefined while the loss is finite (what an all-zero AGOP gives), is a collapse.
  if (agop === 0 || (agop !== null && r.final.nfaCorr === null && r.final.loss !== null)) {
    flags.push('collapsed');
  }
  const a = finite(r.final.alphaHat);
  if (a !== null && (a <= ALPHA_MIN + ALPHA_BOUND_MARGIN || a >= ALPHA_MAX - ALPHA_BOUND_MARGIN)) {
    flags.push('alpha-at-bound');
  }
  if (a === null && r.final.nfaCorr !== null) flags.push('alpha-unidentifiable');
  return flags;
}

/** Final / initial loss from the record (null when either is missing or the start is not > 0). */
export function lossRatioOf(r: Pick<RunRecord, 'history' | 'final'>): number | null {
  const l0 = finite(r.history[0]?.loss);
  const l1 = r.final ? finite(r.final.loss) : null;
  return l0 !== null && l1 !== null && l0 > 0 ? l1 / l0 : null;
}

/** The flags of a stored `flags` field, or null when it is absent or malformed. */
export function storedFlags(v: unknown): QualityFlag[] | null {
  if (!Array.isArray(v)) return null;
  const out: QualityFlag[] = [];
  for (const f of v) {
    if (!(QUALITY_FLAGS as readonly unknown[]).includes(f)) return null;
    out.push(f as QualityFlag);
  }
  return out;
}

/** Runs left out of a verdict or chart, by reason, so every page can say how many and why. */
export interface Exclusions {
  total: number;
  byReason: { reason: string; n: number }[];
}

/** "3 left out: 2 did not fit …, 1 collapsed …" or "" when none. */
export function describeExclusions(e: Exclusions): string {
  if (e.total === 0) return 'No runs left out.';
  return `${e.total} run(s) left out: ${e.byReason.map((b) => `${b.n} ${b.reason}`).join('; ')}.`;
}
