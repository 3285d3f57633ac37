import { describe, expect, it } from 'vitest';
import type { RunConfigInput } from '../config/schema.js';
import { ALPHA_MAX, ALPHA_MIN } from '../metrics/alpha-hat.js';
import {
  ALPHA_BOUND_MARGIN,
  COLLAPSE_RATIO,
  FIT_MAX_LOSS_RATIO,
  qualityFlags,
  type QualityInput,
} from './quality-flags.js';
import { train } from './train.js';

/** A healthy run's numbers: fit, full-rank AGOP, α̂ inside the range. */
const healthy: QualityInput = {
  initialLoss: 2,
  finalLoss: 1e-6,
  initialAgopNorm: 3,
  finalAgopNorm: 5,
  agopRank: 6,
  alphaHat: 0.5,
  nfaCorrBest: 0.99,
};
const flagsOf = (over: Partial<QualityInput>) => qualityFlags({ ...healthy, ...over }).flags;

describe('qualityFlags on constructed inputs', () => {
  it('flags nothing on a healthy run and reports its loss ratio and rank', () => {
    expect(qualityFlags(healthy)).toEqual({
      flags: [],
      quality: { lossRatio: 5e-7, agopRank: 6 },
    });
  });

  it('not-fit: loss ratio above FIT_MAX_LOSS_RATIO, or an initial loss that is not positive', () => {
    expect(flagsOf({ finalLoss: 2 * FIT_MAX_LOSS_RATIO })).toEqual([]); // exactly at the limit
    expect(flagsOf({ finalLoss: 2 * FIT_MAX_LOSS_RATIO * 1.001 })).toEqual(['not-fit']);
    expect(flagsOf({ finalLoss: 3 })).toEqual(['not-fit']);
    const zero = qualityFlags({ ...healthy, initialLoss: 0, finalLoss: 0 });
    expect(zero.flags).toEqual(['not-fit']);
    expect(zero.quality.lossRatio).toBeNull();
    expect(flagsOf({ initialLoss: null })).toEqual(['not-fit']);
  });

  it('collapsed: no positive eigenvalue, a zero norm, or a norm shrunk by COLLAPSE_RATIO', () => {
    expect(flagsOf({ finalAgopNorm: 3 * COLLAPSE_RATIO * 1.01 })).toEqual([]);
    expect(flagsOf({ finalAgopNorm: 3 * COLLAPSE_RATIO })).toEqual(['collapsed']);
    expect(flagsOf({ finalAgopNorm: 0, initialAgopNorm: 0 })).toEqual(['collapsed']);
    expect(flagsOf({ finalAgopNorm: null })).toEqual(['collapsed']);
    // No positive eigenvalue: the curves are undefined and the rank is 0.
    expect(flagsOf({ agopRank: 0, alphaHat: null, nfaCorrBest: null })).toEqual([
      'collapsed',
      'alpha-unidentifiable',
    ]);
    // An AGOP that was 0 at the start and is not now has not collapsed.
    expect(flagsOf({ initialAgopNorm: 0, finalAgopNorm: 1e-9 })).toEqual([]);
  });

  it('alpha-at-bound: α̂ within ALPHA_BOUND_MARGIN of either end of the search range', () => {
    expect(flagsOf({ alphaHat: ALPHA_MIN })).toEqual(['alpha-at-bound']);
    expect(flagsOf({ alphaHat: ALPHA_MIN + 0.9 * ALPHA_BOUND_MARGIN })).toEqual(['alpha-at-bound']);
    expect(flagsOf({ alphaHat: ALPHA_MIN + 1.1 * ALPHA_BOUND_MARGIN })).toEqual([]);
    expect(flagsOf({ alphaHat: ALPHA_MAX - 0.9 * ALPHA_BOUND_MARGIN })).toEqual(['alpha-at-bound']);
    expect(flagsOf({ alphaHat: ALPHA_MAX - 1.1 * ALPHA_BOUND_MARGIN })).toEqual([]);
  });

  it('alpha-unidentifiable: rank ≤ 1, or α̂ null while the curve is defined', () => {
    expect(flagsOf({ agopRank: 1, alphaHat: null })).toEqual(['alpha-unidentifiable']);
    expect(flagsOf({ agopRank: 1 })).toEqual(['alpha-unidentifiable']);
    expect(flagsOf({ alphaHat: null })).toEqual(['alpha-unidentifiable']);
    expect(flagsOf({ agopRank: 2 })).toEqual([]);
  });

  it('lists several flags in QUALITY_FLAGS order', () => {
    expect(flagsOf({ finalLoss: 2, finalAgopNorm: 0, agopRank: 1, alphaHat: ALPHA_MAX })).toEqual([
      'not-fit',
      'collapsed',
      'alpha-at-bound',
      'alpha-unidentifiable',
    ]);
  });
});

/** Deep linear nets on the quick sweep's linear task (c = 6, teacher spread 10). */
const task: RunConfigInput = {
  task: 'linear',
  inputDim: 16,
  outputDim: 6,
  teacherSpread: 10,
  samples: 256,
  width: 16,
  logEvery: 100,
};

describe('qualityFlags on real training', () => {
  it('a diverged run has no flags and no measured quality', async () => {
    const r = await train({ ...task, depth: 3, init: 'gaussian', initScale: 1, learningRate: 50 });
    expect(r.status).toBe('diverged');
    expect(r.flags).toEqual([]);
    expect(r.quality).toEqual({ lossRatio: null, agopRank: 0 });
  });

  it('a well-trained balanced net has no flags', async () => {
    const r = await train({ ...task, depth: 2, initScale: 1, learningRate: 0.04, steps: 4000 });
    expect(r.flags).toEqual([]);
    expect(r.quality.lossRatio!).toBeLessThan(1e-6);
    expect(r.quality.agopRank).toBe(6);
  });

  it('an untrained net (steps: 0) is not fit: loss ratio exactly 1', async () => {
    const r = await train({ ...task, depth: 3, init: 'gaussian', initScale: 1, steps: 0 });
    expect(r.status).toBe('ok');
    expect(r.flags).toEqual(['not-fit']);
    expect(r.quality).toEqual({ lossRatio: 1, agopRank: 6 });
  });

  it('a linear net with one output has a rank-one AGOP: alpha-unidentifiable', async () => {
    const r = await train({ ...task, outputDim: 1, depth: 2, initScale: 1, learningRate: 0.04 });
    expect(r.final!.loss!).toBeLessThan(1e-10); // it fits
    expect(r.flags).toEqual(['alpha-unidentifiable']);
    expect(r.quality.agopRank).toBe(1);
    expect(r.final!.alphaHat).toBeNull();
  });

  // Small-init deep linear nets under weight decay: 6 layers, lr 0.0133, λ = 0.05, 4000 steps.
  const deep: RunConfigInput = {
    ...task,
    depth: 6,
    init: 'gaussian',
    weightDecay: 0.05,
    learningRate: 0.0133,
    steps: 4000,
  };

  it('σ = 0.5: decay keeps only the top mode of the teacher: not fit, rank one', async () => {
    const r = await train({ ...deep, initScale: 0.5 });
    expect(r.status).toBe('ok');
    expect(r.flags).toEqual(['not-fit', 'alpha-unidentifiable']);
    expect(r.quality.agopRank).toBe(1);
    expect(r.quality.lossRatio!).toBeGreaterThan(0.3);
    expect(r.quality.lossRatio!).toBeLessThan(0.5);
  });

  it('σ = 0.3: the net decays to zero before it learns anything: collapsed', async () => {
    const r = await train({ ...deep, initScale: 0.3 });
    expect(r.status).toBe('ok');
    expect(r.flags).toEqual(['not-fit', 'collapsed']);
    expect(r.quality.lossRatio!).toBeGreaterThan(0.99);
    const norm = Math.hypot(...r.final!.agop.flat());
    expect(norm).toBeLessThan(1e-15);
  });
});
