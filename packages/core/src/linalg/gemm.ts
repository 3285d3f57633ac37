/**
 * Small dense float64 matrix products into preallocated row-major buffers, for the training
 * engines' inner loops: no allocation, unit-stride inner loops (the i-k-j order for A·B and
 * Aᵀ·B, row dot products for A·Bᵀ). `out` must not alias an input.
 */

/** out (m × n) = A (m × p) · B (p × n). */
export function mulInto(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  p: number,
  n: number,
): void {
  out.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const oi = i * n;
    const ai = i * p;
    for (let t = 0; t < p; t++) {
      const s = a[ai + t]!;
      if (s === 0) continue;
      const bt = t * n;
      for (let j = 0; j < n; j++) out[oi + j] = out[oi + j]! + s * b[bt + j]!;
    }
  }
}

/** out (m × n) = A (m × p) · Bᵀ, with B stored as (n × p). */
export function mulTransBInto(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  p: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    const ai = i * p;
    const oi = i * n;
    for (let j = 0; j < n; j++) {
      const bj = j * p;
      let s = 0;
      for (let t = 0; t < p; t++) s += a[ai + t]! * b[bj + t]!;
      out[oi + j] = s;
    }
  }
}

/** out (m × n) = Aᵀ · B, with A stored as (p × m) and B as (p × n). */
export function mulTransAInto(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  p: number,
  n: number,
): void {
  out.fill(0, 0, m * n);
  for (let t = 0; t < p; t++) {
    const at = t * m;
    const bt = t * n;
    for (let i = 0; i < m; i++) {
      const s = a[at + i]!;
      if (s === 0) continue;
      const oi = i * n;
      for (let j = 0; j < n; j++) out[oi + j] = out[oi + j]! + s * b[bt + j]!;
    }
  }
}

/** Frobenius inner product Σ aᵢbᵢ over the first `len` entries. */
export function dot(a: Float64Array, b: Float64Array, len: number): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += a[i]! * b[i]!;
  return s;
}
