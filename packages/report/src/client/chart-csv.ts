/**
 * The CSV of each chart kind: exactly the rows its marks plot (the same filters as its renderer),
 * with readable column names. A typed map like `renderers`: a chart kind without a CSV definition,
 * or one reading other data, fails to compile. Written next to each figure at build time
 * (figures/<page>-<figure>.csv) and the same definitions serve the browser.
 */
import type { ChartData, ChartKind } from './chart-kinds.js';

export type CsvCell = string | number | boolean | null;

/** A table: column names and rows of cells, one per column. */
export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

export type ChartCsvs = { [K in ChartKind]: (data: ChartData[K]) => CsvTable };

/** Rows of a training-curve chart: a value per step, only the ones drawn on a log axis if `log`. */
const positive = (v: number | null, log: boolean): v is number => v !== null && (!log || v > 0);

function convergence(key: 'c' | 'i' | 'l', name: string, log: boolean) {
  return (d: ChartData['conv-corr'] & { theory?: ChartData['conv-imbalance']['theory'] }) => {
    const byK = new Map(d.runs.map((r) => [r.k, r]));
    const rows: CsvCell[][] = [];
    for (const p of d.points) {
      const r = byK.get(p.k);
      const v = p[key];
      if (r && positive(v, log)) rows.push([r.id, r.init, r.wd, r.opt, r.L, 'run', p.s, v]);
    }
    for (const p of d.theory ?? []) {
      const r = byK.get(p.k);
      if (r) rows.push([r.id, r.init, r.wd, r.opt, r.L, 'gd theory', p.s, p.i]);
    }
    return {
      columns: ['run', 'init', 'weight decay', 'optimizer', 'L', 'series', 'step', name],
      rows,
    };
  };
}

export const chartCsvs: ChartCsvs = {
  'status-bars': (d) => ({
    columns: ['experiment', 'status', 'runs'],
    rows: d.map((c) => [c.experiment, c.status, c.n]),
  }),
  'opt-heatmap': (d) => ({
    columns: ['optimizer', 'weight decay', d.label, 'runs'],
    rows: d.cells.filter((c) => c[d.field] !== null).map((c) => [c.opt, c.wd, c[d.field], c.n]),
  }),
  'alpha-depth': (d) => ({
    columns: ['run', 'optimizer', 'init', 'L', 'weight decay', d.label],
    rows: d.points
      .filter((p) => p[d.y] !== null)
      .map((p) => [p.id, p.opt, p.init, p.L, p.wd, p[d.y]]),
  }),
  'corr-half': (d) => ({
    columns: ['run', 'L', 'exponent', 'cosine similarity'],
    rows: d.map((p) => [p.id, Math.round(p.x), p.which, p.c]),
  }),
  'conv-imbalance': convergence('i', 'imbalance', true),
  'conv-corr': convergence('c', 'corr(1/L)', false),
  'conv-loss': convergence('l', 'loss', true),
  'run-curves': (d) => ({
    columns: ['metric', 'step', 'value'],
    rows: d.filter((p) => p.metric !== 'loss' || p.v > 0).map((p) => [p.metric, p.s, p.v]),
  }),
  'run-imbalance': (d) => ({
    columns: ['step', 'imbalance'],
    rows: d.map((p) => [p.s, p.v]),
  }),
  'run-heatmap': (d) => ({
    columns: ['matrix', 'i', 'j', 'entry / norm'],
    rows: d.map((p) => [p.m, p.i, p.j, p.v]),
  }),
  'ce-scatter': (d) => ({
    columns: [
      'run',
      'activation',
      'init scale',
      'L',
      'loss end/start',
      'rho',
      'plain cosine',
      'counterexample',
    ],
    rows: d.points
      .filter((p) => p.ratio !== null && p.ratio > 0 && p.rho !== null)
      .map((p) => [p.id, p.act, p.scale, p.L, p.ratio, p.rho, p.plain, p.ce]),
  }),
  'ce-curves': (d) => {
    const byK = new Map(d.runs.map((r) => [r.k, r]));
    const rows: CsvCell[][] = [];
    // Two panels: the loss (log axis, positive values only) and ρ.
    for (const [metric, key, log] of [
      ['loss', 'l', true],
      ['rho', 'c', false],
    ] as const) {
      for (const p of d.curves) {
        const r = byK.get(p.k);
        const v = p[key];
        if (r && positive(v, log)) rows.push([r.id, r.label, metric, p.s, v]);
      }
    }
    return { columns: ['run', 'label', 'metric', 'step', 'value'], rows };
  },
};

/** One field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(v: CsvCell): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as RFC 4180 CSV: a header line, then one CRLF-terminated line per row. */
export function toCsv(t: CsvTable): string {
  return [t.columns, ...t.rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** The CSV of what a chart of kind K plots. */
export function chartCsv<K extends ChartKind>(kind: K, data: ChartData[K]): string {
  return toCsv(chartCsvs[kind](data));
}
