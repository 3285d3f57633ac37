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
export {
  resolveConfig,
  safeResolveConfig,
  ConfigError,
  DEFAULT_SGD_BATCH,
} from './config/resolve.js';
export { makeConfigResolver } from './config/fast-resolve.js';
export type { ConfigIssue } from './config/resolve.js';
export type {
  HistoryPoint,
  FinalMetrics,
  Baselines,
  RunStatus,
  RunTiming,
  RunQuality,
  RunResult,
} from './config/result.js';
export { train } from './training/train.js';
export { runTraining } from './training/run-training.js';
export type { TrainOptions } from './training/train-options.js';
export { trainCohort } from './training/train-cohort.js';
export { cohortKey, batchesCohorts, COHORT_SHAPE_FIELDS } from './training/cohort-key.js';
export {
  qualityFlags,
  noQuality,
  QUALITY_FLAGS,
  FIT_MAX_LOSS_RATIO,
  COLLAPSE_RATIO,
  ALPHA_BOUND_MARGIN,
} from './training/quality-flags.js';
export type { QualityFlag, QualityInput } from './training/quality-flags.js';
export { initBackend, BACKENDS, BackendUnavailableError } from './backend/backend.js';
export type { BackendName } from './backend/backend.js';
export {
  symmetrize,
  symmetricEigen,
  clampedEigenvalues,
  psdPower,
  psdPowerFromEigen,
  EIGEN_NOISE_FACTOR,
} from './metrics/psd-power.js';
export type { SymmetricEigen } from './metrics/psd-power.js';
export { gram, agopLinear, endToEnd, columnGram, rowGram } from './metrics/gram.js';
export {
  cosineSimilarity,
  pearsonEntries,
  frobeniusDot,
  frobeniusNorm,
  nfaCorr,
  nfaCorrCurve,
  nfaCorrCurveFromEigen,
} from './metrics/nfa-corr.js';
export type { NfaCorrCurve } from './metrics/nfa-corr.js';
export type { AlphaCurve } from './metrics/nfa-curve.js';
export {
  alphaHat,
  alphaHatFromCurve,
  alphaHatSpectral,
  alphaHatSpectralFromEigen,
  ALPHA_MIN,
  ALPHA_MAX,
} from './metrics/alpha-hat.js';
export type { AlphaHat } from './metrics/alpha-hat.js';
export {
  centredCorr,
  centredCorrCurve,
  centredCorrCurveOf,
  centredCorrBest,
  ISOTROPY_TOLERANCE,
} from './metrics/centred-corr.js';
export type { CentredCorrCurve } from './metrics/centred-corr.js';
export {
  imbalance,
  imbalanceRel,
  imbalanceBoth,
  imbalanceDense,
  imbalanceMatrices,
} from './metrics/imbalance.js';
export type { Imbalance } from './metrics/imbalance.js';
export { nfaMetrics, toArray } from './metrics/snapshot.js';
export {
  baselinesOf,
  randomFirstLayer,
  NULL_BASELINES,
  BASELINE_RANDOM_STREAM,
} from './metrics/baselines.js';
export type { NfaMetrics, NfaMetricsInput } from './metrics/snapshot.js';
// nfaMetrics takes and returns row-major `Dense` matrices, as the training engines hold them.
export { dense, toMatrix, fromMatrix } from './linalg/dense.js';
export type { Dense } from './linalg/dense.js';
export { linearStepCost } from './training/linear-engine.js';
export { estimateRunSeconds, backpropStepFlops } from './training/run-cost.js';
export type { GradientPath } from './training/linear-engine.js';
export { mulInto, mulTransAInto, mulTransBInto } from './linalg/gemm.js';
export { jsKernels, KERNEL_MODES } from './linalg/kernels.js';
export type { KernelMode, Kernels } from './linalg/kernels.js';
export { allocate, resolveKernelMode, wasmSimdAvailable } from './linalg/arena.js';
export { ERROR_CODES, errorCodeOf } from './errors/error-code.js';
export type { ErrorCode } from './errors/error-code.js';
