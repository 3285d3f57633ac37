import { alignmentRenderers } from './alignment-charts.js';
import { convergenceRenderers } from './convergence-charts.js';
import { overviewRenderers } from './overview-charts.js';
import { runRenderers } from './run-charts.js';
import type { Renderer } from './types.js';

/** Chart kind (the figure's data-chart attribute) → function that draws it. */
export const renderers: Record<string, Renderer> = {
  ...overviewRenderers,
  ...alignmentRenderers,
  ...convergenceRenderers,
  ...runRenderers,
};
