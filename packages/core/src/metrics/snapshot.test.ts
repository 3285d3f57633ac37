import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMatrix, toMatrix } from '../linalg/dense.js';
import { alphaHat, alphaHatSpectral } from './alpha-hat.js';
import { centredCorrBest, centredCorrCurve } from './centred-corr.js';
import { agopLinear, endToEnd, gram } from './gram.js';
import { imbalance } from './imbalance.js';
import { nfaCorr, pearsonEntries } from './nfa-corr.js';
import { psdPower } from './psd-power.js';
import { nfaMetrics, toArray, type NfaMetricsInput } from './snapshot.js';
import { balancedNet, gaussian, gaussianMatrix, maxAbsDiff } from './test-support.js';

const SHAPE = { inputDim: 8, outputDim: 4, width: 10 };

/** nfaMetrics of `Matrix` weights (and AGOP), converted to the engines' row-major arrays. */
function metricsOf(
  weights: readonly Matrix[],
  options: { agop?: Matrix } & Pick<NfaMetricsInput, 'spectral'> = {},
) {
  const { agop, ...rest } = options;
  return nfaMetrics({
    weights: weights.map(fromMatrix),
    ...(agop ? { agop: fromMatrix(agop) } : {}),
    ...rest,
  });
}
const SINGULAR_VALUES = [2, 1.6, 1.3, 1.1];

describe('nfaMetrics on exactly balanced deep linear nets (DESIGN.md §1, claim 1)', () => {
  for (const depth of [2, 3, 4, 6]) {
    it(`L = ${depth}: the NFA holds with α = 1/L`, () => {
      const weights = balancedNet(gaussian(80 + depth), { ...SHAPE, depth }, SINGULAR_VALUES);
      const m = metricsOf(weights);
      expect(m.imbalance!).toBeLessThan(1e-12);
      expect(m.imbalanceRel!).toBeLessThan(1e-13);
      expect(m.nfaCorr!).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(m.nfaCorr!).toBeLessThanOrEqual(1 + 1e-12);
      expect(m.nfaPearson!).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(Math.abs(m.alphaHat! - 1 / depth)).toBeLessThan(1e-3);
      expect(m.nfaCorrBest!).toBeGreaterThanOrEqual(m.nfaCorr! - 1e-12);
      // The centred correlation too is 1 at α = 1/L (G − tI = A^{1/L} − aI exactly).
      expect(m.nfaCorrCentredBest!).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(Math.abs(m.alphaHatCentred! - 1 / depth)).toBeLessThan(1e-3);
      expect(m.agopRank).toBe(SINGULAR_VALUES.length);
      expect(m.alphaHatSpectral!).toBeCloseTo(1 / depth, 8);
      if (depth >= 3) expect(m.nfaCorrHalf!).toBeLessThan(m.nfaCorr! - 1e-6);
      else expect(m.nfaCorrHalf!).toBeCloseTo(m.nfaCorr!, 12);
      // The gram matrix is exactly AGOP^{1/L}, not just proportional to it.
      expect(maxAbsDiff(toMatrix(m.gram), psdPower(toMatrix(m.agop), 1 / depth))).toBeLessThan(
        1e-10,
      );
    });
  }
});

describe('nfaMetrics', () => {
  const g = gaussian(90);
  const weights = [gaussianMatrix(g, 9, 6), gaussianMatrix(g, 9, 9), gaussianMatrix(g, 3, 9)];

  it('agrees with the standalone metric functions', () => {
    const m = metricsOf(weights);
    const gr = gram(weights[0]!);
    const agop = agopLinear(weights);
    expect(maxAbsDiff(toMatrix(m.gram), gr)).toBeLessThan(1e-14);
    expect(maxAbsDiff(toMatrix(m.agop), agop)).toBeLessThan(1e-14);
    expect(m.nfaCorr!).toBeCloseTo(nfaCorr(gr, agop, 1 / 3)!, 12);
    expect(m.nfaCorrHalf!).toBeCloseTo(nfaCorr(gr, agop, 0.5)!, 12);
    expect(m.nfaPearson!).toBeCloseTo(pearsonEntries(gr, psdPower(agop, 1 / 3))!, 12);
    const best = alphaHat(gr, agop);
    expect(m.alphaHat!).toBeCloseTo(best.alpha!, 8);
    expect(m.nfaCorrBest!).toBeCloseTo(best.corr!, 12);
    const centred = centredCorrBest(centredCorrCurve(gr, agop));
    expect(m.nfaCorrCentredBest!).toBeCloseTo(centred.corr!, 12);
    expect(m.alphaHatCentred!).toBeCloseTo(centred.alpha!, 8);
    expect(m.agopRank).toBe(3); // W = W_3 W_2 W_1 is 3 × 6
    expect(m.agopEigen!.positive).toHaveLength(3);
    // The plain cosine's floor: the centred one of a random net is much lower.
    expect(m.nfaCorrCentredBest!).toBeLessThan(m.nfaCorrBest!);
    expect(m.alphaHatSpectral!).toBeCloseTo(alphaHatSpectral(gr, agop)!, 12);
    expect(m.imbalance!).toBeCloseTo(imbalance(weights), 10);
    // A random unbalanced net does not satisfy the NFA.
    expect(m.nfaCorr!).toBeLessThan(0.99);
    expect(m.imbalanceRel!).toBeGreaterThan(0.1);
  });

  it('skips only alphaHatSpectral (its second eigendecomposition) when spectral is false', () => {
    const full = metricsOf(weights);
    const cheap = metricsOf(weights, { spectral: false });
    expect(full.alphaHatSpectral).not.toBeNull();
    expect(cheap.alphaHatSpectral).toBeNull();
    expect({ ...cheap, alphaHatSpectral: full.alphaHatSpectral }).toEqual(full);
  });

  it('uses a given AGOP (e.g. from autodiff) instead of the linear one', () => {
    const a = gaussianMatrix(g, 6, 6);
    const agop = a.transpose().mmul(a);
    const m = metricsOf(weights, { agop });
    expect(maxAbsDiff(toMatrix(m.agop), agop)).toBeLessThan(1e-15);
    expect(m.nfaCorr!).toBeCloseTo(nfaCorr(gram(weights[0]!), agop, 1 / 3)!, 12);
    expect(() => metricsOf(weights, { agop: Matrix.eye(5) })).toThrow(/W_1 has 6 inputs/);
  });

  it('handles one layer: gram = AGOP, α̂ = 1, no imbalance', () => {
    const w = gaussianMatrix(g, 5, 5);
    const m = metricsOf([w]);
    expect(m.nfaCorr!).toBeCloseTo(1, 12);
    expect(m.alphaHat!).toBeCloseTo(1, 4);
    expect(m.alphaHatSpectral!).toBeCloseTo(1, 10);
    expect(m.imbalance).toBe(0);
    expect(m.imbalanceRel).toBeNull();
  });

  it('returns null metrics instead of throwing for diverged (non-finite) weights', () => {
    const bad = weights.map((w) => w.clone());
    bad[1]!.set(0, 0, Number.POSITIVE_INFINITY);
    const m = metricsOf(bad);
    expect(m.nfaCorr).toBeNull();
    expect(m.nfaCorrHalf).toBeNull();
    expect(m.nfaPearson).toBeNull();
    expect(m.alphaHat).toBeNull();
    expect(m.nfaCorrBest).toBeNull();
    expect(m.nfaCorrCentredBest).toBeNull();
    expect(m.alphaHatCentred).toBeNull();
    expect(m.agopRank).toBe(0);
    expect(m.agopEigen).toBeNull();
    expect(m.alphaHatSpectral).toBeNull();
    expect(m.imbalance).toBeNull();
    const nanAgop = metricsOf(weights, { agop: Matrix.eye(6).mul(Number.NaN) });
    expect(nanAgop.nfaCorr).toBeNull();
    expect(nanAgop.imbalance!).toBeGreaterThan(0);
    // Finite gram and AGOP (entries 1e308) whose largest eigenvalue (8e308) overflows.
    const huge = new Matrix(2, 8);
    for (let j = 0; j < 8; j++) {
      huge.set(0, j, 1e154);
      huge.set(1, j, j % 2 ? 1 : -1);
    }
    const overflow = metricsOf([huge]);
    expect(overflow.nfaCorr).toBeNull();
    expect(overflow.nfaPearson).toBeNull();
    expect(overflow.alphaHat).toBeNull();
    expect(overflow.alphaHatSpectral).toBeNull();
  });

  it('toArray gives plain nested rows of a Dense matrix too', () => {
    const m = nfaMetrics({ weights: [fromMatrix(new Matrix([[1, 2, 3]]))] });
    const arr = toArray(m.gram);
    expect(Array.isArray(arr[2])).toBe(true);
    expect(JSON.parse(JSON.stringify(arr))).toEqual(toMatrix(m.gram).to2DArray());
    arr.flat().forEach((v, k) => expect(v).toBeCloseTo([1, 2, 3, 2, 4, 6, 3, 6, 9][k]!, 14));
  });

  it('toArray gives plain nested rows', () => {
    const m = new Matrix([
      [1, 2],
      [3, 4.5],
    ]);
    const arr = toArray(m);
    expect(Array.isArray(arr[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(arr))).toEqual([
      [1, 2],
      [3, 4.5],
    ]);
  });
});

describe('nfaMetrics along gradient descent (DESIGN.md §1, claims 1 and 2)', () => {
  /** Small-step gradient descent on ½‖W X − Y‖²/n (+ λ/2 Σ‖W_l‖²) for a deep linear net. */
  function descend(start: Matrix[], lr: number, decay: number, steps: number): Matrix[] {
    const g = gaussian(95);
    const x = gaussianMatrix(g, SHAPE.inputDim, 40);
    const teacher = gaussianMatrix(g, SHAPE.outputDim, SHAPE.inputDim, 0.5);
    const y = teacher.mmul(x);
    let ws = start.map((w) => w.clone());
    for (let t = 0; t < steps; t++) {
      const err = endToEnd(ws).mmul(x).sub(y).div(x.columns);
      ws = ws.map((w, l) => {
        const below = l === 0 ? x : endToEnd(ws.slice(0, l)).mmul(x);
        const above = l === ws.length - 1 ? Matrix.eye(SHAPE.outputDim) : endToEnd(ws.slice(l + 1));
        const grad = above.transpose().mmul(err).mmul(below.transpose());
        return w.clone().sub(grad.add(w.clone().mul(decay)).mul(lr));
      });
    }
    return ws;
  }

  it('keeps a balanced start balanced, with nfaCorr(1/L) ≈ 1 up to the O(η) step error', () => {
    const start = balancedNet(gaussian(96), { ...SHAPE, depth: 3 }, [0.9, 0.8, 0.7, 0.6]);
    // Same training time η·steps = 4 with two step sizes: gradient flow conserves balance,
    // gradient descent drifts by O(η) over a fixed time.
    const coarse = descend(start, 0.02, 0, 200);
    const fine = descend(start, 0.01, 0, 400);
    expect(maxAbsDiff(endToEnd(fine), endToEnd(start))).toBeGreaterThan(0.5);
    const mc = metricsOf(coarse);
    const mf = metricsOf(fine);
    expect(mf.imbalanceRel!).toBeLessThan(5e-3);
    expect(mc.imbalanceRel! / mf.imbalanceRel!).toBeGreaterThan(1.8);
    expect(mc.imbalanceRel! / mf.imbalanceRel!).toBeLessThan(2.2);
    expect(mf.nfaCorr!).toBeGreaterThan(1 - 1e-5);
    expect((1 - mc.nfaCorr!) / (1 - mf.nfaCorr!)).toBeGreaterThan(3.5);
    expect(Math.abs(mf.alphaHat! - 1 / 3)).toBeLessThan(0.005);
  });

  it('shrinks the imbalance of an unbalanced start by (1 − ηλ)² per step under weight decay', () => {
    const g = gaussian(97);
    const start = [
      gaussianMatrix(g, SHAPE.width, SHAPE.inputDim, 0.3),
      gaussianMatrix(g, SHAPE.outputDim, SHAPE.width, 0.3),
    ];
    const lr = 0.02;
    const decay = 0.5;
    const steps = 100;
    const before = imbalance(start);
    const after = imbalance(descend(start, lr, decay, steps));
    const predicted = before * (1 - lr * decay) ** (2 * steps);
    expect(after / predicted).toBeGreaterThan(0.9);
    expect(after / predicted).toBeLessThan(1.1);
  });
});
