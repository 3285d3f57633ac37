import type { GemmExports } from '../wasm/gemm-module.js';
import { mulInto, mulTransAInto, mulTransBInto } from './gemm.js';

/**
 * Which float64 matrix kernels an engine runs: `wasm` (WebAssembly SIMD, wasm/gemm.ts), `js`
 * (src/linalg/gemm.ts), or `auto` (wasm where this WebAssembly has SIMD, else js). Both sum
 * every entry in the same order, so they give bit-identical numbers; `js` exists as the
 * fallback and as the reference for tests.
 */
export type KernelMode = 'auto' | 'wasm' | 'js';
export const KERNEL_MODES = ['auto', 'wasm', 'js'] as const;

/**
 * Batched products on stacks of `count` same-shaped matrices stored one after another (the
 * cells of a cohort): the k-th product reads A at k·(its size), B at k·(its size) and writes
 * out at k·(m·n). `count` defaults to 1. `out` must not alias an input.
 */
export interface Kernels {
  readonly name: 'wasm' | 'js';
  /** out (m × n) = A (m × p) · B (p × n). */
  mul(
    out: Float64Array,
    a: Float64Array,
    b: Float64Array,
    m: number,
    p: number,
    n: number,
    count?: number,
  ): void;
  /** out (m × n) = Aᵀ · B with A stored (p × m), B (p × n). */
  mulTransA(
    out: Float64Array,
    a: Float64Array,
    b: Float64Array,
    m: number,
    p: number,
    n: number,
    count?: number,
  ): void;
  /** out (m × n) = A · Bᵀ with A (m × p), B stored (n × p). */
  mulTransB(
    out: Float64Array,
    a: Float64Array,
    b: Float64Array,
    m: number,
    p: number,
    n: number,
    count?: number,
  ): void;
  /** Whether every entry of x is finite. */
  allFinite(x: Float64Array): boolean;
  /** Gradient descent with coupled decay, in place: p ← p − η(g + λp). */
  gdStep(p: Float64Array, g: Float64Array, lr: number, wd: number): void;
}

type Single = (
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  p: number,
  n: number,
) => void;

/** A JS kernel over a stack: one call per matrix, on subarray views. */
function stacked(
  f: Single,
  aSize: (m: number, p: number, n: number) => number,
  bSize: (m: number, p: number, n: number) => number,
): Kernels['mul'] {
  return (out, a, b, m, p, n, count = 1) => {
    if (count === 1) {
      f(out, a, b, m, p, n);
      return;
    }
    const so = m * n;
    const sa = aSize(m, p, n);
    const sb = bSize(m, p, n);
    for (let k = 0; k < count; k++) {
      f(
        out.subarray(k * so, (k + 1) * so),
        a.subarray(k * sa, (k + 1) * sa),
        b.subarray(k * sb, (k + 1) * sb),
        m,
        p,
        n,
      );
    }
  };
}

const mp = (m: number, p: number) => m * p;
const pn = (_m: number, p: number, n: number) => p * n;

/** The JavaScript kernels (src/linalg/gemm.ts). */
export const jsKernels: Kernels = {
  name: 'js',
  mul: stacked(mulInto, mp, pn),
  mulTransA: stacked(mulTransAInto, mp, pn),
  mulTransB: stacked(mulTransBInto, mp, pn),
  allFinite(x) {
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return false;
    return true;
  },
  gdStep(p, g, lr, wd) {
    for (let i = 0; i < p.length; i++) p[i] = p[i]! - lr * (g[i]! + wd * p[i]!);
  },
};

/**
 * The WebAssembly kernels of one instance. Every operand must be a view into `memory` (an
 * `Arena`'s arrays); an operand that is not (a caller's own array) is a programming error and
 * throws, rather than running silently on the slower path.
 */
export function wasmKernels(exports: GemmExports, memory: WebAssembly.Memory): Kernels {
  const at = (x: Float64Array): number => {
    if (x.buffer !== memory.buffer) {
      throw new Error(
        "wasm kernels: an operand is not in the kernels' memory (allocate it from the Arena)",
      );
    }
    return x.byteOffset;
  };
  return {
    name: 'wasm',
    mul(out, a, b, m, p, n, count = 1) {
      exports.mm(at(out), at(a), p, 1, at(b), m, p, n, 0, count, 8 * m * n, 8 * m * p, 8 * p * n);
    },
    mulTransA(out, a, b, m, p, n, count = 1) {
      exports.mm(at(out), at(a), 1, m, at(b), m, p, n, 0, count, 8 * m * n, 8 * m * p, 8 * p * n);
    },
    mulTransB(out, a, b, m, p, n, count = 1) {
      exports.mmNT(at(out), at(a), at(b), m, p, n, 0, count, 8 * m * n, 8 * m * p, 8 * n * p);
    },
    allFinite(x) {
      return exports.allFinite(at(x), x.length) === 1;
    },
    gdStep(p, g, lr, wd) {
      if (g.length !== p.length) throw new RangeError('gdStep: p and g differ in length');
      exports.gdStep(at(p), at(g), p.length, lr, wd);
    },
  };
}
