import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { allocate, resolveKernelMode, wasmSimdAvailable } from './arena.js';
import { jsKernels, type Kernels } from './kernels.js';

/** The plain triple loop over `count` stacked products: the independent recomputation. */
function naive(
  a: Float64Array,
  b: Float64Array,
  at: (i: number, t: number) => number,
  bt: (t: number, j: number) => number,
  m: number,
  p: number,
  n: number,
  count: number,
): Float64Array {
  const out = new Float64Array(count * m * n);
  for (let k = 0; k < count; k++)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < p; t++) s += a[k * m * p + at(i, t)]! * b[k * p * n + bt(t, j)]!;
        out[k * m * n + i * n + j] = s;
      }
  return out;
}

type Variant = 'mul' | 'mulTransA' | 'mulTransB';
/** Where entry (i, t) of A and (t, j) of B lie in each variant's storage. */
const layouts: Record<
  Variant,
  (
    m: number,
    p: number,
    n: number,
  ) => [(i: number, t: number) => number, (t: number, j: number) => number]
> = {
  mul: (_m, p, n) => [(i, t) => i * p + t, (t, j) => t * n + j],
  mulTransA: (m, _p, n) => [(i, t) => t * m + i, (t, j) => t * n + j],
  mulTransB: (_m, p) => [(i, t) => i * p + t, (t, j) => j * p + t],
};

/** Runs one variant on fresh buffers of `kernels`' own memory. */
function run(
  mode: 'wasm' | 'js',
  v: Variant,
  a: Float64Array,
  b: Float64Array,
  m: number,
  p: number,
  n: number,
  count: number,
) {
  const { buffers, kernels } = allocate({ a: a.length, b: b.length, out: count * m * n }, mode);
  buffers.a.set(a);
  buffers.b.set(b);
  buffers.out.fill(7); // stale contents must be overwritten, not accumulated into
  (kernels[v] as Kernels['mul'])(buffers.out, buffers.a, buffers.b, m, p, n, count);
  return { out: Float64Array.from(buffers.out), kernels };
}

// Every remainder of the 4-row and 4/2-column blocks, and the degenerate sizes.
const shapes: [number, number, number][] = [];
for (const m of [1, 2, 3, 4, 5, 7, 8, 9])
  for (const p of [1, 3, 8]) for (const n of [1, 2, 3, 4, 5, 6, 7, 9]) shapes.push([m, p, n]);

describe.runIf(wasmSimdAvailable())('WebAssembly SIMD kernels', () => {
  const rng = Rng.stream(17, 'kernels-test');
  for (const v of ['mul', 'mulTransA', 'mulTransB'] as const) {
    it(`${v}: bit-identical to the JavaScript kernels and ≤ 1e-12 of the triple loop, stacked or not`, () => {
      for (const [m, p, n] of shapes) {
        for (const count of [1, 3]) {
          const a = rng.normals(count * m * p);
          const b = rng.normals(count * p * n);
          const wasm = run('wasm', v, a, b, m, p, n, count);
          expect(wasm.kernels.name).toBe('wasm');
          const js = run('js', v, a, b, m, p, n, count);
          expect(js.kernels.name).toBe('js');
          // Same summation order: the same bits, NaN-free random data.
          expect(Buffer.from(wasm.out.buffer).equals(Buffer.from(js.out.buffer))).toBe(true);
          const [at, bt] = layouts[v](m, p, n);
          const want = naive(a, b, at, bt, m, p, n, count);
          want.forEach((w, i) =>
            expect(Math.abs(wasm.out[i]! - w)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(w))),
          );
        }
      }
    });
  }

  it('keeps infinities and NaN where the JavaScript kernels do', () => {
    const a = Float64Array.from([1, Infinity, 0, 2, NaN, 1, -1, 3, 0]);
    const b = Float64Array.from([0, 1, 2, Infinity, -1, 1, 5, 0, 1]);
    for (const v of ['mul', 'mulTransA', 'mulTransB'] as const) {
      const wasm = run('wasm', v, a, b, 3, 3, 3, 1).out;
      const js = run('js', v, a, b, 3, 3, 3, 1).out;
      wasm.forEach((x, i) => expect(Object.is(x, js[i])).toBe(true));
    }
  });

  it('allFinite finds a non-finite entry at any position, odd lengths included', () => {
    for (const len of [1, 2, 5, 8]) {
      const { buffers, kernels } = allocate({ x: len }, 'wasm');
      buffers.x.set(rng.normals(len));
      expect(kernels.allFinite(buffers.x)).toBe(true);
      for (let i = 0; i < len; i++) {
        for (const bad of [Infinity, -Infinity, NaN]) {
          const keep = buffers.x[i]!;
          buffers.x[i] = bad;
          expect(kernels.allFinite(buffers.x)).toBe(false);
          expect(jsKernels.allFinite(buffers.x)).toBe(false);
          buffers.x[i] = keep;
        }
      }
      expect(kernels.allFinite(buffers.x.subarray(0, 0))).toBe(true);
    }
  });

  it('gdStep is the JavaScript update p ← p − η(g + λp), bit for bit', () => {
    for (const len of [1, 2, 7, 64]) {
      const { buffers, kernels } = allocate({ p: len, g: len }, 'wasm');
      const p = rng.normals(len);
      const g = rng.normals(len);
      const before = p.slice();
      buffers.p.set(p);
      buffers.g.set(g);
      kernels.gdStep(buffers.p, buffers.g, 0.037, 0.011);
      jsKernels.gdStep(p, g, 0.037, 0.011);
      expect(Buffer.from(Float64Array.from(buffers.p).buffer).equals(Buffer.from(p.buffer))).toBe(
        true,
      );
      expect(p).not.toEqual(before); // it did update
    }
  });

  it("refuses an operand outside the kernels' memory instead of computing on it", () => {
    const { buffers, kernels } = allocate({ a: 4, out: 4 }, 'wasm');
    expect(() => kernels.mul(buffers.out, buffers.a, new Float64Array(4), 2, 2, 2)).toThrow(
      /not in the kernels' memory/,
    );
  });
});

describe('kernel selection', () => {
  it('auto is wasm where WebAssembly SIMD runs, js is always the JavaScript fallback', () => {
    expect(resolveKernelMode('js')).toBe('js');
    expect(resolveKernelMode('auto')).toBe(wasmSimdAvailable() ? 'wasm' : 'js');
    expect(allocate({ x: 3 }, 'js').kernels).toBe(jsKernels);
    // Node ≥ 16.4 runs WebAssembly SIMD without flags: this project's runtimes all do.
    expect(wasmSimdAvailable()).toBe(true);
  });

  it('lays out every buffer zeroed, aligned and disjoint', () => {
    const { buffers } = allocate({ a: 3, list: [5, 1, 2], b: 4 }, 'wasm');
    const all = [buffers.a, ...buffers.list, buffers.b];
    expect(all.map((x) => x.length)).toEqual([3, 5, 1, 2, 4]);
    for (const x of all) {
      expect(x.byteOffset % 16).toBe(0);
      expect(x.every((v) => v === 0)).toBe(true);
      x.fill(1);
    }
    for (let i = 1; i < all.length; i++) {
      expect(all[i]!.byteOffset).toBeGreaterThanOrEqual(
        all[i - 1]!.byteOffset + 8 * all[i - 1]!.length,
      );
    }
  });
});
