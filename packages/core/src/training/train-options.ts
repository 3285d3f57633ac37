import type { BackendName } from '../backend/backend.js';
import type { KernelMode } from '../linalg/kernels.js';

export interface TrainOptions {
  /** TensorFlow.js backend; `auto` (default) picks the fastest that loads. */
  backend?: BackendName;
  /**
   * Matrix kernels of the float64 engines: `auto` (default: WebAssembly SIMD where it runs,
   * else JavaScript), `wasm` or `js`. Both give bit-identical numbers (linalg/kernels.ts).
   */
  kernels?: KernelMode;
  /** Stops training between steps; the result then has status `failed` with error `aborted`. */
  signal?: AbortSignal;
  /** Wall clock in seconds (injectable for tests); defaults to performance.now. */
  now?: () => number;
  /** Return the final weights in `RunResult.weights` (default false: they can be large). */
  keepWeights?: boolean;
}
