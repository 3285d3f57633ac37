import { describe, expect, it } from 'vitest';
import { fromMatrix, toMatrix } from '../linalg/dense.js';
import { assertChainShapes, columnGramDense, endToEndDense, rowGramDense } from './dense-gram.js';
import { columnGram, endToEnd } from './gram.js';
import { gaussian, gaussianMatrix, maxAbsDiff } from './test-support.js';

describe('Dense weight products', () => {
  const g = gaussian(60);

  it('Gram matrices equal WᵀW and WWᵀ by ml-matrix, exactly symmetric', () => {
    for (const [rows, cols] of [
      [7, 5],
      [3, 8],
      [1, 1],
      [9, 9],
    ] as const) {
      const w = gaussianMatrix(g, rows, cols);
      const cg = columnGramDense(fromMatrix(w));
      const rg = rowGramDense(fromMatrix(w));
      expect([cg.rows, cg.cols, rg.rows, rg.cols]).toEqual([cols, cols, rows, rows]);
      expect(maxAbsDiff(toMatrix(cg), w.transpose().mmul(w))).toBeLessThan(1e-13);
      expect(maxAbsDiff(toMatrix(rg), w.mmul(w.transpose()))).toBeLessThan(1e-13);
      for (let i = 0; i < cols; i++)
        for (let j = 0; j < i; j++) expect(cg.data[i * cols + j]).toBe(cg.data[j * cols + i]);
    }
  });

  it('endToEnd multiplies W_L ⋯ W_1 and agrees with the Matrix version', () => {
    const weights = [gaussianMatrix(g, 9, 6), gaussianMatrix(g, 8, 9), gaussianMatrix(g, 3, 8)];
    const dense = endToEndDense(weights.map(fromMatrix));
    const direct = weights[2]!.mmul(weights[1]!).mmul(weights[0]!);
    expect([dense.rows, dense.cols]).toEqual([3, 6]);
    expect(maxAbsDiff(toMatrix(dense), direct)).toBeLessThan(1e-12);
    expect(maxAbsDiff(toMatrix(dense), endToEnd(weights))).toBeLessThan(1e-15);
    expect(maxAbsDiff(toMatrix(columnGramDense(dense)), columnGram(direct))).toBeLessThan(1e-11);
  });

  it('endToEnd of one layer is a copy, never the weights themselves', () => {
    const w = fromMatrix(gaussianMatrix(g, 2, 3));
    const e = endToEndDense([w]);
    expect(e.data).not.toBe(w.data);
    e.data[0] = 99;
    expect(w.data[0]).not.toBe(99);
  });

  it('rejects weights that do not chain, naming the layers', () => {
    const shapes = [
      { rows: 4, cols: 3 },
      { rows: 2, cols: 5 },
    ];
    expect(() => assertChainShapes(shapes, 'here')).toThrow(
      'here: W_2 is 2×5 but W_1 is 4×3; W_2 needs 4 columns',
    );
    expect(() => assertChainShapes([], 'here')).toThrow(/at least one/);
  });
});
