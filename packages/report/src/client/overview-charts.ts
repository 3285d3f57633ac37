import * as Plot from '@observablehq/plot';
import { STATUS_COLORS, fmt, type Renderer } from './types.js';

interface StatusCount {
  experiment: string;
  status: string;
  n: number;
}

interface Cell {
  opt: string;
  wd: string;
  n: number;
  corr: number | null;
  err: number | null;
}

interface HeatmapData {
  cells: Cell[];
  field: 'corr' | 'err';
  label: string;
  scheme: string;
  reverse: boolean;
}

const statusBars = (data: StatusCount[], width: number) =>
  Plot.plot({
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

const optHeatmap = (d: HeatmapData, width: number) => {
  const cells = d.cells.filter((c) => c[d.field] !== null);
  return Plot.plot({
    width: Math.min(width, 160 + 110 * new Set(cells.map((c) => c.wd)).size),
    marginLeft: 90,
    height: 70 + 40 * new Set(cells.map((c) => c.opt)).size,
    x: { label: 'weight decay λ', type: 'band' },
    y: { label: 'optimizer' },
    color: { legend: true, label: d.label, scheme: d.scheme as 'viridis', reverse: d.reverse },
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
        text: (c: Cell) => fmt(c[d.field]),
        fill: 'black',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  });
};

export const overviewRenderers: Record<string, Renderer> = {
  'status-bars': statusBars as Renderer,
  'opt-heatmap': optHeatmap as Renderer,
};
