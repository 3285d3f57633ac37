import * as Plot from '@observablehq/plot';
import type { OptimizerCell } from '../data/optimizers.js';
import type { ChartRenderer, ChartRenderers } from './chart-kinds.js';
import { STATUS_COLORS, fmt } from './types.js';

const statusBars: ChartRenderer<'status-bars'> = (data, { width, document }) =>
  Plot.plot({
    document,
    width,
    marginLeft: 150,
    height: 60 + 34 * new Set(data.map((d) => d.experiment)).size,
    x: { label: 'runs →', grid: true },
    y: { label: 'experiment' },
    color: { legend: true, label: 'status', ...STATUS_COLORS },
    marks: [
      Plot.barX(data, { x: 'n', y: 'experiment', fill: 'status', tip: true }),
      Plot.ruleX([0]),
    ],
  });

const optHeatmap: ChartRenderer<'opt-heatmap'> = (d, { width, document }) => {
  const cells = d.cells.filter((c) => c[d.field] !== null);
  return Plot.plot({
    document,
    width: Math.min(width, 160 + 110 * new Set(cells.map((c) => c.wd)).size),
    marginLeft: 90,
    height: 70 + 40 * new Set(cells.map((c) => c.opt)).size,
    x: { label: 'weight decay λ', type: 'band' },
    y: { label: 'optimizer' },
    color: { legend: true, label: d.label, scheme: d.scheme, reverse: d.reverse },
    marks: [
      Plot.cell(cells, {
        x: 'wd',
        y: 'opt',
        fill: d.field,
        tip: true,
        channels: { runs: 'n' },
      }),
      Plot.text(cells, {
        x: 'wd',
        y: 'opt',
        text: (c: OptimizerCell) => fmt(c[d.field]),
        fill: 'black',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  });
};

export const overviewRenderers: Pick<ChartRenderers, 'status-bars' | 'opt-heatmap'> = {
  'status-bars': statusBars,
  'opt-heatmap': optHeatmap,
};
