/**
 * Eigenvalues (without eigenvectors) of a symmetric matrix, in float64, sorted descending:
 * Householder reduction to tridiagonal form, then implicit QL with Wilkinson shifts. About
 * a tenth of the cost of a full eigendecomposition with vectors (ml-matrix's
 * EigenvalueDecomposition), which the metrics need only where eigenvectors are used.
 *
 * `a` is row-major n × n and only its lower triangle is read; it is not modified. Entries are
 * scaled into [−1, 1] first so that squares cannot overflow; eigenvalues are scaled back.
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (!Number.isFinite(scale)) throw new RangeError('symmetricEigenvalues: non-finite entries');
  const d = new Float64Array(n);
  if (scale === 0) return d;
  // Working copy, symmetric from the lower triangle, scaled.
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = a[i * n + j]! / scale;
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  const e = new Float64Array(n);
  tridiagonalize(m, n, d, e);
  tridiagonalQl(d, e, n);
  for (let i = 0; i < n; i++) d[i] = d[i]! * scale;
  return d.sort().reverse();
}

/**
 * Householder: for each column k, H = I − 2vvᵀ maps A[k+1.., k] onto a multiple of the first
 * unit vector; the trailing block becomes HAH = A − 2vqᵀ − 2qvᵀ with p = Av, q = p − (vᵀp)v.
 * Leaves the diagonal in d and the subdiagonal in e (e[i] couples i and i + 1; e[n−1] = 0).
 */
function tridiagonalize(m: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    let norm = 0;
    for (let i = k + 1; i < n; i++) norm += m[i * n + k]! * m[i * n + k]!;
    norm = Math.sqrt(norm);
    const x0 = m[(k + 1) * n + k]!;
    if (norm === 0) {
      e[k] = 0;
      continue;
    }
    const alpha = x0 > 0 ? -norm : norm;
    let vNorm = 0;
    for (let i = k + 1; i < n; i++) {
      v[i] = m[i * n + k]! - (i === k + 1 ? alpha : 0);
      vNorm += v[i]! * v[i]!;
    }
    vNorm = Math.sqrt(vNorm);
    e[k] = alpha;
    if (vNorm === 0) continue;
    for (let i = k + 1; i < n; i++) v[i] = v[i]! / vNorm;
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += m[i * n + j]! * v[j]!;
      p[i] = s;
      vp += v[i]! * s;
    }
    for (let i = k + 1; i < n; i++) p[i] = p[i]! - vp * v[i]!;
    for (let i = k + 1; i < n; i++) {
      const vi = v[i]!;
      const qi = p[i]!;
      for (let j = k + 1; j < n; j++) m[i * n + j] = m[i * n + j]! - 2 * (vi * p[j]! + qi * v[j]!);
    }
  }
  for (let i = 0; i < n; i++) d[i] = m[i * n + i]!;
  if (n >= 2) e[n - 2] = m[(n - 1) * n + n - 2]!;
  e[n - 1] = 0;
}

/** √(a² + b²): Math.hypot only when the squares could overflow (it is several times slower). */
function pythag(a: number, b: number): number {
  const big = Math.max(Math.abs(a), Math.abs(b));
  return big < 1e150 ? Math.sqrt(a * a + b * b) : Math.hypot(a, b);
}

/** Implicit QL with shifts on the tridiagonal (d, e): eigenvalues left in d (unsorted). */
function tridiagonalQl(d: Float64Array, e: Float64Array, n: number): void {
  for (let l = 0; l < n; l++) {
    for (let iter = 0; ; iter++) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (iter === 100) throw new Error('symmetricEigenvalues: QL iteration did not converge');
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = pythag(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let deflated = false;
      for (; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = pythag(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] = d[i + 1]! - p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
      }
      if (deflated) continue;
      d[l] = d[l]! - p;
      e[l] = g;
      e[m] = 0;
    }
  }
}
