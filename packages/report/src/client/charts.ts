/**
 * Draws every `<figure data-chart=KIND>` of the page with Observable Plot, from the JSON in its
 * `<script type="application/json">`. Data is read with textContent and drawn as SVG text: never
 * parsed as HTML.
 */
import type { ChartData, ChartKind } from './chart-kinds.js';
import { labelChartSvgs } from './accessible-svg.js';
import { isChartKind, renderers } from './renderers.js';

/** Draw a chart of kind K; its data is ChartData[K] since <Chart> embedded it from that type. */
function paint<K extends ChartKind>(kind: K, data: ChartData[K], width: number): Element {
  return renderers[kind](data, { width, document });
}

function draw(fig: HTMLElement): void {
  const kind = fig.dataset.chart ?? '';
  const target = fig.querySelector<HTMLElement>('.plot');
  const json = fig.querySelector('script[type="application/json"]')?.textContent ?? 'null';
  if (!target) return;
  try {
    if (!isChartKind(kind)) throw new Error(`no renderer for chart kind "${kind}"`);
    // Laid out at the box's own width (a phone's too), so tick labels keep their size.
    const width = Math.max(280, Math.min(1150, target.clientWidth || 900));
    // The JSON was written by <Chart> (Chart.astro) from ChartData[kind]: JSON.parse's `any` is
    // that type, checked at build time where the page passed it.
    target.replaceChildren(paint(kind, JSON.parse(json), width));
    labelChartSvgs(target, fig.dataset.title ?? kind);
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = `This chart could not be drawn: ${String(e)}`;
    target.replaceChildren(p);
    console.error(e);
  }
}

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-chart]')) draw(fig);
