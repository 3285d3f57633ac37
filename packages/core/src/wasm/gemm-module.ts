import { GEMM_WASM_BASE64 } from './gemm-bytes.generated.js';

/**
 * The WebAssembly SIMD float64 kernels (wasm/gemm.ts, wasm/update.ts, compiled by `pnpm build`): the compiled
 * module, once per thread, or null where this WebAssembly has no SIMD (then the JavaScript
 * kernels run, with the same numbers). Node ≥ 16.4 runs WebAssembly SIMD without flags.
 */

/** The kernels' exports; pointers are byte offsets into the instance's memory. */
export interface GemmExports {
  /** `count` products out = A·B with A's entry (i, t) at a[i·rs + t·cs] (see wasm/gemm.ts). */
  mm(
    out: number,
    a: number,
    rs: number,
    cs: number,
    b: number,
    m: number,
    p: number,
    n: number,
    gram: number,
    count: number,
    so: number,
    sa: number,
    sb: number,
  ): void;
  /** `count` products out = A·Bᵀ, A (m × p) and B (n × p) row-major. */
  mmNT(
    out: number,
    a: number,
    b: number,
    m: number,
    p: number,
    n: number,
    gram: number,
    count: number,
    so: number,
    sa: number,
    sb: number,
  ): void;
  /** 1 when every one of the `len` float64s at x is finite (wasm/update.ts). */
  allFinite(x: number, len: number): number;
  /** p ← p − η(g + λp) over `len` entries. */
  gdStep(p: number, g: number, len: number, lr: number, wd: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

function decode(base64: string): Uint8Array {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The compiled kernel module, or null when this WebAssembly cannot run it (no SIMD). */
export function gemmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = decode(GEMM_WASM_BASE64);
    compiled =
      typeof WebAssembly === 'object' && WebAssembly.validate(bytes)
        ? new WebAssembly.Module(bytes)
        : null;
  }
  return compiled;
}

/** An instance of the kernels on `memory` (cheap: the module is compiled once per thread). */
export function gemmInstance(module: WebAssembly.Module, memory: WebAssembly.Memory): GemmExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as GemmExports;
}
