import type { RunQuality } from '../config/result.js';
import { ALPHA_MAX, ALPHA_MIN } from '../metrics/alpha-hat.js';

/**
 * Warnings attached to an `ok` run whose numbers should not be read as evidence for or against
 * the NFA without a second look (see `qualityFlags`).
 */
export const QUALITY_FLAGS = [
  'not-fit',
  'collapsed',
  'alpha-at-bound',
  'alpha-unidentifiable',
] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/**
 * A run whose final loss is above this fraction of its loss at step 0 has not fit its data
 * (`not-fit`): the NFA is a statement about trained networks, and a net that barely moved
 * scores whatever its initialization scores.
 */
export const FIT_MAX_LOSS_RATIO = 0.1;

/**
 * A final AGOP whose Frobenius norm is at most this fraction of its norm at step 0 has
 * collapsed (`collapsed`): the network became (numerically) constant, e.g. under strong weight
 * decay, and its AGOP's direction is round-off.
 */
export const COLLAPSE_RATIO = 1e-6;

/**
 * An α̂ within this distance of ALPHA_MIN or ALPHA_MAX is at the bound of the search
 * (`alpha-at-bound`): the true maximiser may lie outside the range.
 */
export const ALPHA_BOUND_MARGIN = 1e-3;

/** What the flags are computed from: numbers of the first and last log steps. */
export interface QualityInput {
  /** Loss at step 0 (history[0].loss) and at the end. */
  initialLoss: number | null;
  finalLoss: number | null;
  /** Frobenius norm of the AGOP at step 0 and at the end (null where not finite). */
  initialAgopNorm: number | null;
  finalAgopNorm: number | null;
  /** Positive eigenvalues of the final AGOP: the rank the nfaCorr curve uses (`curve.rank`). */
  agopRank: number;
  /** Final alphaHat and nfaCorrBest. */
  alphaHat: number | null;
  nfaCorrBest: number | null;
}

/** The flags and numbers of a run that is not `ok` (diverged, failed): no flags, nothing measured. */
export function noQuality(): { flags: QualityFlag[]; quality: RunQuality } {
  return { flags: [], quality: { lossRatio: null, agopRank: 0 } };
}

/**
 * The quality flags of an `ok` run, in QUALITY_FLAGS order:
 * - `not-fit`: final loss ÷ initial loss > FIT_MAX_LOSS_RATIO, or the initial loss is not > 0;
 * - `collapsed`: the final AGOP has no positive eigenvalue, or its norm is 0 or at most
 *   COLLAPSE_RATIO times its norm at step 0;
 * - `alpha-at-bound`: α̂ within ALPHA_BOUND_MARGIN of ALPHA_MIN or ALPHA_MAX;
 * - `alpha-unidentifiable`: the final AGOP's rank is ≤ 1 (AGOP^α has one direction for every
 *   α), or α̂ is null while the correlation curve is defined.
 */
export function qualityFlags(q: QualityInput): { flags: QualityFlag[]; quality: RunQuality } {
  const lossRatio =
    q.initialLoss !== null && q.initialLoss > 0 && q.finalLoss !== null
      ? q.finalLoss / q.initialLoss
      : null;
  const found = new Set<QualityFlag>();
  if (lossRatio === null || !(lossRatio <= FIT_MAX_LOSS_RATIO)) found.add('not-fit');
  const norm = q.finalAgopNorm;
  if (
    q.agopRank === 0 ||
    norm === null ||
    !(norm > 0) ||
    (q.initialAgopNorm !== null && norm <= COLLAPSE_RATIO * q.initialAgopNorm)
  ) {
    found.add('collapsed');
  }
  const a = q.alphaHat;
  if (a !== null && (a - ALPHA_MIN <= ALPHA_BOUND_MARGIN || ALPHA_MAX - a <= ALPHA_BOUND_MARGIN)) {
    found.add('alpha-at-bound');
  }
  if (q.agopRank <= 1 || (a === null && q.nfaCorrBest !== null)) found.add('alpha-unidentifiable');
  return {
    flags: QUALITY_FLAGS.filter((f) => found.has(f)),
    quality: { lossRatio, agopRank: q.agopRank },
  };
}
