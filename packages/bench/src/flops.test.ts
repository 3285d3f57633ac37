import { describe, expect, it } from 'vitest';
import { linearStepFlops, numpyStepFlops, referenceStepFlops } from './flops.js';

// d = 4, k = 3, c = 2, n = 5, two layers: W_1 is 3×4, W_2 is 2×3.
const tiny = { inputDim: 4, width: 3, outputDim: 2, samples: 5, depth: 2 } as const;

describe('flop counts (by hand for a 4-3-2 net on 5 samples)', () => {
  it('reference: forward + weight gradients for W_1, plus input gradient for W_2, plus loss', () => {
    // W_1: 2·5·3·4 = 120 forward + 120 weight grad; W_2: 2·5·2·3 = 60, three times; loss 3·5·2.
    expect(referenceStepFlops(tiny)).toBe(240 + 180 + 30);
    // ReLU adds its value and derivative on the 5·3 hidden units.
    expect(referenceStepFlops({ ...tiny, activation: 'relu' })).toBe(450 + 30);
    expect(numpyStepFlops({ ...tiny, activation: 'relu' })).toBe(450);
  });

  it('linear engine: three c-row products per inner layer and G from the covariances', () => {
    // chain 3·c·k·d = 3·2·3·4 = 72 multiply-adds; G = WΣxx: c·d² = 32.
    expect(linearStepFlops(tiny)).toBe(2 * (72 + 32));
    // Minibatch of 2: G from the residuals, 2·b·c·d = 32 multiply-adds.
    expect(linearStepFlops({ ...tiny, optimizer: 'sgd', batchSize: 2 })).toBe(2 * (72 + 32));
    expect(linearStepFlops({ ...tiny, optimizer: 'sgd', batchSize: 3 })).toBe(2 * (72 + 48));
  });
});
