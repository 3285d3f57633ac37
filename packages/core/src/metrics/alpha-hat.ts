import type { Matrix } from 'ml-matrix';
import { nfaCorrCurve } from './nfa-corr.js';
import { MIN_LOG_SPREAD, type AlphaCurve } from './nfa-curve.js';
import type { SymmetricEigen } from './psd-power.js';
import { clampedEigenvalues, symmetricEigen } from './psd-power.js';

/** The range searched for the best exponent (DESIGN.md §3). */
export const ALPHA_MIN = 0.02;
export const ALPHA_MAX = 2;
/** Points of the coarse grid over [ALPHA_MIN, ALPHA_MAX] before refinement. */
export const ALPHA_GRID_POINTS = 200;
/** Width of the final bracket of the golden-section refinement (well below the 1e-4 required). */
export const ALPHA_TOLERANCE = 1e-6;
export { MIN_LOG_SPREAD } from './nfa-curve.js';
/** Eigenvalues of the AGOP used by `alphaHatSpectral`: those above this fraction of λ_max. */
export const SPECTRAL_RELATIVE_THRESHOLD = 1e-8;

export interface AlphaHat {
  /**
   * argmax over [0.02, 2] of the curve (nfaCorr(α) for alphaHat); null when α is not
   * identifiable or the curve is undefined.
   */
  alpha: number | null;
  /** The maximal value, curve(alpha) (defined even when alpha is not identifiable). */
  corr: number | null;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/** Golden-section search for the maximum of a unimodal f on [lo, hi]. */
function goldenMax(f: (x: number) => number, lo: number, hi: number): { x: number; fx: number } {
  let a = lo;
  let b = hi;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > ALPHA_TOLERANCE) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  return { x, fx: f(x) };
}

/**
 * alphaHat from a precomputed curve (nfaCorr, or any `AlphaCurve` such as the centred cosine):
 * the best of a 200-point grid over [0.02, 2], refined by golden-section search within the
 * neighbouring grid cells. `alpha` is null when the curve says α is not identifiable.
 */
export function alphaHatFromCurve(curve: AlphaCurve): AlphaHat {
  const f = (a: number): number => curve(a) ?? Number.NEGATIVE_INFINITY;
  const step = (ALPHA_MAX - ALPHA_MIN) / (ALPHA_GRID_POINTS - 1);
  // A curve that can tabulate the grid cheaply (with an error bound) rules out the points
  // that cannot be the first maximum; the rest are evaluated exactly, so the result is the
  // same as from evaluating every point.
  const grid = curve.grid?.(ALPHA_MIN, step, ALPHA_GRID_POINTS) ?? null;
  let cutoff = Number.NEGATIVE_INFINITY;
  if (grid) {
    for (const v of grid.values) cutoff = Math.max(cutoff, v);
    cutoff -= 2 * grid.error;
  }
  let bestIndex = -1;
  let bestCorr = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ALPHA_GRID_POINTS; i++) {
    if (grid && grid.values[i]! < cutoff) continue;
    const c = f(ALPHA_MIN + i * step);
    if (c > bestCorr) {
      bestCorr = c;
      bestIndex = i;
    }
  }
  if (bestIndex < 0) return { alpha: null, corr: null };
  if (!curve.identifiable) return { alpha: null, corr: bestCorr };
  const lo = ALPHA_MIN + Math.max(0, bestIndex - 1) * step;
  const hi = Math.min(ALPHA_MAX, ALPHA_MIN + Math.min(ALPHA_GRID_POINTS - 1, bestIndex + 1) * step);
  const refined = goldenMax(f, lo, hi);
  if (refined.fx >= bestCorr) return { alpha: refined.x, corr: refined.fx };
  return { alpha: ALPHA_MIN + bestIndex * step, corr: bestCorr };
}

/** alphaHat = argmax over α ∈ [0.02, 2] of nfaCorr(gram, agop, α), refined to 1e-4. */
export function alphaHat(gram: Matrix, agop: Matrix): AlphaHat {
  return alphaHatFromCurve(nfaCorrCurve(gram, agop));
}

/**
 * alphaHatSpectral from precomputed eigendecompositions: the least-squares slope of
 * log λ_i(gram) against log λ_i(agop), pairing the two spectra sorted descending, over the top
 * r eigenvalues of the AGOP above 1e-8·λ_max whose paired gram eigenvalue is positive. Null
 * when fewer than two pairs remain or the AGOP log-eigenvalues (nearly) coincide.
 */
export function alphaHatSpectralFromEigen(
  gramEigen: Pick<SymmetricEigen, 'values'>,
  agopEigen: Pick<SymmetricEigen, 'values'>,
): number | null {
  const a = agopEigen.values;
  const g = clampedEigenvalues(gramEigen.values);
  const lambdaMax = a[0] ?? 0;
  if (!(lambdaMax > 0) || !Number.isFinite(lambdaMax)) return null;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length && i < g.length; i++) {
    const la = a[i]!;
    if (!(la > SPECTRAL_RELATIVE_THRESHOLD * lambdaMax)) break;
    const lg = g[i]!;
    if (!(lg > 0)) continue;
    xs.push(Math.log(la));
    ys.push(Math.log(lg));
  }
  const r = xs.length;
  if (r < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / r;
  const my = ys.reduce((s, y) => s + y, 0) / r;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < r; i++) {
    const dx = xs[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (ys[i]! - my);
  }
  if (sxx / r < MIN_LOG_SPREAD * MIN_LOG_SPREAD) return null;
  const slope = sxy / sxx;
  return Number.isFinite(slope) ? slope : null;
}

/** alphaHatSpectral of DESIGN.md §3 (see `alphaHatSpectralFromEigen`). */
export function alphaHatSpectral(gram: Matrix, agop: Matrix): number | null {
  return alphaHatSpectralFromEigen(symmetricEigen(gram), symmetricEigen(agop));
}
