/**
 * Reductions over the first `len` entries of a flat float64 array (a row-major matrix), as
 * the metrics need them at every log step: indexed loops, no allocation.
 */

/**
 * Frobenius norm, scaled by the largest entry first so that the squares can neither overflow
 * nor underflow (the same algorithm and summation order as `frobeniusNorm` of a Matrix).
 */
export function flatNorm(a: Float64Array, len = a.length): number {
  let scale = 0;
  for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < len; i++) {
    const v = a[i]! / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/** Whether every entry is finite. */
export function allFiniteFlat(a: Float64Array, len = a.length): boolean {
  for (let i = 0; i < len; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}
