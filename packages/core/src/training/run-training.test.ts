import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfigInput } from '../config/schema.js';
import { initWeights } from '../init/make-init.js';
import { toMatrix } from '../linalg/dense.js';
import { alphaHat } from '../metrics/alpha-hat.js';
import { randomFirstLayer } from '../metrics/baselines.js';
import { centredCorrBest, centredCorrCurve } from '../metrics/centred-corr.js';
import { nfaMetrics } from '../metrics/snapshot.js';
import { runTraining } from './run-training.js';

const linear: RunConfigInput = {
  depth: 3,
  inputDim: 8,
  outputDim: 3,
  width: 10,
  samples: 64,
  init: 'gaussian',
  initScale: 1,
  learningRate: 0.02,
  steps: 300,
  logEvery: 100,
  seed: 5,
};
const relu: RunConfigInput = {
  ...linear,
  task: 'multi_index_relu',
  activation: 'relu',
  optimizer: 'adam',
  learningRate: 0.005,
};

/** Best plain and centred correlations of a first layer against an AGOP, via ml-matrix. */
function bestAgainst(w1: Matrix, agop: Matrix) {
  const gram = w1.transpose().mmul(w1);
  return {
    best: alphaHat(gram, agop).corr,
    centred: centredCorrBest(centredCorrCurve(gram, agop)).corr,
  };
}

describe('runTraining: best correlations in the history and baselines in the final metrics', () => {
  for (const [name, input] of [
    ['linear', linear],
    ['relu', relu],
  ] as const) {
    it(`${name}: every history point has nfaCorrBest and nfaCorrCentredBest; step 0 is the init`, async () => {
      const config = resolveConfig(input);
      const r = await runTraining(config);
      expect(r.status).toBe('ok');
      expect(r.history.map((h) => h.step)).toEqual([0, 100, 200, 300]);
      for (const h of r.history) {
        expect(h.nfaCorrBest!).toBeGreaterThanOrEqual(h.nfaCorr! - 1e-12);
        expect(h.nfaCorrCentredBest!).toBeGreaterThan(-1);
        expect(h.nfaCorrCentredBest!).toBeLessThanOrEqual(1 + 1e-12);
      }
      if (name === 'linear') {
        const m0 = nfaMetrics({ weights: initWeights(config) });
        expect(r.history[0]!.nfaCorrBest!).toBeCloseTo(m0.nfaCorrBest!, 12);
        expect(r.history[0]!.nfaCorrCentredBest!).toBeCloseTo(m0.nfaCorrCentredBest!, 12);
      }
      const final = r.final!;
      expect(final.nfaCorrBest).toBe(r.history.at(-1)!.nfaCorrBest);
      const agop = new Matrix(final.agop);
      const gram = new Matrix(final.gram);
      const centred = centredCorrBest(centredCorrCurve(gram, agop));
      expect(final.nfaCorrCentredBest!).toBeCloseTo(centred.corr!, 10);
      expect(final.alphaHatCentred!).toBeCloseTo(centred.alpha!, 5);
    });

    it(`${name}: baselines are W1(0) and a 'baseline.random' layer against the final AGOP`, async () => {
      const config = resolveConfig(input);
      const r = await runTraining(config);
      const b = r.final!.baselines;
      const agop = new Matrix(r.final!.agop);
      const initial = bestAgainst(toMatrix(initWeights(config)[0]!), agop);
      const random = bestAgainst(toMatrix(randomFirstLayer(10, 8, config.seed)), agop);
      expect(b.initialBest!).toBeCloseTo(initial.best!, 10);
      expect(b.initialCentredBest!).toBeCloseTo(initial.centred!, 10);
      expect(b.randomBest!).toBeCloseTo(random.best!, 10);
      expect(b.randomCentredBest!).toBeCloseTo(random.centred!, 10);
      expect(b.isotropicBest!).toBeCloseTo(alphaHat(Matrix.eye(8), agop).corr!, 10);
    });
  }

  it('with steps: 0 returns the untrained net: ok, one history point, final = step 0', async () => {
    const r = await runTraining(resolveConfig({ ...linear, steps: 0 }));
    expect(r.status).toBe('ok');
    expect(r.history).toHaveLength(1);
    expect(r.final).toMatchObject(r.history[0]!);
    expect(r.final!.step).toBe(0);
    // Features that have not moved score their own baseline.
    expect(r.final!.baselines.initialBest!).toBeCloseTo(r.final!.nfaCorrBest!, 12);
    expect(r.final!.baselines.initialCentredBest!).toBeCloseTo(r.final!.nfaCorrCentredBest!, 12);
  });
});

describe('runTraining keepWeights', () => {
  it('returns the final weights, from which a float64 recomputation gives gram and AGOP', async () => {
    const r = await runTraining(resolveConfig(linear), { keepWeights: true });
    const ws = r.weights!;
    expect(ws.map((w) => [w.length, w[0]!.length])).toEqual([
      [10, 8],
      [10, 10],
      [3, 10],
    ]);
    // W = W_3 W_2 W_1 and AGOP = WᵀW, gram = W_1ᵀW_1, by plain loops over nested arrays.
    const mul = (a: number[][], b: number[][]) =>
      a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
    const t = (a: number[][]) => a[0]!.map((_, j) => a.map((row) => row[j]!));
    const w = mul(ws[2]!, mul(ws[1]!, ws[0]!));
    const agop = mul(t(w), w);
    const gram = mul(t(ws[0]!), ws[0]!);
    const relErr = (x: number[][], y: number[][]) => {
      let num = 0;
      let den = 0;
      x.forEach((row, i) =>
        row.forEach((v, j) => {
          num += (v - y[i]![j]!) ** 2;
          den += v * v;
        }),
      );
      return Math.sqrt(num / den);
    };
    expect(relErr(agop, r.final!.agop)).toBeLessThan(1e-12);
    expect(relErr(gram, r.final!.gram)).toBeLessThan(1e-12);
    // And the weights moved: they are the final ones, not the initial ones.
    const w10 = toMatrix(initWeights(resolveConfig(linear))[0]!).to2DArray();
    expect(relErr(ws[0]!, w10)).toBeGreaterThan(1e-3);
  });

  it('returns no weights unless asked, nor for a diverged run', async () => {
    expect((await runTraining(resolveConfig(linear))).weights).toBeUndefined();
    const diverged = await runTraining(resolveConfig({ ...linear, learningRate: 50 }), {
      keepWeights: true,
    });
    expect(diverged.status).toBe('diverged');
    expect(diverged.weights).toBeUndefined();
  });
});
