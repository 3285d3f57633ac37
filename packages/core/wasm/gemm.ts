// AssemblyScript (compiled by `asc` during `pnpm build`, see build-wasm.mjs): float64 matrix
// products with WebAssembly SIMD (f64x2), the counterparts of src/linalg/gemm.ts.
//
// Every output entry is one accumulator summed over t = 0, 1, …, p − 1 in order, with a
// separate multiply and add (WebAssembly has no fused multiply-add outside relaxed SIMD), as
// the JavaScript kernels do: the two give bit-identical results. The vectors run across output
// columns (two adjacent entries of a row per f64x2), never across the summation index.
//
// Pointers are byte offsets into the imported memory; sizes are element counts. Each kernel
// runs `count` products, the k-th at out + k·so, a + k·sa, b + k·sb (a cohort of same-shaped
// cells laid out at a fixed stride); count = 1 is a single product.

/** Bytes per float64. */
const F: usize = 8;

/**
 * out (m × n) = A · B, B row-major (p × n), A's entry (i, t) at a[i·rs + t·cs]. Blocks of four
 * output rows × four output columns (eight f64x2 accumulators), then single rows, then pairs
 * of columns and single columns. With `upper`, a row's columns start at i & ~3: every entry on
 * or above the diagonal is computed (entries further below are left as they are).
 */
function mm1(
  out: usize,
  a: usize,
  rs: usize,
  cs: usize,
  b: usize,
  m: usize,
  p: usize,
  n: usize,
  upper: bool,
): void {
  const bRow = n * F;
  const aT = cs * F;
  let i: usize = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = a + i * rs * F;
    const a1 = a0 + rs * F;
    const a2 = a1 + rs * F;
    const a3 = a2 + rs * F;
    const o0 = out + i * n * F;
    const o1 = o0 + bRow;
    const o2 = o1 + bRow;
    const o3 = o2 + bRow;
    let j: usize = upper ? i & ~3 : 0;
    for (; j + 3 < n; j += 4) {
      let s00 = f64x2.splat(0);
      let s01 = f64x2.splat(0);
      let s10 = f64x2.splat(0);
      let s11 = f64x2.splat(0);
      let s20 = f64x2.splat(0);
      let s21 = f64x2.splat(0);
      let s30 = f64x2.splat(0);
      let s31 = f64x2.splat(0);
      let bp = b + j * F;
      let at: usize = 0;
      for (let t: usize = 0; t < p; t++) {
        const y0 = v128.load(bp);
        const y1 = v128.load(bp, 16);
        const x0 = v128.load64_splat(a0 + at);
        const x1 = v128.load64_splat(a1 + at);
        const x2 = v128.load64_splat(a2 + at);
        const x3 = v128.load64_splat(a3 + at);
        s00 = f64x2.add(s00, f64x2.mul(x0, y0));
        s01 = f64x2.add(s01, f64x2.mul(x0, y1));
        s10 = f64x2.add(s10, f64x2.mul(x1, y0));
        s11 = f64x2.add(s11, f64x2.mul(x1, y1));
        s20 = f64x2.add(s20, f64x2.mul(x2, y0));
        s21 = f64x2.add(s21, f64x2.mul(x2, y1));
        s30 = f64x2.add(s30, f64x2.mul(x3, y0));
        s31 = f64x2.add(s31, f64x2.mul(x3, y1));
        bp += bRow;
        at += aT;
      }
      const jo = j * F;
      v128.store(o0 + jo, s00);
      v128.store(o0 + jo, s01, 16);
      v128.store(o1 + jo, s10);
      v128.store(o1 + jo, s11, 16);
      v128.store(o2 + jo, s20);
      v128.store(o2 + jo, s21, 16);
      v128.store(o3 + jo, s30);
      v128.store(o3 + jo, s31, 16);
    }
    for (; j + 1 < n; j += 2) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let s2 = f64x2.splat(0);
      let s3 = f64x2.splat(0);
      let bp = b + j * F;
      let at: usize = 0;
      for (let t: usize = 0; t < p; t++) {
        const y = v128.load(bp);
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(a0 + at), y));
        s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(a1 + at), y));
        s2 = f64x2.add(s2, f64x2.mul(v128.load64_splat(a2 + at), y));
        s3 = f64x2.add(s3, f64x2.mul(v128.load64_splat(a3 + at), y));
        bp += bRow;
        at += aT;
      }
      const jo = j * F;
      v128.store(o0 + jo, s0);
      v128.store(o1 + jo, s1);
      v128.store(o2 + jo, s2);
      v128.store(o3 + jo, s3);
    }
    if (j < n) {
      store<f64>(o0 + j * F, dotStrided(a0, aT, b + j * F, bRow, p));
      store<f64>(o1 + j * F, dotStrided(a1, aT, b + j * F, bRow, p));
      store<f64>(o2 + j * F, dotStrided(a2, aT, b + j * F, bRow, p));
      store<f64>(o3 + j * F, dotStrided(a3, aT, b + j * F, bRow, p));
    }
  }
  for (; i < m; i++) {
    const a0 = a + i * rs * F;
    const o0 = out + i * n * F;
    let j: usize = upper ? i & ~3 : 0;
    for (; j + 3 < n; j += 4) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let bp = b + j * F;
      let at: usize = 0;
      for (let t: usize = 0; t < p; t++) {
        const x = v128.load64_splat(a0 + at);
        s0 = f64x2.add(s0, f64x2.mul(x, v128.load(bp)));
        s1 = f64x2.add(s1, f64x2.mul(x, v128.load(bp, 16)));
        bp += bRow;
        at += aT;
      }
      v128.store(o0 + j * F, s0);
      v128.store(o0 + j * F, s1, 16);
    }
    for (; j < n; j++) store<f64>(o0 + j * F, dotStrided(a0, aT, b + j * F, bRow, p));
  }
}

/** Σ_t x[t·xs] · y[t·ys] (strides in bytes), in order. */
function dotStrided(x: usize, xs: usize, y: usize, ys: usize, p: usize): f64 {
  let s: f64 = 0;
  for (let t: usize = 0; t < p; t++) s += load<f64>(x + t * xs) * load<f64>(y + t * ys);
  return s;
}

/**
 * out (m × n) = A · Bᵀ with A (m × p) and B (n × p) row-major: dot products of rows. To keep
 * each entry's own order over t, the f64x2 pairs are two rows of B read lane by lane (B[j][t],
 * B[j+1][t]) against a splat of A[i][t]: blocks of four rows of A × four rows of B.
 */
function mmNT1(out: usize, a: usize, b: usize, m: usize, p: usize, n: usize, upper: bool): void {
  const row = p * F;
  let i: usize = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = a + i * row;
    const o0 = out + i * n * F;
    let j: usize = upper ? i & ~3 : 0;
    for (; j + 3 < n; j += 4) {
      const b0 = b + j * row;
      let s00 = f64x2.splat(0);
      let s01 = f64x2.splat(0);
      let s10 = f64x2.splat(0);
      let s11 = f64x2.splat(0);
      let s20 = f64x2.splat(0);
      let s21 = f64x2.splat(0);
      let s30 = f64x2.splat(0);
      let s31 = f64x2.splat(0);
      for (let t: usize = 0; t < p; t++) {
        const tb = t * F;
        const y0 = v128.load_lane<i64>(b0 + row + tb, v128.load64_zero(b0 + tb), 1);
        const y1 = v128.load_lane<i64>(b0 + 3 * row + tb, v128.load64_zero(b0 + 2 * row + tb), 1);
        const x0 = v128.load64_splat(a0 + tb);
        const x1 = v128.load64_splat(a0 + row + tb);
        const x2 = v128.load64_splat(a0 + 2 * row + tb);
        const x3 = v128.load64_splat(a0 + 3 * row + tb);
        s00 = f64x2.add(s00, f64x2.mul(x0, y0));
        s01 = f64x2.add(s01, f64x2.mul(x0, y1));
        s10 = f64x2.add(s10, f64x2.mul(x1, y0));
        s11 = f64x2.add(s11, f64x2.mul(x1, y1));
        s20 = f64x2.add(s20, f64x2.mul(x2, y0));
        s21 = f64x2.add(s21, f64x2.mul(x2, y1));
        s30 = f64x2.add(s30, f64x2.mul(x3, y0));
        s31 = f64x2.add(s31, f64x2.mul(x3, y1));
      }
      const o = o0 + j * F;
      const on = n * F;
      v128.store(o, s00);
      v128.store(o, s01, 16);
      v128.store(o + on, s10);
      v128.store(o + on, s11, 16);
      v128.store(o + 2 * on, s20);
      v128.store(o + 2 * on, s21, 16);
      v128.store(o + 3 * on, s30);
      v128.store(o + 3 * on, s31, 16);
    }
    for (; j < n; j++) {
      const bj = b + j * row;
      for (let r: usize = 0; r < 4; r++) {
        store<f64>(o0 + (r * n + j) * F, dotStrided(a0 + r * row, F, bj, F, p));
      }
    }
  }
  for (; i < m; i++) {
    const a0 = a + i * row;
    const o0 = out + i * n * F;
    let j: usize = upper ? i & ~3 : 0;
    for (; j + 1 < n; j += 2) {
      const b0 = b + j * row;
      let s = f64x2.splat(0);
      for (let t: usize = 0; t < p; t++) {
        const tb = t * F;
        const y = v128.load_lane<i64>(b0 + row + tb, v128.load64_zero(b0 + tb), 1);
        s = f64x2.add(s, f64x2.mul(v128.load64_splat(a0 + tb), y));
      }
      v128.store(o0 + j * F, s);
    }
    if (j < n) store<f64>(o0 + j * F, dotStrided(a0, F, b + j * row, F, p));
  }
}

/** Copies the strict upper triangle of a row-major m × m matrix onto the lower one. */
function mirror1(out: usize, m: usize): void {
  for (let i: usize = 1; i < m; i++) {
    for (let j: usize = 0; j < i; j++)
      store<f64>(out + (i * m + j) * F, load<f64>(out + (j * m + i) * F));
  }
}

/**
 * `count` products out_k = A_k · B_k (see mm1; `rs`, `cs` are A's element strides). With
 * `gram` (A = B read as its transpose, m = n), only the upper triangle is computed and then
 * mirrored: AᵀA exactly symmetric.
 */
export function mm(
  out: usize,
  a: usize,
  rs: usize,
  cs: usize,
  b: usize,
  m: usize,
  p: usize,
  n: usize,
  gram: bool,
  count: usize,
  so: usize,
  sa: usize,
  sb: usize,
): void {
  for (let k: usize = 0; k < count; k++) {
    const o = out + k * so;
    mm1(o, a + k * sa, rs, cs, b + k * sb, m, p, n, gram);
    if (gram) mirror1(o, m);
  }
}

/** `count` products out_k = A_k · B_kᵀ (see mmNT1); with `gram` (A = B), AAᵀ mirrored. */
export function mmNT(
  out: usize,
  a: usize,
  b: usize,
  m: usize,
  p: usize,
  n: usize,
  gram: bool,
  count: usize,
  so: usize,
  sa: usize,
  sb: usize,
): void {
  for (let k: usize = 0; k < count; k++) {
    const o = out + k * so;
    mmNT1(o, a + k * sa, b + k * sb, m, p, n, gram);
    if (gram) mirror1(o, m);
  }
}
