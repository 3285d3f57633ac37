import * as Plot from '@observablehq/plot';
import type {
  ChartContext,
  ChartRenderer,
  ChartRenderers,
  CounterexampleCurves,
} from './chart-kinds.js';
import { REFERENCE, categoricalScale } from './palette.js';
import { MARK_LIMIT, flush, fmtTip, logAxis, nameLinks } from './types.js';

const runLoss: ChartRenderer<'run-curves'> = (data, { width, document }) => {
  const loss = data.filter((d) => d.metric === 'loss' && d.v > 0);
  const other = data.filter((d) => d.metric !== 'loss');
  const half = Math.max(320, Math.floor(width / 2) - 10);
  const wrap = document.createElement('div');
  wrap.style.display = 'flex';
  wrap.style.flexWrap = 'wrap';
  wrap.style.gap = '1rem';
  wrap.append(
    Plot.plot({
      document,
      width: half,
      height: 300,
      x: { label: 'step', grid: true },
      y: logAxis('loss (MSE)'),
      color: { legend: true, label: 'metric', domain: ['loss'] },
      marks: [Plot.line(loss, { x: 's', y: 'v', stroke: 'metric', tip: true })],
    }),
    Plot.plot({
      document,
      width: half,
      height: 300,
      x: { label: 'step', grid: true },
      y: { label: 'value', grid: true },
      color: { legend: true, label: 'metric' },
      marks: [Plot.line(other, { x: 's', y: 'v', stroke: 'metric', tip: true })],
    }),
  );
  return wrap;
};

const runImbalance: ChartRenderer<'run-imbalance'> = (data, { width, document }) =>
  Plot.plot({
    document,
    width: Math.min(width, 700),
    height: 260,
    x: { label: 'step', grid: true },
    y: logAxis('imbalance Σₗ ‖Dₗ‖ (Frobenius)'),
    color: { legend: true, label: 'metric', domain: ['imbalance'] },
    marks: [Plot.line(data, { x: 's', y: 'v', stroke: () => 'imbalance', tip: true })],
  });

const runHeatmap: ChartRenderer<'run-heatmap'> = (data, { width, document }) => {
  const max = Math.max(1e-12, ...data.map((d) => Math.abs(d.v)));
  const panels = new Set(data.map((d) => d.m)).size;
  const side = Math.min(420, Math.floor((width - 40) / panels));
  return Plot.plot({
    document,
    width: side * panels + 60,
    height: side + 40,
    padding: 0,
    fx: { label: null, domain: [...new Set(data.map((d) => d.m))] },
    x: { label: 'input j', axis: null },
    y: { label: 'input i', axis: null },
    color: {
      legend: true,
      label: 'entry / ‖M‖ (Frobenius)',
      scheme: 'RdBu',
      domain: [-max, max],
      reverse: true,
    },
    marks: [Plot.cell(data, { x: 'j', y: 'i', fx: 'm', fill: 'v', inset: 0, tip: true })],
  });
};

const ceScatter: ChartRenderer<'ce-scatter'> = (d, { width, document }) => {
  const pts = d.points
    .filter((p) => p.x !== null && p.x > 0 && p.rho !== null)
    .map((p) => ({
      ...p,
      kind: p.ce ? 'counterexample' : 'other',
      href: d.hrefs?.[p.id],
    }));
  const floorLabel = `≤ 1e${Math.round(Math.log10(d.floor))}`;
  const axis = logAxis('final loss / initial loss (log)');
  return Plot.plot({
    document,
    width,
    height: 380,
    // Room left of the floor, so the runs drawn there are not cut by the axis.
    insetLeft: 12,
    x: {
      ...axis,
      // The floor collects every ratio that is zero to float64 precision: labelled as a bound.
      tickFormat: (v: number) =>
        Math.abs(v - d.floor) < d.floor * 1e-6 ? floorLabel : axis.tickFormat(v),
    },
    y: { label: 'best-α centred correlation ρ', grid: true },
    color: categoricalScale(
      pts.map((p) => p.act),
      'activation',
    ),
    symbol: {
      legend: pts.length <= MARK_LIMIT,
      label: 'kind',
      domain: ['counterexample', 'other'],
    },
    marks: [
      Plot.ruleX([d.fitRatio], { stroke: REFERENCE, strokeDasharray: '4,3' }),
      Plot.ruleY([d.centredCorr], { stroke: REFERENCE, strokeDasharray: '4,3' }),
      pts.length > MARK_LIMIT
        ? // Too many runs for a dot each: hexagonal bins per activation, sized by their count.
          Plot.dot(
            pts,
            Plot.hexbin(
              { r: 'count' },
              { x: 'x', y: 'rho', stroke: 'act', strokeWidth: 1.6, binWidth: 14, tip: true },
            ),
          )
        : Plot.dot(pts, {
            x: 'x',
            y: 'rho',
            stroke: 'act',
            symbol: 'kind',
            r: 4.5,
            strokeWidth: 1.8,
            href: 'href',
            target: '_top',
            // x is clamped at the floor: the tooltip gives the true ratio, in exponent form.
            tip: { format: { x: false, href: false, y: fmtTip } },
            channels: {
              run: 'id',
              'loss ratio': { value: 'ratio', label: 'final / initial loss' },
              'init scale': 'scale',
              depth: 'L',
              'plain cosine': 'plain',
              'ρ of a random layer': 'rand',
              flags: 'flags',
            },
          }),
    ],
  });
};

function ceCurve(key: 'l' | 'c', label: string, log: boolean) {
  return (d: CounterexampleCurves, { width, document }: ChartContext) => {
    const byK = new Map(d.runs.map((r) => [r.k, r]));
    const pts = d.curves
      .filter((p) => p[key] !== null && (!log || (p[key] as number) > 0))
      .flatMap((p) => {
        const r = byK.get(p.k);
        return r ? [{ ...p, run: r.id, group: r.group, ce: r.ce, href: r.href }] : [];
      });
    const line = (ce: boolean, dash?: string) =>
      Plot.line(
        pts.filter((p) => p.ce === ce),
        {
          x: 's',
          y: key,
          z: 'k',
          stroke: 'group',
          strokeWidth: 1.8,
          strokeDasharray: dash,
          href: 'href',
          target: '_top',
          tip: { format: { z: false, href: false, y: fmtTip } },
          channels: { run: 'run', kind: () => (ce ? 'counterexample' : 'other') },
        },
      );
    return Plot.plot({
      document,
      width: Math.max(320, Math.floor(width / 2) - 10),
      height: 300,
      x: { label: 'step', grid: true },
      y: log ? logAxis(label) : { label, grid: true },
      color: categoricalScale(
        d.runs.map((r) => r.group),
        'activation, init scale',
      ),
      marks: [line(true), line(false, '5,3')],
    });
  };
}

const ceCurves: ChartRenderer<'ce-curves'> = (d, { width, document }) => {
  const wrap = document.createElement('div');
  wrap.style.display = 'flex';
  wrap.style.flexWrap = 'wrap';
  wrap.style.gap = '1rem';
  wrap.append(
    flush(ceCurve('l', 'loss (MSE)', true)(d, { width, document })),
    flush(ceCurve('c', 'best-α centred correlation ρ', false)(d, { width, document })),
  );
  return wrap;
};

export const runRenderers: Pick<
  ChartRenderers,
  'run-curves' | 'run-imbalance' | 'run-heatmap' | 'ce-scatter' | 'ce-curves'
> = {
  'run-curves': runLoss,
  'run-imbalance': runImbalance,
  'run-heatmap': runHeatmap,
  'ce-scatter': (d, ctx) => nameLinks(ceScatter(d, ctx)),
  'ce-curves': (d, ctx) => nameLinks(ceCurves(d, ctx)),
};
