/**
 * Verdicts on the claims of DESIGN.md §1, computed from the records, one file per claim. The
 * thresholds are in thresholds.ts and every verdict states its rule, its scope and the runs it
 * left out, so the site and `runner verdicts` document what they check.
 */
import type { RunRecord } from '../record.js';
import { counterexampleVerdict } from './counterexamples.js';
import { depthVerdict } from './depth.js';
import { emergenceVerdict } from './emergence.js';
import { optimizerVerdict } from './optimizers.js';
import type { Verdict } from './types.js';
import { weightDecayVerdict } from './weight-decay.js';

export function computeVerdicts(records: readonly RunRecord[]): Verdict[] {
  return [
    depthVerdict(records),
    emergenceVerdict(records),
    weightDecayVerdict(records),
    counterexampleVerdict(records),
    optimizerVerdict(records),
  ];
}

/** Whether a set of verdicts answers yes: every claim passes (informational ones aside). */
export function allPass(verdicts: readonly Verdict[]): boolean {
  return verdicts.every((v) => v.state === 'pass' || v.state === 'info');
}
