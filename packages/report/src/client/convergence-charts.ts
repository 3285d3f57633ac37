import * as Plot from '@observablehq/plot';
import type { ConvergenceBand, ConvergenceGroup, DecayPoint } from '../data/convergence.js';
import type {
  ChartContext,
  ChartRenderer,
  ChartRenderers,
  ConvergenceCurves,
} from './chart-kinds.js';
import { REFERENCE, categoricalScale } from './palette.js';
import { MARK_LIMIT, logAxis, nameLinks } from './types.js';

const lambda = (wd: number) => `λ = ${wd}`;

/** A band joined with its group's fields: what the marks, facets and tooltips read. */
function join<T extends { g: number }>(groups: ConvergenceGroup[], bands: readonly T[]) {
  const byG = new Map(groups.map((g) => [g.g, g]));
  return bands.flatMap((b) => {
    const g = byG.get(b.g);
    return g ? [{ ...b, ...g, lambda: lambda(g.wd), runsN: `${g.n}` }] : [];
  });
}

/** Training curves of one metric: a plot per init column (its own y scale), rows by λ. */
function convChart(m: ConvergenceBand['m'], label: string, log: boolean, by: 'L' | 'opt' = 'L') {
  return (d: ConvergenceCurves, { width, document }: ChartContext) => {
    const bands = join(
      d.groups,
      d.bands.filter((b) => b.m === m),
    );
    const theory = m === 'i' ? join(d.groups, d.theory ?? []) : [];
    const color = categoricalScale(
      d.groups.map((g) => g[by]),
      by === 'opt' ? 'optimizer' : 'depth L',
    );
    const cols = [...new Set(d.groups.map((g) => g.col))];
    const colWidth = Math.max(300, Math.floor(width / cols.length) - 8);
    const wrap = document.createElement('div');
    const row = document.createElement('div');
    row.style.display = 'flex';
    row.style.flexWrap = 'wrap';
    row.style.gap = '0.5rem';
    // One legend for every column (they share the colour scale). Plot.legend reads `document`
    // like Plot.plot does (createContext), but its type does not declare it.
    const legendOptions = { color, document } as Parameters<typeof Plot.legend>[0];
    wrap.append(Plot.legend(legendOptions), row);
    cols.forEach((col) => {
      const mine = bands.filter((b) => b.col === col);
      // This column's λ rows only: a λ run with one init only leaves no empty facet in the other.
      const rows = [...new Set(mine.map((b) => b.wd))].sort((a, b) => a - b).map(lambda);
      const marks: Plot.Markish[] = [
        Plot.frame({ stroke: REFERENCE, strokeOpacity: 0.4 }),
        Plot.areaY(mine, {
          x: 's',
          y1: 'q1',
          y2: 'q3',
          z: 'g',
          fy: 'lambda',
          fill: by,
          fillOpacity: 0.2,
        }),
        Plot.lineY(mine, {
          x: 's',
          y: 'med',
          z: 'g',
          fy: 'lambda',
          stroke: by,
          strokeWidth: 1.8,
          href: 'runs',
          target: '_top',
          tip: { format: { z: false, fy: false, href: false, stroke: false } },
          channels: {
            depth: 'L',
            init: 'col',
            optimizer: 'opt',
            λ: 'wd',
            'seeds (runs)': 'runsN',
            'quartile 1': 'q1',
            'quartile 3': 'q3',
          },
        }),
      ];
      const th = theory.filter((t) => t.col === col);
      if (th.length > 0) {
        marks.push(
          Plot.lineY(th, {
            x: 's',
            y: 'i',
            z: 'g',
            fy: 'lambda',
            stroke: REFERENCE,
            strokeDasharray: '5,4',
            strokeWidth: 1.5,
          }),
        );
      }
      const cell = document.createElement('div');
      const head = document.createElement('p');
      head.className = 'facet-title';
      head.style.margin = '0 0 0.25rem';
      head.style.fontWeight = '600';
      head.textContent = `init: ${col}`;
      cell.append(
        head,
        Plot.plot({
          document,
          width: colWidth,
          height: 70 + 150 * rows.length,
          marginRight: 64,
          fy: { label: 'weight decay', domain: rows },
          x: { label: 'step', grid: true },
          y: log
            ? logAxis(label, [...mine.flatMap((b) => [b.q1, b.q3]), ...th.map((t) => t.i)])
            : { label, grid: true },
          color: { ...color, legend: false },
          marks,
        }),
      );
      row.append(cell);
    });
    return wrap;
  };
}

type DecayRow = DecayPoint & { href?: string };

/** Median fitted and theoretical rate per (depth, init, λ, η): the per-run dots above MARK_LIMIT. */
export function decayMedians(pts: readonly DecayRow[]): DecayRow[] {
  const groups = new Map<string, DecayRow[]>();
  for (const p of pts) {
    const k = `${p.L}|${p.init}|${p.wd}|${p.eta}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const h = Math.floor(s.length / 2);
    return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
  };
  return [...groups.values()].map((g) => ({
    ...(g[0] as DecayRow),
    id: `${g.length} runs`,
    href: undefined,
    fit: med(g.map((p) => p.fit)),
  }));
}

/** Per-step rates are ~1e-3: shown per 1,000 steps, so the axes read as plain numbers. */
const PER = 1000;

/** Fitted against theoretical decay rate of ln(imbalance), one dot per run, with y = x. */
const convDecay: ChartRenderer<'conv-decay'> = (d, { width, document }) => {
  const pts = d.points.length > MARK_LIMIT ? decayMedians(d.points) : d.points;
  const rows = pts.map((p) => ({
    ...p,
    fitK: p.fit * PER,
    theoryK: p.theory * PER,
    ratio: p.fit / p.theory,
    lambda: `λ = ${p.wd}`,
  }));
  const all = rows.flatMap((p) => [p.fitK, p.theoryK]);
  const lo = Math.min(...all);
  const hi = Math.max(...all, 0);
  const side = Math.min(width, 560);
  return Plot.plot({
    document,
    width: side + 60,
    height: side,
    marginLeft: 56,
    x: { label: 'theory 1000 · ln((1 − ηλ)²) per step', grid: true, domain: [lo, hi], nice: true },
    y: {
      label: 'fitted slope of ln(imbalance) per 1000 steps',
      grid: true,
      domain: [lo, hi],
      nice: true,
    },
    color: categoricalScale(
      rows.map((p) => p.L),
      'depth L',
    ),
    symbol: { type: 'ordinal', legend: true, label: 'weight decay' },
    marks: [
      Plot.line(
        [
          [lo, lo],
          [hi, hi],
        ],
        { stroke: REFERENCE, strokeDasharray: '5,4' },
      ),
      Plot.text([[hi, hi]], {
        text: () => 'y = x',
        dx: -8,
        dy: 14,
        textAnchor: 'end',
        fill: REFERENCE,
      }),
      Plot.dot(rows, {
        x: 'theoryK',
        y: 'fitK',
        stroke: 'L',
        symbol: 'lambda',
        r: 5,
        strokeWidth: 1.8,
        href: 'href',
        target: '_top',
        tip: { format: { href: false, stroke: false, symbol: false } },
        channels: {
          run: 'id',
          depth: 'L',
          init: 'init',
          λ: 'wd',
          η: 'eta',
          'fitted / theory': { value: 'ratio', label: 'fitted / theory' },
        },
      }),
    ],
  });
};

export const convergenceRenderers: Pick<
  ChartRenderers,
  'conv-imbalance' | 'conv-corr' | 'conv-loss' | 'conv-opt' | 'conv-decay'
> = {
  'conv-imbalance': (d, ctx) =>
    nameLinks(convChart('i', 'imbalance Σₗ ‖Dₗ‖ (Frobenius)', true)(d, ctx)),
  'conv-corr': (d, ctx) => nameLinks(convChart('c', 'corr(1/L)', false)(d, ctx)),
  'conv-loss': (d, ctx) => nameLinks(convChart('l', 'loss (MSE)', true)(d, ctx)),
  'conv-opt': (d, ctx) =>
    nameLinks(convChart('i', 'imbalance Σₗ ‖Dₗ‖ (Frobenius)', true, 'opt')(d, ctx)),
  'conv-decay': (d, ctx) => nameLinks(convDecay(d, ctx)),
};
