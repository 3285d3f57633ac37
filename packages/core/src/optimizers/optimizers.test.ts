import { describe, expect, it } from 'vitest';
import type { OptimizerSettings } from './optimizer.js';
import { resolveConfig } from '../config/resolve.js';
import { OPTIMIZERS } from '../config/schema.js';
import { makeOptimizer } from './make-optimizer.js';

const settings: OptimizerSettings = {
  learningRate: 0.1,
  weightDecay: 0.5,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.99,
  eps: 1e-8,
};

/** Runs `steps` updates of one scalar parameter with a constant gradient g. */
function trajectory(name: (typeof OPTIMIZERS)[number], g: number, steps: number, wd = 0.5) {
  const opt = makeOptimizer(resolveConfig({ ...settings, weightDecay: wd, optimizer: name }));
  const p = [Float64Array.of(1)];
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    opt.step(p, [Float64Array.of(g)]);
    out.push(p[0]![0]!);
  }
  return out;
}

describe('optimizers', () => {
  it('gd applies coupled weight decay: W ← W − η(g + λW)', () => {
    const [w1, w2] = trajectory('gd', 0.2, 2);
    expect(w1).toBeCloseTo(1 - 0.1 * (0.2 + 0.5), 14);
    expect(w2).toBeCloseTo(w1! - 0.1 * (0.2 + 0.5 * w1!), 14);
  });

  it('momentum and nesterov follow their recurrences', () => {
    const [m1, m2] = trajectory('momentum', 0.2, 2, 0);
    expect(m1).toBeCloseTo(1 - 0.1 * 0.2, 14);
    expect(m2).toBeCloseTo(m1! - 0.1 * (0.9 * 0.2 + 0.2), 14);
    const [n1] = trajectory('nesterov', 0.2, 1, 0);
    expect(n1).toBeCloseTo(1 - 0.1 * (0.2 + 0.9 * 0.2), 14);
  });

  it('adam takes a first step of size η·sign(g), whatever the gradient scale', () => {
    for (const g of [0.1, 1, 1e3]) {
      const [w] = trajectory('adam', g, 1, 0);
      expect(w).toBeCloseTo(1 - 0.1, 6);
    }
  });

  it('adamw decays decoupled from the moments, adam coupled', () => {
    // With g = 0: adamw shrinks by exactly (1 − ηλ) per step; adam moves by η·sign(λW).
    const [aw] = trajectory('adamw', 0, 1);
    expect(aw).toBeCloseTo(1 - 0.1 * 0.5, 14);
    const [a] = trajectory('adam', 0, 1);
    expect(a).toBeCloseTo(1 - 0.1, 6);
  });

  it('rmsprop and adagrad normalize by the running gradient size', () => {
    const [r] = trajectory('rmsprop', 2, 1, 0);
    expect(r).toBeCloseTo(1 - (0.1 * 2) / Math.sqrt(0.01 * 4), 6);
    const [a1, a2] = trajectory('adagrad', 2, 2, 0);
    expect(a1).toBeCloseTo(1 - 0.1, 8);
    expect(a2).toBeCloseTo(a1! - (0.1 * 2) / Math.sqrt(8), 8);
  });

  it.each(OPTIMIZERS)(
    '%s minimizes a quadratic with weight decay to its penalized optimum',
    (name) => {
      // f(w) = ½(w − 3)²; with decay λ the optimum of f + λ/2·w² is 3/(1 + λ), except adamw,
      // whose decoupled fixed point is where η·m̂/√v̂ balances ηλw.
      const lr = name === 'adagrad' ? 0.5 : name === 'gd' || name === 'sgd' ? 0.1 : 0.02;
      const opt = makeOptimizer(
        resolveConfig({ optimizer: name, learningRate: lr, weightDecay: 0.25 }),
      );
      const p = [Float64Array.of(0)];
      for (let t = 0; t < 20000; t++) opt.step(p, [Float64Array.of(p[0]![0]! - 3)]);
      if (name !== 'adamw') expect(p[0]![0]!).toBeCloseTo(3 / 1.25, 2);
      else expect(p[0]![0]!).toBeGreaterThan(2.4);
    },
  );
});
