import { describe, expect, it } from 'vitest';
import { train } from './train.js';

// DESIGN.md §1 claim 1: a deep linear net trained by gradient descent (≈ gradient flow) from a
// balanced initialization satisfies W1ᵀW1 = AGOP^{1/L} throughout training. On the engine that
// sweeps use (`auto`: the closed-form linear engine), cross-checked once against the TensorFlow.js
// reference engine.
const config = (L: number, engine: 'auto' | 'reference') =>
  ({
    depth: L,
    inputDim: 12,
    outputDim: 4,
    width: 12,
    samples: 64,
    init: 'balanced',
    initScale: 0.7,
    optimizer: 'gd',
    learningRate: 0.02,
    steps: 600,
    logEvery: 50,
    seed: L,
    engine,
  }) as const;

describe('balanced deep linear networks under gd (theorem: α = 1/L)', () => {
  it('the reference engine (TensorFlow.js, float32) reaches the same numbers at L = 3', async () => {
    const ours = await train(config(3, 'auto'));
    const ref = await train(config(3, 'reference'), { backend: 'wasm' });
    expect(ours.engine).toBe('linear');
    expect(ref.engine).toBe('reference');
    for (const key of ['nfaCorr', 'alphaHat', 'nfaCorrHalf'] as const) {
      expect(Math.abs(ours.final![key]! - ref.final![key]!), key).toBeLessThan(2e-3);
    }
    expect(Math.abs(ours.final!.loss! / ref.final!.loss! - 1)).toBeLessThan(1e-3);
  });

  it.each([2, 3, 4, 6])('L = %i: nfaCorr ≥ 0.999 and α̂ = 1/L at every logged step', async (L) => {
    const r = await train(config(L, 'auto'));
    expect(r.engine).toBe('linear');
    expect(r.status).toBe('ok');
    expect(r.history.length).toBe(13);
    // It learns: the loss falls.
    expect(r.final!.loss!).toBeLessThan(0.5 * r.history[0]!.loss!);
    for (const h of r.history) {
      expect(h.nfaCorr!).toBeGreaterThanOrEqual(0.999);
      expect(Math.abs(h.alphaHat! - 1 / L)).toBeLessThanOrEqual(0.02);
    }
    expect(Math.abs(r.final!.alphaHatSpectral! - 1 / L)).toBeLessThanOrEqual(0.02);
    // The two-layer exponent is wrong for deeper nets.
    if (L >= 3) expect(r.final!.nfaCorrHalf!).toBeLessThan(r.final!.nfaCorr! - 1e-3);
  });
});
