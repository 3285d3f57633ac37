import * as Plot from '@observablehq/plot';
import type { AlignmentData } from '../data/alignment.js';
import type { ChartRenderer, ChartRenderers } from './chart-kinds.js';

const alphaDepth: ChartRenderer<'alpha-depth'> = (d, { width, document }) => {
  const pts = d.points.filter((p) => p[d.y] !== null);
  const depths = [...new Set(d.points.map((p) => p.L))].sort((a, b) => a - b);
  const summary = d.summary.filter((s) => s.med !== null);
  return Plot.plot({
    document,
    width,
    height: 380,
    marginRight: 20,
    fx: { label: 'optimizer' },
    x: { label: 'depth L', ticks: depths, tickFormat: 'd' },
    y: { label: d.label, grid: true },
    color: { legend: true, label: 'init' },
    marks: [
      Plot.frame({ stroke: '#ddd' }),
      Plot.line(d.theory, { x: 'L', y: 'a', stroke: 'black', strokeWidth: 1.5 }),
      Plot.ruleX(summary, {
        x: 'L',
        y1: 'q1',
        y2: 'q3',
        fx: 'opt',
        stroke: 'init',
        strokeWidth: 4,
        strokeOpacity: 0.45,
      }),
      Plot.ruleY(summary, {
        y: 'med',
        x1: (s: AlignmentData['summary'][number]) => s.L - 0.22,
        x2: (s: AlignmentData['summary'][number]) => s.L + 0.22,
        fx: 'opt',
        stroke: 'init',
        strokeWidth: 2,
      }),
      Plot.dot(pts, {
        x: 'x',
        y: d.y,
        fx: 'opt',
        fill: 'init',
        r: 3.5,
        fillOpacity: 0.85,
        // x is the depth plus a small jitter: the tooltip shows the exact depth instead.
        tip: { format: { x: false } },
        channels: { run: 'id', depth: 'L', 'weight decay': 'wd' },
      }),
    ],
  });
};

type CorrPoint = AlignmentData['corr'][number];

const corrHalf: ChartRenderer<'corr-half'> = (data, { width, document }) =>
  Plot.plot({
    document,
    width,
    height: 340,
    x: { label: 'depth L', ticks: [...new Set(data.map((p) => Math.round(p.x)))], tickFormat: 'd' },
    y: { label: 'cosine similarity of W₁ᵀW₁ and AGOPᵅ', grid: true },
    color: {
      legend: true,
      label: 'exponent',
      domain: ['α = 1/L', 'α = 1/2'],
      range: ['#1f77b4', '#d62728'],
    },
    marks: [
      Plot.lineY(
        data,
        Plot.groupX(
          { y: 'median' },
          { x: (p: CorrPoint) => Math.round(p.x), y: 'c', stroke: 'which' },
        ),
      ),
      Plot.dot(data, {
        x: 'x',
        y: 'c',
        stroke: 'which',
        r: 3,
        tip: { format: { x: false } },
        channels: { run: 'id', depth: (p: CorrPoint) => Math.round(p.x) },
      }),
    ],
  });

export const alignmentRenderers: Pick<ChartRenderers, 'alpha-depth' | 'corr-half'> = {
  'alpha-depth': alphaDepth,
  'corr-half': corrHalf,
};
