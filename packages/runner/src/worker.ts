/**
 * Piscina worker: runs one training run, or one cohort of runs, per task. Core loads
 * TensorFlow.js and initializes the backend once per thread, and only when a run needs the
 * reference engine (linear nets train on the closed-form engine without it).
 */
// The training entry alone: '@ansatz/core' would also load the config schema (zod), about
// 0.13 s per thread, to validate configs the runner already resolved when it expanded the spec.
import type { BackendName, RunConfig, RunResult } from '@ansatz/core';
import { runTraining, trainCohort } from '@ansatz/core/run-training';
import { runFailureData } from './schedule/run-failure.js';

/** One unit of work sent to a worker thread: plain data only. */
export interface WorkerTask {
  id: string;
  config: RunConfig;
  backend: BackendName;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
  /** Return the final weights with the result (`runner sweep --save-weights`). */
  keepWeights?: boolean;
}

/**
 * A cohort sent as one task (`runner sweep --cohort`): cells of one shape trained as one
 * computation (core's `trainCohort`); the result is one RunResult per cell, in order. A cohort
 * is attempted once: if it throws, the scheduler runs its cells one by one.
 */
export interface CohortTask {
  cells: { id: string; config: RunConfig }[];
  backend: BackendName;
  attempt: number;
  keepWeights?: boolean;
}

export default async function runTask(task: WorkerTask): Promise<RunResult>;
export default async function runTask(task: CohortTask): Promise<RunResult[]>;
export default async function runTask(
  task: WorkerTask | CohortTask,
): Promise<RunResult | RunResult[]> {
  const options = { backend: task.backend, keepWeights: task.keepWeights === true };
  try {
    if ('cells' in task)
      return await trainCohort(
        task.cells.map((c) => c.config),
        options,
      );
    return await runTraining(task.config, options);
  } catch (err) {
    // As plain data: an Error would lose its code on the way to the main thread.
    throw runFailureData(err);
  }
}
