import * as Plot from '@observablehq/plot';
import type { AlignmentData } from '../data/alignment.js';
import type { AlphaDepthData, ChartRenderer, ChartRenderers } from './chart-kinds.js';
import { CATEGORICAL, REFERENCE, categoricalScale } from './palette.js';
import { MARK_LIMIT, fmtTip, nameLinks } from './types.js';

const lambda = (wd: number) => `λ = ${wd}`;

/**
 * α̂ against depth: per group the median (tick) and interquartile range (bar), each run a dot
 * linking to its page; optimizers side by side, λ in rows when there are several. Values outside
 * the robust domain are drawn at its edge as triangles (their tooltip gives the true value).
 */
function alphaDepth(d: AlphaDepthData, { width, document }: { width: number; document: Document }) {
  const depths = [...new Set([...d.points, ...d.summary].map((p) => p.L))].sort((a, b) => a - b);
  const lo = d.domain?.lo ?? -Infinity;
  const hi = d.domain?.hi ?? Infinity;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const pts = d.points.flatMap((p) => {
    const v = p[d.y];
    if (v === null) return [];
    const off = v < lo || v > hi;
    return [
      {
        ...p,
        v,
        shown: clamp(v),
        kind: off ? 'off-scale (at the edge)' : 'run',
        lambda: lambda(p.wd),
        href: d.hrefs?.[p.id],
      },
    ];
  });
  const summary = d.summary
    .filter((s) => s.med !== null)
    .map((s) => ({
      ...s,
      lambda: lambda(s.wd),
      q1c: clamp(s.q1 ?? (s.med as number)),
      q3c: clamp(s.q3 ?? (s.med as number)),
      medc: clamp(s.med as number),
    }));
  const anyOff = pts.some((p) => p.kind !== 'run');
  const rows = [...new Set([...pts, ...summary].map((p) => p.lambda))];
  const theory = d.theory.filter((t) => t.a >= lo && t.a <= hi);
  const inits = [...pts, ...summary].map((p) => p.init);
  type S = (typeof summary)[number];
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: REFERENCE, strokeOpacity: 0.4 }),
    Plot.line(theory, { x: 'L', y: 'a', stroke: REFERENCE, strokeWidth: 1.5 }),
    Plot.ruleX(summary, {
      x: 'L',
      y1: 'q1c',
      y2: 'q3c',
      fx: 'opt',
      fy: 'lambda',
      stroke: 'init',
      strokeWidth: 5,
      strokeOpacity: 0.45,
    }),
    Plot.ruleY(summary, {
      y: 'medc',
      x1: (s: S) => s.L - 0.25,
      x2: (s: S) => s.L + 0.25,
      fx: 'opt',
      fy: 'lambda',
      stroke: 'init',
      strokeWidth: 2.5,
      href: 'runs',
      target: '_top',
      tip: {
        format: { y: false, x1: false, x2: false, fx: false, fy: false, href: false },
      },
      channels: {
        depth: 'L',
        optimizer: 'opt',
        λ: 'wd',
        runs: 'n',
        'median α̂': 'med',
        'quartile 1': 'q1',
        'quartile 3': 'q3',
      },
    }),
  ];
  if (d.perRun && pts.length <= MARK_LIMIT) {
    marks.push(
      Plot.dot(pts, {
        x: 'x',
        y: 'shown',
        fx: 'opt',
        fy: 'lambda',
        fill: 'init',
        // Circles unless a run is off-scale: then triangles mark the runs drawn at the edge.
        ...(anyOff ? { symbol: 'kind' } : {}),
        r: 3.5,
        fillOpacity: 0.85,
        href: 'href',
        target: '_top',
        // x is the depth plus a small jitter and y may sit at the edge: the tooltip gives both exactly.
        tip: {
          format: { x: false, y: false, fx: false, fy: false, href: false, symbol: false },
        },
        channels: {
          run: 'id',
          depth: 'L',
          optimizer: 'opt',
          λ: 'wd',
          [d.label]: { value: 'v', label: d.label },
        },
      }),
    );
  }
  return Plot.plot({
    document,
    width,
    height: 60 + 320 * rows.length,
    marginRight: rows.length > 1 ? 70 : 20,
    fx: { label: 'optimizer' },
    fy: rows.length > 1 ? { label: 'weight decay' } : { axis: null },
    x: { label: 'depth L', ticks: depths, tickFormat: 'd' },
    y: { label: d.label, grid: true, domain: d.domain ? [lo, hi] : undefined, tickFormat: fmtTip },
    color: categoricalScale(inits, 'init'),
    symbol: {
      legend: anyOff,
      domain: ['run', 'off-scale (at the edge)'],
      range: ['circle', 'triangle'],
      label: 'point',
    },
    marks,
  });
}

type CorrPoint = AlignmentData['corr']['points'][number];

/**
 * Median correlation per depth at each exponent, a line each; every run as a dot up to
 * MARK_LIMIT points (the producer leaves them out above it).
 */
const corrHalf: ChartRenderer<'corr-half'> = (data, { width, document }) =>
  Plot.plot({
    document,
    width,
    height: 340,
    x: {
      label: 'depth L',
      ticks: [...new Set(data.medians.map((m) => m.L))],
      tickFormat: 'd',
    },
    y: { label: 'cosine similarity of W₁ᵀW₁ and AGOPᵅ', grid: true },
    color: {
      legend: true,
      label: 'exponent',
      domain: ['α = 1/L', 'α = 1/2'],
      range: [CATEGORICAL[0], CATEGORICAL[5]],
    },
    marks: [
      Plot.line(data.medians, { x: 'L', y: 'c', stroke: 'which', strokeWidth: 2 }),
      // Without the runs' dots, the medians are the marks to hover.
      ...(data.points.length > 0
        ? []
        : [
            Plot.dot(data.medians, {
              x: 'L',
              y: 'c',
              fill: 'which',
              r: 4,
              tip: true,
              channels: { runs: 'n' },
            }),
          ]),
      Plot.dot(data.points, {
        x: 'x',
        y: 'c',
        stroke: 'which',
        r: 3,
        tip: { format: { x: false } },
        channels: { run: 'id', depth: (p: CorrPoint) => Math.round(p.x) },
      }),
    ],
  });

export const alignmentRenderers: Pick<
  ChartRenderers,
  'alpha-depth' | 'alpha-depth-wd' | 'alpha-spectral' | 'corr-half'
> = {
  'alpha-depth': (d, ctx) => nameLinks(alphaDepth(d, ctx)),
  'alpha-depth-wd': (d, ctx) => nameLinks(alphaDepth(d, ctx)),
  'alpha-spectral': (d, ctx) => nameLinks(alphaDepth(d, ctx)),
  'corr-half': corrHalf,
};
