import { describe, expect, it } from 'vitest';
import { makeRecord, normalize } from '../test-support/records.js';
import { counterexamplesData, RATIO_FLOOR } from './counterexamples.js';

const nonlinear = (id: string, lossEnd: number, initScale: number, activation = 'relu') =>
  makeRecord({
    id,
    activation,
    init: 'gaussian',
    initScale,
    lossStart: 2,
    lossEnd,
    centredEnd: 0.5,
  });

describe('counterexample scatter data', () => {
  const d = counterexamplesData(
    normalize([
      nonlinear('zero', 2e-31, 4),
      nonlinear('tiny', 6e-17, 4, 'tanh'),
      nonlinear('small', 2e-9, 0.25),
    ]),
  );

  it('ratios below float64 round-off are drawn at the floor and counted; the true ratio is kept', () => {
    const byId = Object.fromEntries(d.points.map((p) => [p.id, p]));
    expect(byId['zero']!.ratio).toBeCloseTo(1e-31, 40);
    expect(byId['zero']!.x).toBe(RATIO_FLOOR);
    expect(byId['tiny']!.x).toBe(RATIO_FLOOR); // 3e-17 < 1e-16
    expect(byId['small']!.x).toBeCloseTo(1e-9, 15);
    expect(d.belowFloor).toBe(2);
    expect(d.minRatio).toBeCloseTo(1e-31, 40);
  });

  it('curves are coloured by activation and init scale, not one colour per run', () => {
    expect(d.curveRuns.map((r) => r.group).sort()).toEqual([
      'relu, σ = 0.25',
      'relu, σ = 4',
      'tanh, σ = 4',
    ]);
  });
});
