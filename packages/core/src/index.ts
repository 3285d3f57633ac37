// Public API of @ansatz/core. Pure library: no file, network or console I/O.
export {
  TASKS,
  ACTIVATIONS,
  INITS,
  OPTIMIZERS,
  ENGINES,
  RUN_CONFIG_FIELDS,
  runConfigSchema,
} from './config/schema.js';
export type { RunConfig, RunConfigInput } from './config/schema.js';
export { resolveConfig, safeResolveConfig, ConfigError, DEFAULT_SGD_BATCH } from './config/resolve.js';
export type { ConfigIssue } from './config/resolve.js';
export type {
  HistoryPoint,
  FinalMetrics,
  RunStatus,
  RunTiming,
  RunResult,
} from './config/result.js';
export { train } from './training/train.js';
export type { TrainOptions } from './training/train.js';
export { initBackend, BACKENDS, BackendUnavailableError } from './backend/backend.js';
export type { BackendName } from './backend/backend.js';
