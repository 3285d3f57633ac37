import { describe, expect, it } from 'vitest';
import { makeRecord, passingSet, toJsonl } from '../test-support/records.js';
import { parseJsonl } from './parse.js';
import {
  computeVerdicts,
  counterexampleVerdict,
  depthVerdict,
  imbalanceSlope,
  theorySlope,
  weightDecayVerdict,
} from './verdicts.js';

const load = (raw: Record<string, unknown>[]) => parseJsonl(toJsonl(raw), 'set.jsonl').records;

describe('verdicts on a set where every claim holds', () => {
  const verdicts = computeVerdicts(load(passingSet()));
  it('passes the three claims and reports optimizers as info', () => {
    expect(verdicts.map((v) => [v.key, v.state])).toEqual([
      ['depth', 'pass'],
      ['weight-decay', 'pass'],
      ['counterexamples', 'pass'],
      ['optimizers', 'info'],
    ]);
  });
  it('shows the numbers per depth', () => {
    const depth = verdicts[0]!;
    expect(depth.table.rows.map((r) => r[0])).toEqual([2, 3, 4]);
    expect(depth.table.rows.map((r) => r[1])).toEqual([2, 2, 2]);
    expect(depth.table.rows[1]![3] as number).toBeCloseTo(1 / 3, 10);
  });
  it('names the single counterexample', () => {
    expect(verdicts[2]!.table.rows.map((r) => r[0])).toEqual(['relu-lazy']);
  });
});

describe('depth verdict', () => {
  it('fails when α̂ is 1/2 at every depth (the two-layer exponent)', () => {
    const recs = load(
      [2, 3, 4].map((depth) => makeRecord({ id: `d${depth}`, depth, alphaHat: 0.5 })),
    );
    const v = depthVerdict(recs);
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('L = 3, 4');
  });
  it('fails when corr(1/2) is as high as corr(1/L) at depth ≥ 3', () => {
    const recs = load(
      [2, 3].map((depth) => makeRecord({ id: `d${depth}`, depth, corrHalf: 0.9995 })),
    );
    expect(depthVerdict(recs).state).toBe('fail');
  });
  it('needs at least two depths', () => {
    const recs = load([
      makeRecord({ id: 'a', depth: 3 }),
      makeRecord({ id: 'b', depth: 3, seed: 1 }),
    ]);
    expect(depthVerdict(recs).state).toBe('not-enough-data');
  });
  it('ignores runs that are not balanced linear gd', () => {
    const recs = load([
      makeRecord({ id: 'a', depth: 2, optimizer: 'adam' }),
      makeRecord({ id: 'b', depth: 3, init: 'gaussian' }),
    ]);
    expect(depthVerdict(recs).state).toBe('not-enough-data');
  });
});

describe('weight-decay verdict', () => {
  it('recovers the gd decay rate from the logged imbalance', () => {
    const [r] = load([
      makeRecord({ id: 'u', init: 'gaussian', weightDecay: 0.02, learningRate: 0.1 }),
    ]);
    expect(imbalanceSlope(r!)).toBeCloseTo(theorySlope(0.1, 0.02)!, 8);
    expect(theorySlope(0.1, 0.02)!).toBeCloseTo(-2 * 0.1 * 0.02, 4);
  });
  it('fails when the decay is twice too fast', () => {
    const recs = load([
      makeRecord({
        id: 'u1',
        init: 'gaussian',
        weightDecay: 0.01,
        imbalanceFactor: (1 - 0.05 * 0.01) ** 4,
        corrStart: 0.8,
        corrEnd: 0.99,
      }),
      makeRecord({ id: 'u0', init: 'gaussian', weightDecay: 0, corrStart: 0.8, corrEnd: 0.8 }),
    ]);
    const v = weightDecayVerdict(recs);
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('ratio 2.00');
  });
  it('fails when the imbalance is gone but the NFA is not restored', () => {
    const recs = load([
      makeRecord({ id: 'u1', init: 'gaussian', weightDecay: 0.05, corrStart: 0.8, corrEnd: 0.85 }),
      makeRecord({ id: 'u0', init: 'gaussian', weightDecay: 0 }),
    ]);
    expect(weightDecayVerdict(recs).state).toBe('fail');
  });
  it('fails when corr(1/L) falls while the imbalance decays', () => {
    const recs = load([
      makeRecord({ id: 'u1', init: 'gaussian', weightDecay: 0.01, corrStart: 0.9, corrEnd: 0.8 }),
      makeRecord({ id: 'u0', init: 'gaussian', weightDecay: 0 }),
    ]);
    expect(weightDecayVerdict(recs).state).toBe('fail');
  });
  it('holds a λ > 0 group that has shed little imbalance only to the decay rate', () => {
    // λ = 0.001: (1 − ηλ)^2000 ≈ 0.90 of the imbalance is left, so corr(1/L) may still dip.
    const recs = load([
      makeRecord({ id: 'u1', init: 'gaussian', weightDecay: 0.001, corrStart: 0.7, corrEnd: 0.68 }),
      makeRecord({ id: 'u2', init: 'gaussian', weightDecay: 0.05, corrStart: 0.8, corrEnd: 0.99 }),
      makeRecord({ id: 'u0', init: 'gaussian', weightDecay: 0 }),
    ]);
    const v = weightDecayVerdict(recs);
    expect(v.state, v.summary).toBe('pass');
    const slow = recs.filter((r) => r.id === 'u1');
    expect(weightDecayVerdict(slow.concat(recs.filter((r) => r.id === 'u0'))).state).toBe(
      'not-enough-data',
    );
  });
  it('is not enough data when no λ > 0 run trained long enough to shed its imbalance', () => {
    const recs = load([
      makeRecord({ id: 'u1', init: 'gaussian', weightDecay: 0.01, corrStart: 0.8, corrEnd: 0.9 }),
      makeRecord({ id: 'u0', init: 'gaussian', weightDecay: 0 }),
    ]);
    const v = weightDecayVerdict(recs);
    expect(v.state).toBe('not-enough-data');
    expect(v.summary).toContain('train longer');
  });
  it('fails when imbalance vanishes without weight decay', () => {
    const recs = load([
      makeRecord({ id: 'u1', init: 'gaussian', weightDecay: 0.05, corrStart: 0.8, corrEnd: 0.99 }),
      makeRecord({ id: 'u0', init: 'gaussian', weightDecay: 0, imbalanceFactor: 0.99 }),
    ]);
    expect(weightDecayVerdict(recs).state).toBe('fail');
  });
  it('needs the λ = 0 control', () => {
    const recs = load([
      makeRecord({ id: 'u1', init: 'gaussian', weightDecay: 0.01, corrStart: 0.8, corrEnd: 0.99 }),
    ]);
    expect(weightDecayVerdict(recs).state).toBe('not-enough-data');
  });
});

describe('counterexample verdict', () => {
  it('fails when every nonlinear net that fits also aligns', () => {
    const recs = load([
      makeRecord({ id: 'r', activation: 'relu', lossEnd: 1e-5, nfaCorrBest: 0.97 }),
    ]);
    const v = counterexampleVerdict(recs);
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('1 fit');
  });
  it('does not count a net that does not fit', () => {
    const recs = load([
      makeRecord({ id: 'r', activation: 'relu', lossEnd: 0.1, nfaCorrBest: 0.5 }),
    ]);
    expect(counterexampleVerdict(recs).state).toBe('fail');
  });
});

describe('degenerate result sets', () => {
  it('all runs failed: nothing passes, nothing throws', () => {
    const recs = load(
      ['a', 'b', 'c'].map((id, i) =>
        makeRecord({ id, status: i === 0 ? 'diverged' : 'failed', depth: i + 2 }),
      ),
    );
    expect(recs).toHaveLength(3);
    expect(computeVerdicts(recs).map((v) => v.state)).toEqual([
      'not-enough-data',
      'not-enough-data',
      'not-enough-data',
      'not-enough-data',
    ]);
  });
  it('no records at all', () => {
    expect(computeVerdicts([]).every((v) => v.state === 'not-enough-data')).toBe(true);
  });
  it('records with missing metrics count as not enough data', () => {
    const bare = [2, 3].map((depth) => {
      const r = makeRecord({ id: `d${depth}`, depth });
      return { ...r, history: undefined, final: undefined };
    });
    const recs = load(bare);
    expect(recs).toHaveLength(2);
    expect(depthVerdict(recs).state).toBe('not-enough-data');
    expect(weightDecayVerdict(recs).state).toBe('not-enough-data');
  });
  it('a torn last line drops one record and keeps the verdict computable', () => {
    const text = toJsonl(passingSet());
    const extra = JSON.stringify(makeRecord({ id: 'torn', depth: 6 }));
    const parsed = parseJsonl(text + extra.slice(0, 50), 'shard.jsonl');
    expect(parsed.records).toHaveLength(passingSet().length);
    expect(parsed.issues.map((i) => i.kind)).toEqual(['torn-line']);
    expect(depthVerdict(parsed.records).state).toBe('pass');
  });
});
