import { describe, expect, it } from 'vitest';
import { MARK_LIMIT } from '../client/types.js';
import { makeRecord, normalize } from '../test-support/records.js';
import { alignmentData, alphaFigure } from './alignment.js';

const run = (id: string, depth: number, alphaHat: number, weightDecay = 0, seed = 0) =>
  makeRecord({ id, depth, alphaHat, weightDecay, seed, learningRate: 0.01 });

describe('α̂ against depth figures', () => {
  const raw = [
    run('a2', 2, 0.5),
    run('b2', 2, 0.52, 0, 1),
    run('c2', 2, 0.48, 0, 2),
    run('a4', 4, 0.25),
    run('b4', 4, 0.26, 0, 1),
    run('c4', 4, 0.24, 0, 2),
    run('wild', 4, 1.9, 0, 3), // one outlier (a fit that went wrong but carries no flag)
    run('wd2', 2, 0.45, 0.05),
    run('wd4', 4, 0.3, 0.05),
  ];
  const a = alignmentData(normalize(raw));

  it('the main figure is λ = 0 only; the runs with weight decay are their own figure', () => {
    const main = alphaFigure(a, 'a', true);
    const wd = alphaFigure(a, 'a', false);
    expect(main.points.map((p) => p.id).sort()).toEqual([
      'a2',
      'a4',
      'b2',
      'b4',
      'c2',
      'c4',
      'wild',
    ]);
    expect(wd.points.map((p) => p.id).sort()).toEqual(['wd2', 'wd4']);
    expect(main.summary.every((s) => s.wd === 0)).toBe(true);
    expect(wd.summary.map((s) => [s.L, s.wd, s.n])).toEqual([
      [2, 0.05, 1],
      [4, 0.05, 1],
    ]);
  });

  it('group medians and quartiles are per depth at λ = 0, recomputed by hand', () => {
    const s4 = alphaFigure(a, 'a', true).summary.find((s) => s.L === 4)!;
    // 0.24, 0.25, 0.26, 1.9: median (0.25 + 0.26) / 2, quartiles by linear interpolation (type 7).
    expect(s4.n).toBe(4);
    expect(s4.med).toBeCloseTo(0.255, 6);
    expect(s4.q1).toBeCloseTo(0.2475, 6);
    expect(s4.q3).toBeCloseTo(0.26 + 0.25 * (1.9 - 0.26), 3);
    expect(decodeURIComponent(s4.runs)).toBe(
      'runs/?q=activation:linear depth:4 init:balanced optimizer:gd weightDecay:0',
    );
  });

  it('one outlier does not squeeze the axis: it is counted off-scale, 1/L stays inside', () => {
    const main = alphaFigure(a, 'a', true);
    expect(main.domain!.above).toBe(1);
    expect(main.domain!.below).toBe(0);
    expect(main.domain!.hi).toBeLessThan(1.9);
    expect(main.domain!.hi).toBeGreaterThanOrEqual(0.52);
    expect(main.domain!.lo).toBeLessThanOrEqual(0.24);
  });

  it('the α = 1/2 comparison is balanced gd runs at λ = 0 only', () => {
    const ids = new Set(a.corr.points.map((p) => p.id));
    expect([...ids].sort()).toEqual(['a2', 'a4', 'b2', 'b4', 'c2', 'c4', 'wild']);
    expect(a.corr.points.filter((p) => p.which === 'α = 1/L').length).toBe(7);
    expect(a.corr.total).toBe(a.corr.points.length);
    // The medians are those of the points, per depth and exponent.
    for (const m of a.corr.medians) {
      const cs = a.corr.points
        .filter((p) => Math.round(p.x) === m.L && p.which === m.which)
        .map((p) => p.c)
        .sort((x, y) => x - y);
      expect(m.n).toBe(cs.length);
      const mid = (cs[(cs.length - 1) >> 1]! + cs[cs.length >> 1]!) / 2;
      expect(m.c).toBeCloseTo(mid, 4);
    }
  });

  it(`above ${MARK_LIMIT} runs the figure carries the group summaries only`, () => {
    const many = normalize(
      Array.from({ length: MARK_LIMIT + 1 }, (_, i) => run(`r${i}`, 2 + (i % 3), 0.3, 0, i)),
    );
    const f = alphaFigure(alignmentData(many), 'a', true);
    expect(f.perRun).toBe(false);
    expect(f.points).toEqual([]);
    expect(f.summary.reduce((t, s) => t + s.n, 0)).toBe(MARK_LIMIT + 1);
    expect(alphaFigure(a, 'a', true).perRun).toBe(true);
  });

  it(`above ${MARK_LIMIT} points the spectral figure and the α = 1/2 comparison keep medians only`, () => {
    const many = normalize(
      Array.from({ length: MARK_LIMIT + 1 }, (_, i) => run(`r${i}`, 2 + (i % 3), 0.3, 0, i)),
    );
    const d = alignmentData(many);
    const spectral = alphaFigure(d, 'as', true);
    expect(spectral.points).toEqual([]);
    // Without dots the figure still has something to draw: one median per group.
    expect(spectral.summary.map((s) => s.L)).toEqual([2, 3, 4]);
    expect(spectral.summary.every((s) => s.med !== null)).toBe(true);
    expect(d.corr.points).toEqual([]);
    expect(d.corr.total).toBeGreaterThan(MARK_LIMIT);
    expect(d.corr.medians.reduce((t, m) => t + m.n, 0)).toBe(d.corr.total);
  });
});
