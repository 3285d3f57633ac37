import { alignmentRenderers } from './alignment-charts.js';
import type { ChartKind, ChartRenderers } from './chart-kinds.js';
import { convergenceRenderers } from './convergence-charts.js';
import { overviewRenderers } from './overview-charts.js';
import { runRenderers } from './run-charts.js';

/** Chart kind (the figure's data-chart attribute) → function that draws it: one per kind. */
export const renderers: ChartRenderers = {
  ...overviewRenderers,
  ...alignmentRenderers,
  ...convergenceRenderers,
  ...runRenderers,
};

/** Whether a data-chart attribute names a chart kind that has a renderer. */
export function isChartKind(kind: string): kind is ChartKind {
  return Object.hasOwn(renderers, kind);
}
