import { describe, expect, it } from 'vitest';
import { balancedMatrices } from '../test-support/records.js';
import { cosineSimilarity, normalizeFrobenius, psdPower } from './matrix-power.js';

describe('psdPower', () => {
  it('inverts an integer power: (G^L)^{1/L} = G', () => {
    for (const L of [2, 3, 5]) {
      const { gram, agop } = balancedMatrices(5, L, L);
      const back = psdPower(agop, 1 / L);
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 5; j++) {
          expect(back[i]![j]!).toBeCloseTo(gram[i]![j]!, 6);
        }
      expect(cosineSimilarity(back, gram)!).toBeCloseTo(1, 10);
    }
  });
  it('clamps negative eigenvalues to zero', () => {
    const p = psdPower(
      [
        [4, 0],
        [0, -1],
      ],
      0.5,
    );
    expect(p[0]![0]!).toBeCloseTo(2, 12);
    expect(p[1]![1]!).toBeCloseTo(0, 12);
  });
  it('the square root squared gives back the matrix', () => {
    const { gram } = balancedMatrices(4, 1, 7);
    const r = psdPower(gram, 0.5);
    const sq = r.map((row, i) =>
      row.map((_, j) => row.reduce((s, x, k) => s + x * r[k]![j]!, 0) + 0 * i),
    );
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) expect(sq[i]![j]!).toBeCloseTo(gram[i]![j]!, 9);
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for proportional, 0 for orthogonal matrices, null for zero', () => {
    expect(
      cosineSimilarity(
        [
          [1, 2],
          [2, 5],
        ],
        [
          [3, 6],
          [6, 15],
        ],
      )!,
    ).toBeCloseTo(1, 12);
    expect(
      cosineSimilarity(
        [
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 1],
        ],
      )!,
    ).toBeCloseTo(0, 12);
    expect(cosineSimilarity([[0]], [[1]])).toBeNull();
  });
  it('normalizeFrobenius has unit norm', () => {
    const n = normalizeFrobenius([
      [3, 0],
      [0, 4],
    ]);
    expect(n[0]![0]! ** 2 + n[1]![1]! ** 2).toBeCloseTo(1, 12);
  });
});

describe('agreement with core', () => {
  it('recomputes core’s nfaCorr on rank-deficient AGOPs (c < d) to 1e-10', async () => {
    const core = await import('@ansatz/core');
    const { Matrix } = await import('ml-matrix');
    // A deep linear chain with c = 3 outputs, d = 8 inputs: the AGOP WᵀW has rank 3.
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
    for (const [depth, alpha] of [
      [2, 0.5],
      [4, 0.25],
      [4, 0.05],
    ] as const) {
      const dims = [8, ...Array.from({ length: depth - 1 }, () => 6), 3];
      const ws = dims
        .slice(1)
        .map(
          (out, i) =>
            new Matrix(Array.from({ length: out }, () => Array.from({ length: dims[i]! }, rnd))),
        );
      const gram = ws[0]!.transpose().mmul(ws[0]!);
      const w = ws.reduce((acc, m) => m.mmul(acc));
      const agop = w.transpose().mmul(w);
      const ours = cosineSimilarity(gram.to2DArray(), psdPower(agop.to2DArray(), alpha))!;
      const theirs = core.nfaCorr(gram, agop, alpha)!;
      expect(Math.abs(ours - theirs)).toBeLessThan(1e-10);
    }
  });
});
