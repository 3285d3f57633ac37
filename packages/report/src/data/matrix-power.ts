import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

// The run pages recompute corr(1/L) from the stored gram and AGOP with this separate, plain
// implementation of core's definition (DESIGN.md §3 "Metrics"), so a reader sees a float64 check
// of the number the training loop recorded (DESIGN.md §4). matrix-power.test.ts checks that it
// agrees with @ansatz/core's own nfaCorr, rank-deficient AGOPs included.

/**
 * Core's round-off floor (EIGEN_NOISE_FACTOR in @ansatz/core): eigenvalues at or below
 * d · 8ε · λ_max are round-off of a zero eigenvalue and count as 0. Without it, a rank-deficient
 * AGOP (c < d outputs) gets spurious directions of weight (1e-16)^α, large for small α.
 */
export const ROUND_OFF_FACTOR = 8 * Number.EPSILON;

/**
 * M^α for a symmetric PSD matrix by eigendecomposition in float64, by core's definition: the
 * input symmetrised, negative and round-off eigenvalues (see ROUND_OFF_FACTOR) set to 0.
 */
export function psdPower(m: readonly (readonly number[])[], alpha: number): number[][] {
  const a = new Matrix(m.map((r) => [...r]));
  const sym = a.add(a.transpose()).mul(0.5);
  const eig = new EigenvalueDecomposition(sym, { assumeSymmetric: true });
  const v = eig.eigenvectorMatrix;
  const values = eig.realEigenvalues;
  const floor = values.length * ROUND_OFF_FACTOR * Math.max(0, ...values);
  const d = values.map((x) => (x > floor ? x ** alpha : 0));
  return v.clone().mulRowVector(d).mmul(v.transpose()).to2DArray();
}

function frob(a: readonly (readonly number[])[]): number {
  let s = 0;
  for (const r of a) for (const x of r) s += x * x;
  return Math.sqrt(s);
}

/** ⟨A, B⟩_F / (‖A‖_F ‖B‖_F); null when either is zero or shapes differ. */
export function cosineSimilarity(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number | null {
  if (a.length !== b.length) return null;
  let dot = 0;
  for (let i = 0; i < a.length; i++) {
    const ra = a[i] as readonly number[];
    const rb = b[i] as readonly number[];
    if (ra.length !== rb.length) return null;
    for (let j = 0; j < ra.length; j++) dot += (ra[j] as number) * (rb[j] as number);
  }
  const n = frob(a) * frob(b);
  return n > 0 && Number.isFinite(dot / n) ? dot / n : null;
}

/** The matrix divided by its Frobenius norm (so proportional matrices look identical). */
export function normalizeFrobenius(a: readonly (readonly number[])[]): number[][] {
  const n = frob(a);
  return a.map((r) => r.map((x) => (n > 0 ? x / n : 0)));
}
