import type { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { imbalance, imbalanceBoth, imbalanceMatrices, imbalanceRel } from './imbalance.js';
import { balancedNet, gaussian, gaussianMatrix, orthonormalColumns } from './test-support.js';

/** Σ_l ‖W_{l+1}ᵀW_{l+1} − W_l W_lᵀ‖_F and Σ_l ‖W_l W_lᵀ‖_F with plain loops over arrays. */
function naive(weights: readonly Matrix[]): { total: number; scale: number } {
  const ws = weights.map((w) => w.to2DArray());
  let total = 0;
  let scale = 0;
  for (let l = 0; l + 1 < ws.length; l++) {
    const a = ws[l]!;
    const b = ws[l + 1]!;
    const k = a.length;
    let diff2 = 0;
    let rows2 = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let btb = 0;
        for (let r = 0; r < b.length; r++) btb += b[r]![i]! * b[r]![j]!;
        let aat = 0;
        for (let c = 0; c < a[0]!.length; c++) aat += a[i]![c]! * a[j]![c]!;
        diff2 += (btb - aat) ** 2;
        rows2 += aat ** 2;
      }
    }
    total += Math.sqrt(diff2);
    scale += Math.sqrt(rows2);
  }
  return { total, scale };
}

function gaussianNet(seed: number, dims: readonly number[]): Matrix[] {
  const g = gaussian(seed);
  return dims.slice(1).map((out, l) => gaussianMatrix(g, out, dims[l]!));
}

describe('imbalance', () => {
  it('matches an independent plain-loop recomputation', () => {
    for (const [seed, dims] of [
      [60, [5, 7, 7, 3]],
      [61, [4, 6, 2]],
      [62, [8, 5, 9, 6, 4, 2]],
    ] as const) {
      const weights = gaussianNet(seed, dims);
      const { total, scale } = naive(weights);
      expect(imbalance(weights)).toBeCloseTo(total, 10);
      expect(imbalanceRel(weights)!).toBeCloseTo(total / scale, 12);
      expect(imbalance(weights)).toBeGreaterThan(0.1);
    }
  });

  it('is ≈ 0 for exactly balanced nets of several depths and scales', () => {
    for (const depth of [2, 3, 4, 6]) {
      const g = gaussian(63 + depth);
      const weights = balancedNet(
        g,
        { inputDim: 8, outputDim: 4, width: 10, depth },
        [3, 2, 1.2, 0.7],
      );
      expect(imbalance(weights)).toBeLessThan(1e-12);
      expect(imbalanceRel(weights)!).toBeLessThan(1e-13);
      for (const d of imbalanceMatrices(weights)) expect(d.norm('frobenius')).toBeLessThan(1e-12);
    }
  });

  it('is invariant under the orthogonal symmetries that preserve balance', () => {
    // W_l → Q_l W_l Q_{l−1}ᵀ with orthogonal Q's maps each D_l to Q_l D_l Q_lᵀ (same norm).
    const g = gaussian(70);
    const weights = gaussianNet(71, [5, 6, 6, 3]);
    const qs = [5, 6, 6, 3].map((n) => orthonormalColumns(g, n, n));
    const rotated = weights.map((w, l) => qs[l + 1]!.mmul(w).mmul(qs[l]!.transpose()));
    expect(imbalance(rotated)).toBeCloseTo(imbalance(weights), 10);
    expect(imbalanceRel(rotated)!).toBeCloseTo(imbalanceRel(weights)!, 12);
  });

  it('scales quadratically with the weights, so the relative value is scale free', () => {
    const weights = gaussianNet(72, [4, 5, 3]);
    const scaled = weights.map((w) => w.clone().mul(3));
    expect(imbalance(scaled) / imbalance(weights)).toBeCloseTo(9, 10);
    expect(imbalanceRel(scaled)!).toBeCloseTo(imbalanceRel(weights)!, 12);
  });

  it('is 0 for one layer with an undefined relative value, and null-relative for zero weights', () => {
    const [w] = gaussianNet(73, [4, 3]);
    expect(imbalanceBoth([w!])).toEqual({ imbalance: 0, imbalanceRel: null });
    const zeros = gaussianNet(74, [4, 5, 3]).map((m) => m.clone().mul(0));
    expect(imbalanceRel(zeros)).toBeNull();
  });
});
