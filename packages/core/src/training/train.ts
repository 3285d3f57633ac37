import { resolveConfig } from '../config/resolve.js';
import type { RunConfig, RunConfigInput } from '../config/schema.js';
import type { RunResult } from '../config/result.js';
import { runTraining, type TrainOptions } from './run-training.js';

/**
 * Train one network as the config says (defaults filled in, invalid fields rejected with a
 * `ConfigError`) and measure the NFA along the way: `runTraining` of the resolved config.
 */
export async function train(
  input: RunConfigInput | RunConfig,
  options: TrainOptions = {},
): Promise<RunResult> {
  return runTraining(resolveConfig(input), options);
}
