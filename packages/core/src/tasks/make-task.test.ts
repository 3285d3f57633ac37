import { SingularValueDecomposition, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { toMatrix } from '../linalg/dense.js';
import { makeTask } from './make-task.js';

describe('makeTask', () => {
  it('linear: Y = X Tᵀ with a teacher of the requested rank and spread', () => {
    const c = resolveConfig({ inputDim: 10, outputDim: 5, samples: 200, teacherSpread: 20 });
    const { x, y, teacherSingularValues: s } = makeTask(c);
    expect(s.length).toBe(5);
    expect(s[0]! / s[4]!).toBeCloseTo(20, 10);
    // Recover T by least squares and compare its spectrum.
    const X = toMatrix(x);
    const Y = toMatrix(y);
    const tHat = solve(X.transpose().mmul(X), X.transpose().mmul(Y));
    const sv = new SingularValueDecomposition(tHat).diagonal;
    for (let i = 0; i < 5; i++) expect(sv[i]!).toBeCloseTo(s[i]!, 8);
  });

  it('respects teacherRank and is determined by the seed', () => {
    const c = resolveConfig({ inputDim: 8, outputDim: 6, teacherRank: 2 });
    const a = makeTask(c);
    expect(a.teacherSingularValues.length).toBe(2);
    const sv = new SingularValueDecomposition(toMatrix(a.y)).diagonal;
    expect(sv[2]! / sv[0]!).toBeLessThan(1e-10);
    expect(Array.from(makeTask(c).y.data)).toEqual(Array.from(a.y.data));
    const other = makeTask({ ...c, seed: 1 });
    expect(Array.from(other.y.data)).not.toEqual(Array.from(a.y.data));
  });

  it('nonlinear teachers give standardized targets that no linear map fits', () => {
    for (const task of ['multi_index_relu', 'multi_index_tanh'] as const) {
      const c = resolveConfig({ task, inputDim: 6, outputDim: 3, samples: 400 });
      const { x, y } = makeTask(c);
      let ms = 0;
      for (const v of y.data) ms += v * v;
      expect(ms / y.data.length).toBeCloseTo(1, 8);
      const X = toMatrix(x);
      const Y = toMatrix(y);
      const fit = X.mmul(solve(X.transpose().mmul(X), X.transpose().mmul(Y)));
      const resid = Y.sub(fit).norm('frobenius') ** 2 / Y.norm('frobenius') ** 2;
      expect(resid).toBeGreaterThan(task === 'multi_index_relu' ? 0.05 : 0.001);
    }
  });

  it('adds label noise of the requested size', () => {
    const c = resolveConfig({ inputDim: 4, outputDim: 2, samples: 5000 });
    const clean = makeTask(c).y.data;
    const noisy = makeTask({ ...c, noise: 0.3 }).y.data;
    let ss = 0;
    for (let i = 0; i < clean.length; i++) ss += (noisy[i]! - clean[i]!) ** 2;
    expect(Math.sqrt(ss / clean.length)).toBeCloseTo(0.3, 1);
  });
});
