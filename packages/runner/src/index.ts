// Public API of @ansatz/runner: the orchestration behind the `runner` CLI.
export { UserError, EXIT } from './errors.js';
export { runnerCommands } from './commands/index.js';
export { runId, canonicalJson, RECORD_VERSION, ID_LENGTH } from './ids.js';
export { parseSpecText, readSpecFile, formatPath, MAX_ALIAS_COUNT } from './spec/parse-spec.js';
export type { SpecSource, SpecPath } from './spec/parse-spec.js';
export { specSchema, validateSpec } from './spec/spec-schema.js';
export type { Spec, ExperimentSpec, RuleSpec, Scalar } from './spec/spec-schema.js';
export { expandSpec, MAX_CELLS } from './spec/expand.js';
export type { Cell, Expansion } from './spec/expand.js';
export { loadSpecFile, loadSpecText, uniqueCells } from './spec/load-spec.js';
export type { LoadedSpec } from './spec/load-spec.js';
// Reading and writing results directories: @ansatz/results.
export { recordFromResult, failedRecord } from './results/record.js';
export type { RunRecord } from './results/record.js';
export {
  readSnapshot,
  writeSnapshot,
  makeSnapshot,
  SNAPSHOT_JSON,
  SNAPSHOT_YAML,
} from './results/snapshot.js';
export type { SpecSnapshot } from './results/snapshot.js';
export {
  assignShards,
  shardOwners,
  resolveShard,
  parseShardFlag,
  WHOLE,
} from './schedule/shard.js';
export type { Shard } from './schedule/shard.js';
export { largestFirst, estimatedCosts } from './schedule/largest-first.js';
export { RunPool, workerFile, defaultWorkers } from './schedule/pool.js';
export { Scheduler } from './schedule/scheduler.js';
export type { Outcome, SchedulerEnd, SchedulerOptions } from './schedule/scheduler.js';
export { plan, planLoaded, defaultOutDir } from './sweep/plan.js';
export type { Plan, ExperimentPlan } from './sweep/plan.js';
export { runSweep } from './sweep/run-sweep.js';
export type { SweepOptions } from './sweep/run-sweep.js';
export { sweepStatus, formatStatus } from './status/status.js';
export type { StatusReport, ExperimentStatus } from './status/status.js';
export { exportTable, toCsv, toJsonl } from './export/export-table.js';
export type { Table } from './export/export-table.js';
export type { WorkerTask } from './worker.js';
