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
