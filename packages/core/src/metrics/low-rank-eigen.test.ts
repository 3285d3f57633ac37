import { describe, expect, it } from 'vitest';
import { columnGram } from './gram.js';
import { columnGramEigen } from './low-rank-eigen.js';
import { clampedEigenvalues, psdPowerFromEigen, symmetricEigen } from './psd-power.js';
import { alphaHatSpectralFromEigen } from './alpha-hat.js';
import { nfaCorrCurveFromEigen } from './nfa-corr.js';
import { gaussian, gaussianMatrix, maxAbsDiff } from './test-support.js';

describe('columnGramEigen: eigendecomposition of WᵀW through WWᵀ', () => {
  const g = gaussian(123);
  for (const [rows, cols] of [
    [3, 8],
    [1, 5],
    [6, 32],
    [8, 8],
    [9, 4],
  ] as const) {
    it(`${rows}×${cols}: same spectrum, powers and NFA curve as the full decomposition`, () => {
      const w = gaussianMatrix(g, rows, cols);
      const full = symmetricEigen(columnGram(w));
      const fast = columnGramEigen(w);
      const scale = full.values[0]!;
      // Eigenvalues: the top min(rows, cols) agree, the rest are (round-off) zeros.
      const a = clampedEigenvalues(full.values);
      const b = clampedEigenvalues(fast.values);
      a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThan(1e-12 * scale));
      expect(b.filter((v) => v > 0).length).toBe(Math.min(rows, cols));
      // Eigenvectors of the positive eigenvalues are unit eigenvectors of WᵀW.
      const m = columnGram(w);
      for (let k = 0; k < Math.min(rows, cols); k++) {
        const v = fast.vectors.getColumnVector(k);
        expect(v.norm()).toBeCloseTo(1, 12);
        expect(maxAbsDiff(m.mmul(v), v.clone().mul(fast.values[k]!))).toBeLessThan(1e-11 * scale);
      }
      // What the metrics compute from it: M^α, the nfaCorr curve, alphaHatSpectral.
      for (const alpha of [0.25, 0.5, 1]) {
        expect(
          maxAbsDiff(psdPowerFromEigen(fast, alpha), psdPowerFromEigen(full, alpha)),
        ).toBeLessThan(1e-11 * Math.pow(scale, alpha));
      }
      const gram = columnGram(gaussianMatrix(g, cols + 1, cols));
      const cf = nfaCorrCurveFromEigen(gram, fast);
      const cs = nfaCorrCurveFromEigen(gram, full);
      for (const alpha of [0.1, 0.5, 1.5]) expect(cf(alpha)!).toBeCloseTo(cs(alpha)!, 11);
      const sf = alphaHatSpectralFromEigen(symmetricEigen(gram), fast);
      const ss = alphaHatSpectralFromEigen(symmetricEigen(gram), full);
      if (ss === null) expect(sf).toBeNull();
      else expect(sf!).toBeCloseTo(ss, 9);
    });
  }
});
