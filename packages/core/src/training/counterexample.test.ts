import { describe, expect, it } from 'vitest';
import { train } from './train.js';

// DESIGN.md §1 claim 3: a nonlinear net can fit its data while the NFA fails for every α.
describe('a ReLU counterexample', () => {
  it('fits its data (loss ÷ 1000) while max over α of nfaCorr stays ≤ 0.9', async () => {
    const r = await train(
      {
        task: 'multi_index_relu',
        activation: 'relu',
        depth: 2,
        width: 64,
        inputDim: 32,
        outputDim: 4,
        samples: 24,
        init: 'gaussian',
        initScale: 4,
        optimizer: 'adam',
        learningRate: 0.003,
        steps: 3000,
        logEvery: 500,
        seed: 0,
      },
      { backend: 'wasm' },
    );
    expect(r.status).toBe('ok');
    const initial = r.history[0]!.loss!;
    expect(r.final!.loss!).toBeLessThanOrEqual(1e-3 * initial);
    expect(r.final!.nfaCorrBest!).toBeLessThanOrEqual(0.9);
    // nfaCorrBest really is the maximum over α: no logged α does better.
    expect(r.final!.nfaCorrBest!).toBeGreaterThanOrEqual(r.final!.nfaCorr! - 1e-9);
    expect(r.final!.nfaCorrBest!).toBeGreaterThanOrEqual(r.final!.nfaCorrHalf! - 1e-9);
  });
});
