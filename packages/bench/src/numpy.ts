import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface NumpyResult {
  numpy: string;
  secondsPerStep: number;
  cpuSecondsPerStep: number;
  finalLoss: number;
  matmul256Gflops: number;
}

/** The straightforward NumPy loop shipped with this package (see its docstring). */
export const NUMPY_SCRIPT = fileURLToPath(new URL('../numpy/linear_gd.py', import.meta.url));

/**
 * Runs numpy/linear_gd.py on a canonical cell shape; `null` with the reason when python3 or
 * NumPy is not installed (the comparison is then left out, not failed).
 */
export function runNumpy(args: {
  depth: number;
  d: number;
  k: number;
  c: number;
  n: number;
  lr: number;
  steps: number;
}): { result: NumpyResult } | { skipped: string } {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'python3 not found' };
  if (probe.status !== 0) return { skipped: 'numpy not installed for python3' };
  const flags = Object.entries(args).flatMap(([k, v]) => [`--${k}`, String(v)]);
  const run = spawnSync('python3', [NUMPY_SCRIPT, ...flags], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`numpy/linear_gd.py failed: ${run.stderr.trim()}`);
  return { result: JSON.parse(run.stdout.trim().split('\n').pop()!) as NumpyResult };
}
