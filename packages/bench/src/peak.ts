import { mulInto, mulTransBInto } from '@ansatz/core';

export interface MatmulPeak {
  size: number;
  /** Best GFLOP/s of the A·Bᵀ (row-dot) kernel. */
  rowDotGflops: number;
  /** Best GFLOP/s of the A·B (i-k-j) kernel. */
  ikjGflops: number;
  /** The better of the two: the machine's float64 JS matmul peak used for "% of peak". */
  gflops: number;
}

function bestSeconds(f: () => void, reps: number): number {
  f();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

/**
 * The float64 matrix-multiply peak of this machine in JavaScript: the engines' own register-
 * blocked kernels on random size × size matrices, best of `reps` timings.
 */
export function measureMatmulPeak(size = 256, reps = 5): MatmulPeak {
  const random = () =>
    Float64Array.from({ length: size * size }, (_, i) => Math.sin(i * 12.9898) * 0.5);
  const a = random();
  const b = random();
  const out = new Float64Array(size * size);
  const flops = 2 * size ** 3;
  const rowDot = flops / bestSeconds(() => mulTransBInto(out, a, b, size, size, size), reps) / 1e9;
  const ikj = flops / bestSeconds(() => mulInto(out, a, b, size, size, size), reps) / 1e9;
  return { size, rowDotGflops: rowDot, ikjGflops: ikj, gflops: Math.max(rowDot, ikj) };
}
