import { describe, expect, it } from 'vitest';
import { makeRecord, normalize, passingSet } from '../test-support/records.js';
import { alignmentData } from './alignment.js';
import { convergenceData } from './convergence.js';
import { counterexamplesData } from './counterexamples.js';
import { optimizersData } from './optimizers.js';
import { runDetail } from './run-detail.js';
import { assignSlugs } from './runs-table.js';
import { jsonForScript } from './site-data.js';

const load = normalize;

describe('per-page data', () => {
  // Convergence: see convergence.test.ts.

  it('run detail recomputes corr(1/L) ≈ 1 from stored balanced matrices and sizes the heatmap', () => {
    const [r] = load([makeRecord({ id: 'b', depth: 4, dim: 5 })]);
    const d = runDetail(r!);
    // Core's round-off floor drops AGOP eigenvalues below d·8ε·λ_max: gram^4 of a random 5 × 5
    // gram has one near it, whose removal costs ~1e-9 of the cosine.
    expect(d.recomputedCorr!).toBeCloseTo(1, 7);
    expect(d.heatmap).toHaveLength(2 * 25);
    expect(d.dim).toBe(5);
  });

  it('failed runs have no matrices and no curves, without throwing', () => {
    const [r] = load([makeRecord({ id: 'f', status: 'failed' })]);
    expect(runDetail(r!)).toMatchObject({ curves: [], heatmap: [], recomputedCorr: null });
  });

  it('alignment keeps linear runs only and gives 1/L as theory', () => {
    const a = alignmentData(load(passingSet()));
    expect(a.nonlinearExcluded).toBe(2);
    expect(a.points.every((p) => p.L >= 2)).toBe(true);
    for (const t of a.theory) expect(t.a).toBeCloseTo(1 / t.L, 3);
  });

  it('optimizers and counterexamples summarise the hand-made set', () => {
    const recs = load(passingSet());
    expect(optimizersData(recs).cells.map((c) => `${c.opt}|${c.wd}|${c.n}`)).toEqual([
      'adam|0|1',
      'gd|0|12',
      'gd|0.01|1',
      'gd|0.05|3',
    ]);
    const ce = counterexamplesData(recs);
    expect(ce.points.filter((p) => p.ce).map((p) => p.id)).toEqual(['relu-lazy']);
  });

  it('slugs are URL-safe and unique', () => {
    const s = assignSlugs(['abc123', 'a/b', 'a_b', 'a?b']);
    expect([...s.values()]).toEqual(['abc123', 'a_b', 'a_b-2', 'a_b-3']);
  });

  it('embedded JSON cannot close its script tag', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });

  it('page data for 3000 runs stays well under 1 MB per page', () => {
    const raw = Array.from({ length: 3000 }, (_, i) =>
      makeRecord({
        id: `${i.toString(16).padStart(16, '0')}`,
        depth: 2 + (i % 5),
        init: i % 2 ? 'gaussian' : 'balanced',
        optimizer: ['gd', 'adam', 'sgd'][i % 3]!,
        weightDecay: [0, 0.01, 0.05][i % 3]!,
        activation: i % 7 === 0 ? 'relu' : 'linear',
        seed: i,
        steps: 3000,
        logEvery: 50,
        dim: 4,
      }),
    );
    const recs = load(raw);
    for (const data of [
      alignmentData(recs),
      convergenceData(recs),
      optimizersData(recs),
      counterexamplesData(recs),
    ]) {
      expect(jsonForScript(data).length).toBeLessThan(700_000);
    }
  }, 60_000);
});

describe('run detail limits', () => {
  it('skips the recomputation and the heatmap above the size limits but reports the size', () => {
    const [r] = load([makeRecord({ id: 'big', depth: 2, dim: 130 })]);
    const d = runDetail(r!);
    expect(d.dim).toBe(130);
    expect(d.heatmap).toEqual([]);
    expect(d.recomputedCorr).toBeNull();
  }, 30_000);
});
