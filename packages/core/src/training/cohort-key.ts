import type { RunConfig } from '../config/schema.js';
import { engineName } from './make-engine.js';

/**
 * The run-config fields a cohort shares (DESIGN.md §3): the shapes of every buffer (dimensions,
 * samples, batch size, depth), what runs on them (activation with its slope, optimizer,
 * engine) and the loop (steps, logEvery). Cells that agree on all of them and differ only in
 * values (seed, task, init, scales, learning rate, weight decay, …) can train as one cohort.
 */
export const COHORT_SHAPE_FIELDS = [
  'inputDim',
  'outputDim',
  'samples',
  'batchSize',
  'depth',
  'width',
  'activation',
  'leakySlope',
  'optimizer',
  'steps',
  'logEvery',
] as const satisfies readonly (keyof RunConfig)[];

type KeyConfig = Pick<RunConfig, (typeof COHORT_SHAPE_FIELDS)[number] | 'engine'>;

/** A string equal for two configs exactly when they may train in one cohort. */
export function cohortKey(c: KeyConfig): string {
  return JSON.stringify([engineName(c), ...COHORT_SHAPE_FIELDS.map((f) => c[f])]);
}

/** Whether the engine a config trains on runs cohorts as one computation (not the reference). */
export function batchesCohorts(c: Pick<RunConfig, 'engine' | 'activation'>): boolean {
  return engineName(c) !== 'reference';
}
