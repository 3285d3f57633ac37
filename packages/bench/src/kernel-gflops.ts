import { allocate, jsKernels, type Kernels } from '@ansatz/core';

export const KERNEL_SIZES = [16, 32, 64, 128] as const;

export interface KernelGflops {
  size: number;
  /** GFLOP/s of out = A·B, Aᵀ·B and A·Bᵀ on the WebAssembly SIMD kernels. */
  wasm: { mul: number; mulTransA: number; mulTransB: number };
  /** The same products on the JavaScript kernels. */
  js: { mul: number; mulTransA: number; mulTransB: number };
}

function best(f: () => void, reps: number): number {
  f();
  let t = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, (performance.now() - t0) / 1000);
  }
  return t;
}

function gflopsOf(
  kernels: Kernels,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  s: number,
) {
  const inner = Math.max(1, Math.round(4e6 / s ** 3));
  const flops = 2 * s ** 3 * inner;
  const rate = (k: 'mul' | 'mulTransA' | 'mulTransB') =>
    flops /
    best(() => {
      for (let i = 0; i < inner; i++) kernels[k](out, a, b, s, s, s);
    }, 40) /
    1e9;
  return { mul: rate('mul'), mulTransA: rate('mulTransA'), mulTransB: rate('mulTransB') };
}

/** Our float64 matrix kernels' GFLOP/s on random s × s matrices, best of many timings. */
export function measureKernels(sizes: readonly number[] = KERNEL_SIZES): KernelGflops[] {
  return sizes.map((s) => {
    const { buffers, kernels } = allocate({ a: s * s, b: s * s, out: s * s }, 'wasm');
    for (let i = 0; i < s * s; i++) {
      buffers.a[i] = Math.sin(i * 12.9898) * 0.5;
      buffers.b[i] = Math.cos(i * 78.233) * 0.5;
    }
    const wasm = gflopsOf(kernels, buffers.a, buffers.b, buffers.out, s);
    const js = gflopsOf(
      jsKernels,
      buffers.a.slice(),
      buffers.b.slice(),
      new Float64Array(s * s),
      s,
    );
    return { size: s, wasm, js };
  });
}
