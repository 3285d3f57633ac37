import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import {
  dot,
  gramOfColumnsInto,
  gramOfRowsInto,
  mulInto,
  mulTransAInto,
  mulTransBInto,
} from './gemm.js';

/** A[i][j] of a row-major (rows × cols) array, optionally read transposed. */
const at = (a: Float64Array, cols: number, i: number, j: number) => a[i * cols + j]!;

/** The plain triple loop, as the independent recomputation. */
function naive(
  a: (i: number, t: number) => number,
  b: (t: number, j: number) => number,
  m: number,
  p: number,
  n: number,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < p; t++) s += a(i, t) * b(t, j);
      out[i * n + j] = s;
    }
  return out;
}

function expectClose(got: Float64Array, want: Float64Array): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, k) => expect(Math.abs(got[k]! - w)).toBeLessThan(1e-12 * (1 + Math.abs(w))));
}

// Every remainder of the 2-row and 4-column blocking, and the degenerate sizes.
const shapes: [number, number, number][] = [];
for (const m of [1, 2, 3, 5, 8])
  for (const p of [1, 3, 8]) for (const n of [1, 2, 4, 7, 9]) shapes.push([m, p, n]);

describe('gemm kernels', () => {
  const rng = Rng.stream(11, 'gemm-test');
  it.each(shapes)('m=%i p=%i n=%i: A·B, Aᵀ·B and A·Bᵀ equal the triple loop', (m, p, n) => {
    const a = rng.normals(m * p);
    const b = rng.normals(p * n);
    // Stale contents must be overwritten, not accumulated into.
    const out = new Float64Array(m * n).fill(7);
    mulInto(out, a, b, m, p, n);
    expectClose(
      out,
      naive(
        (i, t) => at(a, p, i, t),
        (t, j) => at(b, n, t, j),
        m,
        p,
        n,
      ),
    );

    const aT = rng.normals(p * m); // stored p × m
    out.fill(7);
    mulTransAInto(out, aT, b, m, p, n);
    expectClose(
      out,
      naive(
        (i, t) => at(aT, m, t, i),
        (t, j) => at(b, n, t, j),
        m,
        p,
        n,
      ),
    );

    const bT = rng.normals(n * p); // stored n × p
    out.fill(7);
    mulTransBInto(out, a, bT, m, p, n);
    expectClose(
      out,
      naive(
        (i, t) => at(a, p, i, t),
        (t, j) => at(bT, p, j, t),
        m,
        p,
        n,
      ),
    );
  });

  // Sizes around the 2 × 4 blocks, so blocks straddle the diagonal in every position.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 13])('m=%i: Gram kernels equal the full products', (m) => {
    for (const p of [1, 3, 8]) {
      const a = rng.normals(p * m); // p × m for AᵀA, read as m × p for AAᵀ
      const out = new Float64Array(m * m).fill(7);
      const full = new Float64Array(m * m);
      gramOfColumnsInto(out, a, p, m);
      mulTransAInto(full, a, a, m, p, m);
      expectClose(out, full);
      expectClose(
        out,
        naive(
          (i, t) => at(a, m, t, i),
          (t, j) => at(a, m, t, j),
          m,
          p,
          m,
        ),
      );
      out.fill(7);
      gramOfRowsInto(out, a, m, p);
      mulTransBInto(full, a, a, m, p, m);
      expectClose(out, full);
      // Mirrored, not recomputed: exactly symmetric.
      for (let i = 0; i < m; i++)
        for (let j = 0; j < i; j++) expect(out[i * m + j]).toBe(out[j * m + i]);
    }
  });

  it('dot is the sum of products over the first len entries', () => {
    const a = Float64Array.from([1, 2, 3, 100]);
    const b = Float64Array.from([4, -5, 6, 100]);
    expect(dot(a, b, 3)).toBeCloseTo(12, 12);
  });
});
