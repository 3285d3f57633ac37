/**
 * Draws every figure of the Alignment, Convergence and Counterexamples pages with a server-side
 * DOM (linkedom, as a build-time render does) from the hand-made records, and reads the SVG back:
 * no LaTeX-like source text, per-run marks link to run pages, colours from the checked palette.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { alignmentData, alphaFigure } from '../data/alignment.js';
import { convergenceData } from '../data/convergence.js';
import { counterexamplesData, RATIO_FLOOR } from '../data/counterexamples.js';
import { LATEX_LIKE } from '../test-support/latex-pattern.js';
import { makeRecord, normalize, passingSet } from '../test-support/records.js';
import type { ChartData, ChartKind } from './chart-kinds.js';
import { CATEGORICAL, REFERENCE } from './palette.js';
import { renderers } from './renderers.js';
import { MARK_LIMIT, linkTarget } from './types.js';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const draw = <K extends ChartKind>(kind: K, data: ChartData[K]) =>
  renderers[kind](data, { width: 1100, document: document as unknown as Document });

const records = normalize([
  ...passingSet(),
  makeRecord({ id: 'bal-wd', depth: 3, weightDecay: 0.05, learningRate: 0.02 }),
]);
const a = alignmentData(records);
const c = convergenceData(records);
const ce = counterexamplesData(records);
const href = (id: string) => `/site/runs/${id}/`;
const hrefs = Object.fromEntries(records.map((r) => [r.id, href(r.id)]));

const figures: [ChartKind, Element][] = [
  ['alpha-depth', draw('alpha-depth', { ...alphaFigure(a, 'a', true), label: 'α̂', hrefs })],
  ['alpha-depth-wd', draw('alpha-depth-wd', { ...alphaFigure(a, 'a', false), label: 'α̂', hrefs })],
  ['alpha-spectral', draw('alpha-spectral', { ...alphaFigure(a, 'as', true), label: 'α̂', hrefs })],
  ['corr-half', draw('corr-half', a.corr)],
  [
    'conv-imbalance',
    draw('conv-imbalance', { groups: c.groups, bands: c.bands, theory: c.theory }),
  ],
  ['conv-corr', draw('conv-corr', { groups: c.groups, bands: c.bands })],
  ['conv-loss', draw('conv-loss', { groups: c.groups, bands: c.bands })],
  ['conv-opt', draw('conv-opt', { groups: c.groups, bands: c.bands })],
  ['conv-decay', draw('conv-decay', { points: c.decay.map((p) => ({ ...p, href: href(p.id) })) })],
  [
    'ce-scatter',
    draw('ce-scatter', { points: ce.points, ...ce.thresholds, floor: RATIO_FLOOR, hrefs }),
  ],
  [
    'ce-curves',
    draw('ce-curves', {
      runs: ce.curveRuns.map((r) => ({ ...r, href: href(r.id) })),
      curves: ce.curves,
    }),
  ],
];

describe('figures drawn at build time', () => {
  it('draw an SVG for every figure', () => {
    for (const [kind, el] of figures)
      expect(el.querySelectorAll('svg').length, kind).toBeGreaterThan(0);
  });

  it('show no raw LaTeX-like text in titles, labels, ticks or legends', () => {
    for (const [kind, el] of figures) {
      const copy = el.cloneNode(true) as Element;
      for (const style of copy.querySelectorAll('style')) style.remove();
      const text = copy.textContent ?? '';
      expect(text.length, kind).toBeGreaterThan(0);
      expect(text, kind).not.toMatch(LATEX_LIKE);
    }
  });

  it('the LaTeX-like pattern catches what issue 17 found', () => {
    for (const bad of ['e^{−2ηλ·step}', 'Σ‖D_l‖_F', 'AGOP^{1/L}', '\\alpha', 'W_1'])
      expect(bad).toMatch(LATEX_LIKE);
    for (const good of [
      'Σₗ ‖Dₗ‖ (Frobenius)',
      'W₁ᵀW₁',
      'ln((1 − ηλ)²)',
      'multi_index_relu',
      '1e-16',
    ])
      expect(good).not.toMatch(LATEX_LIKE);
  });

  it('per-run marks link to their run pages', () => {
    const links = (kind: ChartKind) =>
      [...figures.find(([k]) => k === kind)![1].querySelectorAll('a')].map(linkTarget);
    const alpha = links('alpha-depth');
    const lambda0 = alphaFigure(a, 'a', true).points;
    for (const p of lambda0) expect(alpha).toContain(href(p.id));
    expect(links('conv-decay').sort()).toEqual(c.decay.map((p) => href(p.id)).sort());
    expect(links('ce-scatter')).toContain(href(ce.points[0]!.id));
    // Convergence curves link to the runs table filtered to their group.
    expect(links('conv-corr').every((h) => h!.startsWith('runs/?q='))).toBe(true);
  });

  it('every link has an accessible name (the run, or the group’s filter)', () => {
    for (const [kind, el] of figures) {
      for (const a of el.querySelectorAll('a')) {
        expect(a.getAttribute('aria-label'), kind).toMatch(/^(run \S+|runs \S.*)$/);
      }
    }
    const decay = figures.find(([k]) => k === 'conv-decay')![1].querySelector('a')!;
    expect(decay.getAttribute('aria-label')).toBe(`run ${c.decay[0]!.id}`);
  });

  it(`above ${MARK_LIMIT} runs the counterexample scatter bins them: no per-run dots or links`, () => {
    const p0 = ce.points[0]!;
    const many = Array.from({ length: MARK_LIMIT + 1 }, (_, i) => ({
      ...p0,
      id: `r${i}`,
      x: 10 ** -(i % 17),
      rho: (i % 100) / 100,
    }));
    const el = draw('ce-scatter', {
      points: many,
      ...ce.thresholds,
      floor: RATIO_FLOOR,
      hrefs: Object.fromEntries(many.map((p) => [p.id, href(p.id)])),
    });
    const dots = el.querySelectorAll('circle, path').length;
    expect(dots).toBeGreaterThan(0);
    expect(dots).toBeLessThan(MARK_LIMIT / 2);
    expect(el.querySelectorAll('a').length).toBe(0);
  });

  it(`above ${MARK_LIMIT} runs the decay scatter draws one median dot per group`, () => {
    const p0 = c.decay[0]!;
    const many = Array.from({ length: MARK_LIMIT + 1 }, (_, i) => ({
      ...p0,
      id: `r${i}`,
      L: 2 + (i % 3),
      fit: p0.theory * (1 + (i % 7) / 100), // per group of L: ratios 1.00 … 1.06
      href: href(`r${i}`),
    }));
    const el = draw('conv-decay', { points: many });
    const dots = el.querySelectorAll('g[aria-label="dot"] path, g[aria-label="dot"] circle');
    expect(dots.length).toBe(3);
    expect(el.querySelectorAll('a').length).toBe(0);
  });

  it('colour categories with the checked palette only', () => {
    const allowed = new Set([...CATEGORICAL, REFERENCE].map((x) => x.toLowerCase()));
    let checked = 0;
    for (const [kind, el] of figures) {
      for (const node of el.querySelectorAll('[fill], [stroke]')) {
        for (const attr of ['fill', 'stroke']) {
          const v = node.getAttribute(attr)?.toLowerCase();
          if (!v || !/^#[0-9a-f]{6}$/.test(v) || ['#ffffff', '#000000'].includes(v)) continue;
          checked++;
          expect(allowed.has(v), `${kind}: ${attr} ${v}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
