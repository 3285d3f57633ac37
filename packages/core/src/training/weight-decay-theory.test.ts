import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../config/result.js';
import { train } from './train.js';

/** Least-squares slope of log(imbalance) against step. */
function logSlope(history: HistoryPoint[]): number {
  const pts = history.map((h) => [h.step, Math.log(h.imbalance!)] as const);
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

const base = {
  depth: 3,
  inputDim: 12,
  outputDim: 4,
  width: 12,
  samples: 64,
  init: 'gaussian' as const,
  initScale: 1,
  optimizer: 'gd' as const,
  learningRate: 0.01,
  steps: 1500,
  logEvery: 100,
};

// DESIGN.md §1 claim 2: dD_l/dt = −2λ D_l under gradient flow with weight decay; D_l is
// conserved without it. On the engine sweeps use (`auto`: closed form for linear nets).
describe('imbalance under gd from an unbalanced start', () => {
  it.each([0.05, 0.1])('λ = %f: log(imbalance) falls with slope −2ηλ (within 10%)', async (wd) => {
    const r = await train({ ...base, weightDecay: wd });
    expect(r.status).toBe('ok');
    const predicted = -2 * base.learningRate * wd;
    const slope = logSlope(r.history);
    expect(Math.abs(slope / predicted - 1)).toBeLessThanOrEqual(0.1);
    // …and the NFA at α = 1/L improves as the net balances.
    expect(r.final!.nfaCorr!).toBeGreaterThan(r.history[0]!.nfaCorr!);
  });

  it('λ = 0: imbalance drifts by under 1% over the run', async () => {
    const r = await train({ ...base, weightDecay: 0 });
    expect(r.status).toBe('ok');
    const first = r.history[0]!.imbalance!;
    for (const h of r.history) expect(Math.abs(h.imbalance! / first - 1)).toBeLessThan(0.01);
    expect(r.final!.loss!).toBeLessThan(0.1 * r.history[0]!.loss!);
  });
});
