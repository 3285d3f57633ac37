import type { RunConfig } from '../config/schema.js';
import type { RunResult } from '../config/result.js';
import { trainCohort } from './train-cohort.js';
import type { TrainOptions } from './train-options.js';

export type { TrainOptions } from './train-options.js';
export { trainCohort } from './train-cohort.js';
export { cohortKey, batchesCohorts, COHORT_SHAPE_FIELDS } from './cohort-key.js';

/**
 * Train one network as a resolved config says and measure the NFA along the way (DESIGN.md
 * §3). History every `logEvery` steps (and at the last step); a run whose loss or weights
 * become NaN/Inf returns `diverged` with the history so far. Deterministic: same config, same
 * numbers. One run is a cohort of one (train-cohort.ts).
 *
 * `config` must come from `resolveConfig` (the runner resolves every cell when it expands a
 * spec); `train` validates first. This module and its imports never load the config schema
 * (zod), which would add about 0.13 s to the start of every worker thread: worker threads
 * import it alone, as `@ansatz/core/run-training`.
 */
export async function runTraining(
  config: RunConfig,
  options: TrainOptions = {},
): Promise<RunResult> {
  return (await trainCohort([config], options))[0]!;
}
