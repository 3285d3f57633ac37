/**
 * Eigendecomposition of a symmetric matrix on a row-major float64 array: the Householder
 * tridiagonalization and QL iteration of JAMA (tred2/tql2, public domain) exactly as ml-matrix
 * 6's EigenvalueDecomposition runs them (same operations in the same order, so the same
 * numbers), without its Matrix objects, whose get/set and allocation cost several times the
 * arithmetic on the 8–32-wide matrices of a log step.
 */

/** Eigenvalues sorted descending; row k of `vectors` (n × n, row-major) is the k-th unit eigenvector. */
export interface FlatEigen {
  values: Float64Array;
  vectors: Float64Array;
}

/**
 * The decomposition of the symmetric part (A + Aᵀ)/2 of `a` (row-major n × n, not modified),
 * computed as `symmetricEigen` of metrics/psd-power.ts does: entries divided by the largest
 * absolute entry first (ml-matrix's tridiagonalization squares entries), eigenvalues scaled
 * back, pairs sorted by eigenvalue descending (stable among ties). Throws on non-finite input.
 */
export function symmetricEigenFlat(a: Float64Array, n: number): FlatEigen {
  const m = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const x = a[i * n + j]!;
      const y = a[j * n + i]!;
      // x itself when symmetric (what 0.5·(x + x) gives, except that x + x may overflow).
      const v = x === y ? x : 0.5 * (x + y);
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i]!));
  if (!Number.isFinite(scale)) throw new RangeError('symmetricEigenFlat: non-finite entries');
  if (scale === 0) {
    const vectors = new Float64Array(n * n);
    for (let i = 0; i < n; i++) vectors[i * n + i] = 1;
    return { values: new Float64Array(n), vectors };
  }
  // ml-matrix keeps V transposed (v[r·n + c] is its V.get(r, c)): the copy of the symmetric
  // matrix is the same either way, and after tql2 row k holds the k-th eigenvector.
  for (let i = 0; i < n * n; i++) m[i] = m[i]! / scale;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tred2(n, e, d, m);
  tql2(n, e, d, m);
  // Descending by value, stable among ties (as Array.prototype.sort with b − a): insertion
  // sort of the indices, in plain loops (this runs at every log step).
  const values = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = d[i]! * scale;
    let k = i;
    while (k > 0 && values[k - 1]! < x) {
      values[k] = values[k - 1]!;
      order[k] = order[k - 1]!;
      k--;
    }
    values[k] = x;
    order[k] = i;
  }
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) vectors.set(m.subarray(order[k]! * n, order[k]! * n + n), k * n);
  return { values, vectors };
}

function hypotenuse(a: number, b: number): number {
  if (Math.abs(a) > Math.abs(b)) {
    const r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

/** Householder reduction to tridiagonal form (JAMA tred2); v is ml-matrix's transposed V. */
function tred2(n: number, e: Float64Array, d: Float64Array, v: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = v[j * n + n - 1]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale = scale + Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[j * n + i - 1]!;
        v[j * n + i] = 0;
        v[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h = h - f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[i * n + j] = f;
        g = e[j]! + v[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[j * n + k]! * d[k]!;
          e[k] = e[k]! + v[j * n + k]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[j * n + k] = v[j * n + k]! - (f * e[k]! + g * d[k]!);
        d[j] = v[j * n + i - 1]!;
        v[j * n + i] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[i * n + n - 1] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[(i + 1) * n + k]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[(i + 1) * n + k]! * v[j * n + k]!;
        for (let k = 0; k <= i; k++) v[j * n + k] = v[j * n + k]! - g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[(i + 1) * n + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[j * n + n - 1]!;
    v[j * n + n - 1] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (JAMA tql2): eigenvalues ascending in d, vectors in v's rows. */
function tql2(n: number, e: Float64Array, d: Float64Array, v: Float64Array): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      do {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypotenuse(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f = f + h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypotenuse(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            h = v[(i + 1) * n + k]!;
            v[(i + 1) * n + k] = s * v[i * n + k]! + c * h;
            v[i * n + k] = c * v[i * n + k]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i]!;
    for (let j = i + 1; j < n; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      for (let j = 0; j < n; j++) {
        p = v[i * n + j]!;
        v[i * n + j] = v[k * n + j]!;
        v[k * n + j] = p;
      }
    }
  }
}
