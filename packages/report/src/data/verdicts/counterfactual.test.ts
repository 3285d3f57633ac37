/**
 * Counterfactual data for every verdict: sets in which the claim is false, or in which the runs
 * cannot be evidence, built by changing one thing in a set where every claim passes. None may
 * come out `pass`. (quick-sweep.e2e.test.ts does the same to the records of a real sweep.)
 */
import { describe, expect, it } from 'vitest';
import { makeRecord, normalize, passingSet } from '../../test-support/records.js';
import { computeVerdicts } from './index.js';
import type { VerdictKey } from './types.js';

type Raw = Record<string, unknown>;
const load = normalize;
const states = (raw: Raw[]) =>
  Object.fromEntries(computeVerdicts(load(raw)).map((v) => [v.key, v.state])) as Record<
    VerdictKey,
    string
  >;
const cfg = (r: Raw) => r['config'] as Record<string, unknown>;
const linearGd = (r: Raw) => cfg(r)['activation'] === 'linear' && cfg(r)['optimizer'] === 'gd';

/** Rebuild a passing-set record with changed options (same id and config otherwise). */
function remake(r: Raw, o: Partial<Parameters<typeof makeRecord>[0]>): Raw {
  const c = cfg(r);
  return makeRecord({
    id: r['id'] as string,
    experiment: r['experiment'] as string,
    status: r['status'] as 'ok',
    depth: c['depth'] as number,
    init: c['init'] as string,
    activation: c['activation'] as string,
    optimizer: c['optimizer'] as string,
    learningRate: c['learningRate'] as number,
    weightDecay: c['weightDecay'] as number,
    initScale: c['initScale'] as number,
    seed: c['seed'] as number,
    steps: c['steps'] as number,
    corrStart: (r['history'] as Raw[] | undefined)?.[0]?.['nfaCorr'] as number | undefined,
    ...o,
  });
}

describe('counterfactual data never passes', () => {
  it('the baseline set passes every claim (so each change below is what flips it)', () => {
    expect(states(passingSet())).toEqual({
      depth: 'pass',
      emergence: 'pass',
      'weight-decay': 'pass',
      counterexamples: 'pass',
      optimizers: 'info',
    });
  });

  it('W1ᵀW1 = AGOP^{1/(L+1)}: the exponent of the next depth fails depth and emergence', () => {
    const set = passingSet().map((r) =>
      linearGd(r) && r['status'] === 'ok'
        ? remake(r, { alphaHat: 1 / ((cfg(r)['depth'] as number) + 1) })
        : r,
    );
    const s = states(set);
    expect(s.depth).toBe('fail');
    expect(s.emergence).toBe('fail');
  });

  it('W1ᵀW1 = AGOP^{1/(L+1)} at the deepest depth only still fails', () => {
    const set = passingSet().map((r) =>
      linearGd(r) && cfg(r)['init'] === 'balanced' && cfg(r)['depth'] === 4
        ? remake(r, { alphaHat: 1 / 5 })
        : r,
    );
    expect(states(set).depth).toBe('fail');
  });

  it('untrained networks (steps: 0) are not evidence for any claim', () => {
    // What core records for steps: 0: one history point, final = step 0, loss ratio 1.
    const set = passingSet().map((r) => {
      if (r['status'] !== 'ok') return r;
      const h = (r['history'] as Raw[])[0]!;
      return {
        ...r,
        config: { ...cfg(r), steps: 0 },
        history: [h],
        final: { ...(r['final'] as Raw), ...h, step: 0 },
        flags: ['not-fit'],
        quality: { lossRatio: 1, agopRank: 4 },
      };
    });
    const s = states(set);
    for (const key of ['depth', 'emergence', 'weight-decay', 'counterexamples'] as const) {
      expect(s[key], key).toBe('not-enough-data');
    }
  });

  it('collapsed runs are not evidence', () => {
    const set = passingSet().map((r) =>
      r['status'] === 'ok' ? { ...r, flags: ['collapsed'] } : r,
    );
    const s = states(set);
    for (const key of ['depth', 'emergence', 'weight-decay', 'counterexamples'] as const) {
      expect(s[key], key).toBe('not-enough-data');
    }
  });

  it('a depth whose runs all diverged does not vanish from the depth verdict', () => {
    const set = passingSet().map((r) =>
      linearGd(r) && cfg(r)['init'] === 'balanced' && cfg(r)['depth'] === 4
        ? remake(r, { status: 'diverged' })
        : r,
    );
    expect(states(set).depth).toBe('not-enough-data');
  });

  it('imbalance decaying at half the theoretical rate fails the weight-decay verdict', () => {
    const set = passingSet().map((r) => {
      const c = cfg(r);
      if (!linearGd(r) || c['init'] === 'balanced' || !((c['weightDecay'] as number) > 0)) return r;
      const eta = c['learningRate'] as number;
      const lambda = c['weightDecay'] as number;
      return remake(r, { imbalanceFactor: Math.sqrt((1 - eta * lambda) ** 2) });
    });
    expect(states(set)['weight-decay']).toBe('fail');
  });

  it('imbalance decaying without weight decay fails the λ = 0 control', () => {
    const set = passingSet().map((r) =>
      linearGd(r) && cfg(r)['init'] !== 'balanced' && cfg(r)['weightDecay'] === 0
        ? remake(r, { imbalanceFactor: (1 - 0.05 * 0.05) ** 2 })
        : r,
    );
    expect(states(set)['weight-decay']).toBe('fail');
  });

  it('nonlinear nets whose W1ᵀW1 is a power of their AGOP are no counterexample', () => {
    const set = passingSet().map((r) =>
      cfg(r)['activation'] !== 'linear' && r['status'] === 'ok'
        ? remake(r, { centredEnd: 1, nfaCorrBest: 1, lossEnd: 1e-6 })
        : r,
    );
    expect(states(set).counterexamples).toBe('fail');
  });

  it('a lazy net that did not fit is no counterexample', () => {
    const set = passingSet().map((r) =>
      r['id'] === 'relu-lazy' ? remake(r, { lossEnd: 0.05, centredEnd: 0.6 }) : r,
    );
    expect(states(set).counterexamples).toBe('fail');
  });
});
