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

function peakAt(size: number, reps: number): MatmulPeak {
  const random = () =>
    Float64Array.from({ length: size * size }, (_, i) => Math.sin(i * 12.9898) * 0.5);
  const a = random();
  const b = random();
  const out = new Float64Array(size * size);
  const flops = 2 * size ** 3;
  // Enough repetitions of the smaller sizes to time about as long as the largest.
  const n = Math.max(reps, Math.round((reps * 256 ** 3) / size ** 3));
  const rowDot = flops / bestSeconds(() => mulTransBInto(out, a, b, size, size, size), n) / 1e9;
  const ikj = flops / bestSeconds(() => mulInto(out, a, b, size, size, size), n) / 1e9;
  return { size, rowDotGflops: rowDot, ikjGflops: ikj, gflops: Math.max(rowDot, ikj) };
}

/**
 * The float64 matrix-multiply peak of this machine in JavaScript: the engines' own register-
 * blocked kernels on random size × size matrices, best of many timings, at the size where they
 * run fastest (64: in L1/L2 like a training step's matrices; 256: the classic benchmark size).
 */
export function measureMatmulPeak(
  sizes: readonly number[] = [64, 128, 256],
  reps = 15,
): MatmulPeak {
  let best: MatmulPeak | null = null;
  for (const size of sizes) {
    const p = peakAt(size, reps);
    if (!best || p.gflops > best.gflops) best = p;
  }
  return best!;
}
