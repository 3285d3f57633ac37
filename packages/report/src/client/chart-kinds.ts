/**
 * The chart contract: each chart kind (a figure's data-chart attribute) and the JSON it is drawn
 * from. Pages pass `ChartData[K]` to <Chart kind={K}> and the renderer of K takes exactly that, so
 * a page passing the wrong data, or a missing or mistyped renderer, fails the type-check.
 *
 * The shapes come from the build-time producers in src/data (type-only imports: erased at compile
 * time, so no server code reaches the browser bundle).
 */
import type { ColorScheme } from '@observablehq/plot';
import type { AlignmentData } from '../data/alignment.js';
import type { ConvergenceData } from '../data/convergence.js';
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

/** Fitted exponents against depth: one y field of the points, with its label. */
export interface AlphaDepthData extends Pick<AlignmentData, 'points' | 'summary' | 'theory'> {
  y: 'a' | 'as';
  label: string;
}

/** One field of the optimizer × weight decay cells, coloured with a scheme. */
export interface OptHeatmapData {
  cells: OptimizerCell[];
  field: 'corr' | 'err';
  label: string;
  scheme: ColorScheme;
  reverse: boolean;
}

/** Downsampled training curves of the runs shown on the Convergence page. */
export type ConvergenceCurves = Pick<ConvergenceData, 'runs' | 'points'>;

/** Loss / ρ curves of the counterexample runs shown. */
export interface CounterexampleCurves {
  runs: CounterexamplesData['curveRuns'];
  curves: CounterexamplesData['curves'];
}

export interface ChartData {
  'status-bars': StatusCount[];
  'opt-heatmap': OptHeatmapData;
  'alpha-depth': AlphaDepthData;
  'corr-half': AlignmentData['corr'];
  /** The imbalance chart also draws the gd theory curves. */
  'conv-imbalance': ConvergenceCurves & Pick<ConvergenceData, 'theory'>;
  'conv-corr': ConvergenceCurves;
  'conv-loss': ConvergenceCurves;
  'run-curves': RunDetail['curves'];
  'run-imbalance': RunDetail['imbalance'];
  'run-heatmap': RunDetail['heatmap'];
  'ce-scatter': Pick<CounterexamplesData, 'points'> & CounterexamplesData['thresholds'];
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
