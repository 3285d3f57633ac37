// Public API of @ansatz/bench (private package): the pieces `main.ts` runs, for reuse and tests.
export { CELLS, CANONICAL_SHAPE, NUMPY_CELL } from './cells.js';
export type { BenchCell } from './cells.js';
export { referenceStepFlops, linearStepFlops, numpyStepFlops } from './flops.js';
export { measureMatmulPeak } from './peak.js';
export type { MatmulPeak } from './peak.js';
export { measureStepSpeed, DEFAULT_LOG_EVERY } from './step-speed.js';
export type { StepSpeed } from './step-speed.js';
export { runNumpy, NUMPY_SCRIPT } from './numpy.js';
export type { NumpyResult } from './numpy.js';
export { benchPool, POOL_ROUNDS } from './pool.js';
export type { PoolBench, PoolRun } from './pool.js';
export { formatTable, fmt, pct } from './table.js';
