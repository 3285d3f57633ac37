/**
 * The chart contract: each chart kind (a figure's data-chart attribute) and the JSON it is drawn
 * from. Pages pass `ChartData[K]` to <Chart kind={K}> and the renderer of K takes exactly that, so
 * a page passing the wrong data, or a missing or mistyped renderer, fails the type-check.
 *
 * The shapes come from the build-time producers in src/data (type-only imports: erased at compile
 * time, so no server code reaches the browser bundle).
 */
import type { ColorScheme } from '@observablehq/plot';
import type { AlignmentData, AlphaFigure } from '../data/alignment.js';
import type { ConvergenceData, DecayPoint } from '../data/convergence.js';
import type { CounterexamplesData } from '../data/counterexamples.js';
import type { OptimizerCell } from '../data/optimizers.js';
import type { RunStatus } from '../data/record.js';
import type { RunDetail } from '../data/run-detail.js';

/**
 * Runs of one experiment with one status. The shape of StatusCount in data/overview.ts, restated
 * because overview.ts type-imports the node-only loader, which this browser code (compiled without
 * node types) cannot compile. The Overview page passes overview's StatusCount[] here, so astro
 * check fails if the two drift apart.
 */
export interface StatusCount {
  experiment: string;
  status: RunStatus;
  n: number;
}

/** Fitted exponents against depth: one y field of the points, with its label and links. */
export interface AlphaDepthData extends AlphaFigure {
  label: string;
  /** Run id → its page (site path joined with the base at build time). */
  hrefs?: Record<string, string>;
}

/** One field of the optimizer × weight decay cells, coloured with a scheme. */
export interface OptHeatmapData {
  cells: OptimizerCell[];
  field: 'corr' | 'err';
  label: string;
  scheme: ColorScheme;
  reverse: boolean;
}

/**
 * Per-group median and interquartile bands of one metric (Convergence page); the gd imbalance
 * chart also draws the theory lines.
 */
export interface ConvergenceCurves extends Pick<ConvergenceData, 'groups' | 'bands'> {
  theory?: ConvergenceData['theory'];
}

/** Fitted against theoretical decay rate per run; `href` is the run's page, added at build time. */
export interface DecayScatterData {
  points: (DecayPoint & { href?: string })[];
}

/** Loss / ρ curves of the counterexample runs shown; `href` is each run's page. */
export interface CounterexampleCurves {
  runs: (CounterexamplesData['curveRuns'][number] & { href?: string })[];
  curves: CounterexamplesData['curves'];
}

/** Loss reduction against ρ per nonlinear run, with the judging thresholds and run links. */
export type CounterexampleScatter = Pick<CounterexamplesData, 'points'> &
  CounterexamplesData['thresholds'] & { floor: number; hrefs?: Record<string, string> };

export interface ChartData {
  'status-bars': StatusCount[];
  'opt-heatmap': OptHeatmapData;
  /** α̂ against depth at λ = 0 (the theorem's setting), at λ > 0, and the spectral estimate. */
  'alpha-depth': AlphaDepthData;
  'alpha-depth-wd': AlphaDepthData;
  'alpha-spectral': AlphaDepthData;
  'corr-half': AlignmentData['corr'];
  'conv-imbalance': ConvergenceCurves;
  'conv-corr': ConvergenceCurves;
  'conv-loss': ConvergenceCurves;
  /** Imbalance of every optimizer's groups, coloured by optimizer (the others by depth). */
  'conv-opt': ConvergenceCurves;
  'conv-decay': DecayScatterData;
  'run-curves': RunDetail['curves'];
  'run-imbalance': RunDetail['imbalance'];
  'run-heatmap': RunDetail['heatmap'];
  'ce-scatter': CounterexampleScatter;
  'ce-curves': CounterexampleCurves;
}

export type ChartKind = keyof ChartData;

/**
 * Where a chart is drawn: its width in pixels and the document that creates its elements (the
 * browser's, or a server-side DOM when the site is built, so the same code draws both).
 */
export interface ChartContext {
  width: number;
  document: Document;
}

/** Draws one chart of kind K from its data in a context. */
export type ChartRenderer<K extends ChartKind> = (data: ChartData[K], ctx: ChartContext) => Element;

/** One renderer per chart kind: a missing kind or a renderer taking other data fails to compile. */
export type ChartRenderers = { [K in ChartKind]: ChartRenderer<K> };
