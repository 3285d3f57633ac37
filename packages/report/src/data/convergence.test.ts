import { describe, expect, it } from 'vitest';
import { makeRecord, normalize } from '../test-support/records.js';
import { convergenceData, POINTS_PER_GROUP, ROUNDOFF } from './convergence.js';
import { decayRuns, imbalanceSlope, theorySlope } from './verdicts/weight-decay.js';

/** Type-7 quantile of a few numbers, written out independently of stats.ts. */
function q7(xs: number[], q: number): number {
  const v = [...xs].sort((a, b) => a - b);
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  return v[lo]! + (v[Math.ceil(pos)]! - v[lo]!) * (pos - lo);
}

const gaussian = (seed: number, start: number, wd = 0.05) =>
  makeRecord({
    id: `g${wd}-s${seed}`,
    init: 'gaussian',
    depth: 3,
    learningRate: 0.02,
    weightDecay: wd,
    seed,
    imbalanceStart: start,
    corrStart: 0.6 + 0.05 * seed,
    corrEnd: 0.99,
  });

describe('convergence bands', () => {
  const raw = [
    gaussian(0, 1),
    gaussian(1, 4),
    gaussian(2, 2),
    gaussian(3, 8),
    ...[2, 4, 8].map((L) => makeRecord({ id: `bal-L${L}`, depth: L, imbalanceStart: 3e-15 })),
    makeRecord({ id: 'adam', depth: 3, optimizer: 'adam', init: 'gaussian', imbalanceStart: 5 }),
    makeRecord({ id: 'relu', activation: 'relu', init: 'gaussian' }),
  ];
  const records = normalize(raw);
  const d = convergenceData(records);

  it('one group per init × optimizer × λ × depth × η, every depth kept', () => {
    expect(d.total).toBe(8); // the relu run is not linear
    expect(d.groups.map((g) => [g.init, g.opt, g.L, g.n])).toEqual([
      ['balanced', 'gd', 2, 1],
      ['balanced', 'gd', 4, 1],
      ['balanced', 'gd', 8, 1],
      ['gaussian', 'gd', 3, 4],
      ['gaussian', 'adam', 3, 1],
    ]);
    expect(d.gdDepths).toEqual([2, 3, 4, 8]);
  });

  it('the band is the per-step median and quartiles of the seeds', () => {
    const g = d.groups.find((x) => x.init === 'gaussian' && x.opt === 'gd')!;
    const seeds = records.filter((r) => r.id.startsWith('g0.05'));
    for (const m of ['i', 'c', 'l'] as const) {
      const key = { i: 'imbalance', c: 'nfaCorr', l: 'loss' } as const;
      const bands = d.bands.filter((b) => b.g === g.g && b.m === m);
      expect(bands.length).toBe(seeds[0]!.history.length); // 11 logged steps ≤ POINTS_PER_GROUP
      for (const b of bands) {
        const vs = seeds.map((r) => r.history.find((h) => h.step === b.s)![key[m]] as number);
        // Stored to 4 (imbalance, loss) or 5 (corr) significant digits: a relative tolerance.
        for (const [got, q] of [
          [b.med, 0.5],
          [b.q1, 0.25],
          [b.q3, 0.75],
        ] as const) {
          expect(Math.abs(got / q7(vs, q) - 1), `${m} step ${b.s} q${q}`).toBeLessThan(1e-3);
        }
        expect(b.q1).toBeLessThanOrEqual(b.med);
        expect(b.med).toBeLessThanOrEqual(b.q3);
      }
    }
  });

  it('the theory line decays by (1 − ηλ)² per step from the median start', () => {
    const g = d.groups.find((x) => x.init === 'gaussian' && x.opt === 'gd')!;
    const th = d.theory.filter((t) => t.g === g.g);
    expect(th[0]).toEqual({ g: g.g, s: 0, i: q7([1, 4, 2, 8], 0.5) });
    const last = th[th.length - 1]!;
    expect(last.i / th[0]!.i).toBeCloseTo((1 - 0.02 * 0.05) ** (2 * last.s), 3);
    // No theory for balanced starts, λ = 0 or other optimizers.
    expect(new Set(d.theory.map((t) => t.g))).toEqual(new Set([g.g]));
  });

  it('a balanced start at round-off is dropped from the imbalance band and reported', () => {
    const bal = d.groups.filter((g) => g.init === 'balanced');
    expect(d.roundoff.map((r) => r.g)).toEqual(bal.map((g) => g.g));
    for (const r of d.roundoff) {
      expect(r.start).toBeLessThanOrEqual(ROUNDOFF);
      expect(r.step).toBe(100);
      const first = d.bands.find((b) => b.g === r.g && b.m === 'i')!;
      expect(first.s).toBe(100);
      // Other metrics keep step 0.
      expect(d.bands.find((b) => b.g === r.g && b.m === 'c')!.s).toBe(0);
    }
    const gauss = d.groups.find((x) => x.init === 'gaussian' && x.opt === 'gd')!;
    expect(d.bands.find((b) => b.g === gauss.g && b.m === 'i')!.s).toBe(0);
  });

  it('long histories are downsampled to POINTS_PER_GROUP steps, keeping the ends', () => {
    const long = convergenceData(
      normalize([makeRecord({ id: 'long', steps: 10_000, logEvery: 10 })]),
    );
    const c = long.bands.filter((b) => b.m === 'c');
    expect(c.length).toBe(POINTS_PER_GROUP);
    expect(c[0]!.s).toBe(0);
    expect(c[c.length - 1]!.s).toBe(10_000);
  });

  it('the decay scatter is the weight-decay verdict’s runs, with its slopes', () => {
    const kept = decayRuns(records).decay.kept;
    expect(d.decay.map((p) => p.id).sort()).toEqual(kept.map((r) => r.id).sort());
    for (const p of d.decay) {
      const r = records.find((x) => x.id === p.id)!;
      expect(p.fit).toBeCloseTo(imbalanceSlope(r)!, 6);
      expect(p.theory).toBeCloseTo(theorySlope(0.02, 0.05)!, 6);
      // The fixture decays exactly at the gd rate.
      expect(p.fit / p.theory).toBeCloseTo(1, 3);
    }
  });

  it('each group links to the runs table filtered to it', () => {
    const g = d.groups.find((x) => x.opt === 'adam')!;
    expect(decodeURIComponent(g.runs)).toBe(
      'runs/?q=init:gaussian initScale:0.5 optimizer:adam weightDecay:0 depth:3 learningRate:0.05 activation:linear',
    );
  });
});
