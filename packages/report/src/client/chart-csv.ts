/**
 * The CSV of each chart kind: exactly the rows its marks plot (the same filters as its renderer),
 * with readable column names. A typed map like `renderers`: a chart kind without a CSV definition,
 * or one reading other data, fails to compile. Written next to each figure at build time
 * (figures/<page>-<figure>.csv) and the same definitions serve the browser.
 */
import type { ConvergenceBand, ConvergenceGroup } from '../data/convergence.js';
import type { ChartData, ChartKind, ConvergenceCurves } from './chart-kinds.js';
import { decayMedians } from './convergence-charts.js';
import { MARK_LIMIT } from './types.js';

export type CsvCell = string | number | boolean | null;

/** A table: column names and rows of cells, one per column. */
export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

export type ChartCsvs = { [K in ChartKind]: (data: ChartData[K]) => CsvTable };

/** A log axis cannot show values ≤ 0: those rows are not plotted. */
const positive = (v: number | null, log: boolean): v is number => v !== null && (!log || v > 0);

/**
 * Rows of a Convergence chart: per group and logged step, the median over its seeds and the
 * interquartile band of metric `m` (what the line and the band draw), then the gd theory lines.
 */
function convergence(m: ConvergenceBand['m'], name: string, log: boolean) {
  return (d: ConvergenceCurves): CsvTable => {
    const byG = new Map(d.groups.map((g) => [g.g, g]));
    const rows: CsvCell[][] = [];
    const head = (g: ConvergenceGroup) => [g.col, g.opt, g.wd, g.L, g.eta, g.n];
    for (const b of d.bands) {
      const g = byG.get(b.g);
      if (g && b.m === m && positive(b.med, log)) {
        rows.push([...head(g), 'median over seeds', b.s, b.med, b.q1, b.q3, g.runs]);
      }
    }
    for (const t of m === 'i' ? (d.theory ?? []) : []) {
      const g = byG.get(t.g);
      if (g) rows.push([...head(g), 'gd theory', t.s, t.i, null, null, g.runs]);
    }
    return {
      columns: [
        'init',
        'optimizer',
        'weight decay',
        'L',
        'learning rate',
        'runs',
        'series',
        'step',
        name,
        'quartile 1',
        'quartile 3',
        'runs table',
      ],
      rows,
    };
  };
}

/** An α̂-against-depth figure: each run drawn as a dot (when they are), then each group's median and quartiles. */
function alphaDepth(d: ChartData['alpha-depth']): CsvTable {
  const rows: CsvCell[][] = [];
  for (const p of d.points) {
    const v = p[d.y];
    if (v !== null) rows.push(['run', p.id, p.opt, p.init, p.L, p.wd, 1, v, null, null]);
  }
  for (const s of d.summary) {
    if (s.med !== null)
      rows.push(['group', null, s.opt, s.init, s.L, s.wd, s.n, s.med, s.q1, s.q3]);
  }
  return {
    columns: [
      'series',
      'run',
      'optimizer',
      'init',
      'L',
      'weight decay',
      'runs',
      d.label,
      'quartile 1',
      'quartile 3',
    ],
    rows,
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
  'alpha-depth': alphaDepth,
  'alpha-depth-wd': alphaDepth,
  'alpha-spectral': alphaDepth,
  'corr-half': (d) => ({
    columns: ['series', 'run', 'L', 'exponent', 'cosine similarity', 'runs'],
    rows: [
      ...d.medians.map((m): CsvCell[] => ['median', null, m.L, m.which, m.c, m.n]),
      ...d.points.map((p): CsvCell[] => ['run', p.id, Math.round(p.x), p.which, p.c, 1]),
    ],
  }),
  'conv-imbalance': convergence('i', 'imbalance', true),
  'conv-corr': convergence('c', 'corr(1/L)', false),
  'conv-loss': convergence('l', 'loss', true),
  'conv-opt': convergence('i', 'imbalance', true),
  'conv-decay': (d) => ({
    columns: [
      'run',
      'L',
      'init',
      'weight decay',
      'learning rate',
      'fitted rate per step',
      'theory rate per step',
    ],
    // Above the mark limit the chart draws each group's median, and so does its CSV.
    rows: (d.points.length > MARK_LIMIT ? decayMedians(d.points) : d.points).map((p) => [
      p.id,
      p.L,
      p.init,
      p.wd,
      p.eta,
      p.fit,
      p.theory,
    ]),
  }),
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
      'drawn at',
      'rho',
      'plain cosine',
      'counterexample',
    ],
    // As drawn: ratios at float64 zero sit at the floor (`drawn at`), their true value beside it.
    rows: d.points
      .filter((p) => p.x !== null && p.x > 0 && p.rho !== null)
      .map((p) => [p.id, p.act, p.scale, p.L, p.ratio, p.x, p.rho, p.plain, p.ce]),
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
