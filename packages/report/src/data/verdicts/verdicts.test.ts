import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRecord, normalize, passingSet, toJsonl } from '../../test-support/records.js';
import { loadResultsDirs } from '../load.js';
import { counterexampleVerdict } from './counterexamples.js';
import { depthVerdict } from './depth.js';
import { emergenceVerdict } from './emergence.js';
import { computeVerdicts } from './index.js';
import { optimizerVerdict } from './optimizers.js';
import { imbalanceSlope, theorySlope, weightDecayVerdict } from './weight-decay.js';

const load = normalize;

/** Three seeds of one balanced gd depth, with options for every seed. */
const depthRuns = (depth: number, o: Partial<Parameters<typeof makeRecord>[0]> = {}) =>
  [0, 1, 2].map((seed) => makeRecord({ id: `d${depth}-s${seed}`, depth, seed, ...o }));

describe('verdicts on a set where every claim holds', () => {
  const verdicts = computeVerdicts(load(passingSet()));
  it('passes the four claims and reports optimizers as info', () => {
    expect(verdicts.map((v) => [v.key, v.state, v.summary])).toEqual([
      ['depth', 'pass', expect.any(String)],
      ['emergence', 'pass', expect.any(String)],
      ['weight-decay', 'pass', expect.any(String)],
      ['counterexamples', 'pass', expect.any(String)],
      ['optimizers', 'info', expect.any(String)],
    ]);
  });
  it('shows the numbers per depth, with an interval and the window between neighbours', () => {
    const depth = verdicts[0]!;
    expect(depth.table.rows.map((r) => r[0])).toEqual([2, 3, 4]);
    expect(depth.table.rows.map((r) => r[1])).toEqual([3, 3, 3]);
    expect(depth.table.rows[1]![3] as number).toBeCloseTo(1 / 3, 10);
    // L = 3: the window runs from the midpoint to 1/4 to the midpoint to 1/2.
    expect(depth.table.rows[1]![5]).toBe('(0.2917, 0.4167)');
  });
  it('names the single counterexample and keeps the rich net as the positive control', () => {
    expect(verdicts[3]!.table.rows.map((r) => r[0])).toEqual(['relu-lazy']);
    expect(verdicts[3]!.summary).toContain('1 of 2 fitted');
  });
  it('labels the balanced-start verdict as conservation', () => {
    expect(verdicts[0]!.scope).toContain('conservation, not emergence');
  });
});

describe('depth verdict', () => {
  it('fails when α̂ is 1/2 at every depth (the two-layer exponent)', () => {
    const v = depthVerdict(load([2, 3, 4].flatMap((d) => depthRuns(d, { alphaHat: 0.5 }))));
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('L = 3, 4');
  });
  it('fails when corr(1/2) is as high as corr(1/L) at depth ≥ 3', () => {
    const v = depthVerdict(load([2, 3].flatMap((d) => depthRuns(d, { corrHalf: 0.9995 }))));
    expect(v.state).toBe('fail');
  });
  it('fails when one seed lands nearer the neighbouring exponent (the interval includes it)', () => {
    const runs = [...depthRuns(2), ...depthRuns(3)];
    runs[5] = makeRecord({ id: 'd3-s2', depth: 3, seed: 2, alphaHat: 0.28 });
    expect(depthVerdict(load(runs)).state).toBe('fail');
  });
  it('needs at least two depths', () => {
    expect(depthVerdict(load(depthRuns(3))).state).toBe('not-enough-data');
  });
  it('needs three seeds per depth for an interval', () => {
    const v = depthVerdict(load([...depthRuns(2), ...depthRuns(3).slice(0, 2)]));
    expect(v.state).toBe('not-enough-data');
    expect(v.summary).toContain('L = 3 (2 usable)');
  });
  it('ignores runs that are not balanced linear gd', () => {
    const recs = load([
      ...depthRuns(2, { optimizer: 'adam' }),
      ...depthRuns(3, { init: 'gaussian' }),
    ]);
    expect(depthVerdict(recs).state).toBe('not-enough-data');
  });
  it('leaves flagged runs out and says why', () => {
    const runs = [...depthRuns(2), ...depthRuns(3), ...depthRuns(4, { flags: ['alpha-at-bound'] })];
    const v = depthVerdict(load(runs));
    expect(v.state).toBe('not-enough-data');
    expect(v.exclusions.total).toBe(3);
    expect(v.exclusions.byReason[0]!.reason).toContain('bound');
  });
});

describe('emergence verdict', () => {
  const unbalanced = (o: Partial<Parameters<typeof makeRecord>[0]>) =>
    [0, 1, 2].map((seed) =>
      makeRecord({
        id: `e-s${seed}-${o.weightDecay}`,
        seed,
        init: 'gaussian',
        depth: 3,
        learningRate: 0.05,
        steps: 2000,
        corrStart: 0.8,
        corrEnd: 0.995,
        ...o,
      }),
    );
  it('passes when the exponent appears once the imbalance is gone', () => {
    expect(emergenceVerdict(load(unbalanced({ weightDecay: 0.05 }))).state).toBe('pass');
  });
  it('does not judge groups that still carry their imbalance', () => {
    const v = emergenceVerdict(load(unbalanced({ weightDecay: 0.01, steps: 500 })));
    expect(v.state).toBe('not-enough-data');
    expect(v.table.rows[0]![8]).toBe('no');
  });
  it('does not judge starts where the NFA already holds', () => {
    const v = emergenceVerdict(load(unbalanced({ weightDecay: 0.05, corrStart: 0.999 })));
    expect(v.state).toBe('not-enough-data');
  });
  it('fails when the exponent that appears is 1/(L+1)', () => {
    const v = emergenceVerdict(load(unbalanced({ weightDecay: 0.05, alphaHat: 0.25 })));
    expect(v.state).toBe('fail');
  });
});

describe('weight-decay verdict', () => {
  const group = (weightDecay: number, o: Partial<Parameters<typeof makeRecord>[0]> = {}) =>
    [0, 1, 2].map((seed) =>
      makeRecord({
        id: `w${weightDecay}-s${seed}-${o.depth ?? 3}`,
        seed,
        init: 'gaussian',
        depth: 3,
        weightDecay,
        learningRate: 0.05,
        corrStart: 0.8,
        corrEnd: weightDecay > 0 ? 0.99 : 0.8,
        ...o,
      }),
    );
  it('recovers the gd decay rate from the logged imbalance', () => {
    const [r] = load(group(0.02, { learningRate: 0.1 }));
    expect(imbalanceSlope(r!)).toBeCloseTo(theorySlope(0.1, 0.02)!, 8);
    expect(theorySlope(0.1, 0.02)!).toBeCloseTo(-2 * 0.1 * 0.02, 4);
  });
  it('passes with a group that shed its imbalance and a λ = 0 control', () => {
    expect(weightDecayVerdict(load([...group(0.05), ...group(0)])).state).toBe('pass');
  });
  it('fails when the decay is twice too fast', () => {
    const v = weightDecayVerdict(
      load([...group(0.05, { imbalanceFactor: (1 - 0.05 * 0.05) ** 4 }), ...group(0)]),
    );
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('2.00× theory');
  });
  it('fails when the imbalance is gone but the NFA is not restored', () => {
    const v = weightDecayVerdict(load([...group(0.05, { corrEnd: 0.85 }), ...group(0)]));
    expect(v.state).toBe('fail');
  });
  it('judges a group that still carries much of its imbalance on the rate alone', () => {
    // The theory predicts the asymptote, not a monotone rise: a transient dip is no failure…
    const dip = group(0.01, { corrStart: 0.9, corrEnd: 0.8 });
    expect(weightDecayVerdict(load([...group(0.05), ...dip, ...group(0)])).state).toBe('pass');
    // …but a wrong rate in that group is.
    const wrong = group(0.01, { corrStart: 0.9, corrEnd: 0.8, imbalanceFactor: 0.9999 });
    expect(weightDecayVerdict(load([...group(0.05), ...wrong, ...group(0)])).state).toBe('fail');
  });
  it('fails when one λ = 0 run loses its imbalance, whatever the median', () => {
    const control = group(0);
    control[2] = makeRecord({
      id: 'w0-lossy',
      init: 'gaussian',
      depth: 3,
      seed: 2,
      imbalanceFactor: 0.999,
    });
    const v = weightDecayVerdict(load([...group(0.05), ...control]));
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('should be conserved');
  });
  it('is not enough data when no λ > 0 run shed its imbalance', () => {
    const v = weightDecayVerdict(load([...group(0.01, { corrEnd: 0.9 }), ...group(0)]));
    expect(v.state).toBe('not-enough-data');
    expect(v.summary).toContain('train longer');
  });
  it('needs the λ = 0 control', () => {
    expect(weightDecayVerdict(load(group(0.05))).state).toBe('not-enough-data');
  });
});

describe('counterexample verdict', () => {
  const net = (id: string, centredEnd: number, o: Partial<Parameters<typeof makeRecord>[0]> = {}) =>
    makeRecord({ id, activation: 'relu', lossEnd: 1e-6, centredEnd, ...o });
  it('fails when every nonlinear net that fits also aligns', () => {
    const v = counterexampleVerdict(load([net('a', 0.97), net('b', 0.93)]));
    expect(v.state).toBe('fail');
    expect(v.summary).toContain('All 2 fitted');
  });
  it('does not count a net that does not fit', () => {
    const v = counterexampleVerdict(load([net('a', 0.4, { lossEnd: 0.01 }), net('b', 0.97)]));
    expect(v.state).toBe('fail');
    expect(v.exclusions.total).toBe(1);
  });
  it('needs a positive control: low ρ everywhere is not enough', () => {
    const v = counterexampleVerdict(load([net('a', 0.4), net('b', 0.5)]));
    expect(v.state).toBe('not-enough-data');
  });
  it('shows the counts across thresholds for both statistics', () => {
    const v = counterexampleVerdict(load([net('a', 0.6), net('b', 0.97)]));
    const counts = v.extra[0]!.table;
    expect(counts.rows.map((r) => r[1])).toEqual([0, 1, 1, 1, 1, 1]);
  });
});

describe('optimizer summary', () => {
  it('leaves flagged runs out of the medians', () => {
    const v = optimizerVerdict(
      load([
        makeRecord({ id: 'a', optimizer: 'adam', corrEnd: 0.9 }),
        makeRecord({ id: 'b', optimizer: 'adam', corrEnd: 0.1, flags: ['collapsed'] }),
      ]),
    );
    expect(v.table.rows[0]!.slice(0, 3)).toEqual(['adam', 1, 0.9]);
    expect(v.exclusions.total).toBe(1);
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
      'not-enough-data',
    ]);
  });
  it('no records at all', () => {
    expect(computeVerdicts([]).every((v) => v.state === 'not-enough-data')).toBe(true);
  });
  it('records with missing metrics count as not enough data', () => {
    const bare = [2, 3].flatMap((d) =>
      depthRuns(d).map((r) => ({ ...r, history: undefined, final: undefined, flags: undefined })),
    );
    const recs = load(bare);
    expect(recs).toHaveLength(6);
    expect(depthVerdict(recs).state).toBe('not-enough-data');
    expect(weightDecayVerdict(recs).state).toBe('not-enough-data');
  });
  it('a torn last line drops one record and keeps the verdict computable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-torn-'));
    const extra = JSON.stringify(makeRecord({ id: 'torn', depth: 6 }));
    writeFileSync(join(dir, 'shard.jsonl'), toJsonl(passingSet()) + extra.slice(0, 50));
    const loaded = await loadResultsDirs([dir]);
    expect(loaded.records).toHaveLength(passingSet().length);
    expect(loaded.issues.map((i) => i.kind)).toEqual(['torn-line']);
    expect(depthVerdict(loaded.records).state).toBe('pass');
  });
});
