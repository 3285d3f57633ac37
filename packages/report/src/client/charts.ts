/**
 * Enhances every `<figure data-chart=KIND>` of the page: the figure drawn at build time is
 * redrawn with Observable Plot at the box's own width (a phone's too, so tick labels keep their
 * size) and with tooltips, from the JSON embedded in the page (chart-data.ts); its PNG
 * download is enabled. If drawing fails the build-time figure stays. Data is read with
 * textContent and drawn as SVG text: never parsed as HTML.
 */
import type { ChartData, ChartKind } from './chart-kinds.js';
import { labelChartSvgs } from './accessible-svg.js';
import { readChartData } from './chart-data.js';
import { enableDownloads } from './figure-downloads.js';
import { isChartKind, renderers } from './renderers.js';

/** Draw a chart of kind K; its data is ChartData[K] since <Chart> embedded it from that type. */
function paint<K extends ChartKind>(kind: K, data: ChartData[K], width: number): Element {
  return renderers[kind](data, { width, document });
}

function draw(fig: HTMLElement): void {
  const kind = fig.dataset.chart ?? '';
  const target = fig.querySelector<HTMLElement>('.plot');
  if (!target) return;
  try {
    if (!isChartKind(kind)) throw new Error(`no renderer for chart kind "${kind}"`);
    // The JSON was written by <Chart> (Chart.astro) from ChartData[kind]: what it reads back is
    // that type, checked at build time where the page passed it.
    const data = readChartData(fig, document) as ChartData[typeof kind];
    const width = Math.max(280, Math.min(1150, target.clientWidth || 900));
    target.replaceChildren(paint(kind, data, width));
    labelChartSvgs(target, fig.dataset.title ?? kind);
    enableDownloads(fig, kind, data);
  } catch (e) {
    // The figure drawn at build time stays, without tooltips or browser-made downloads.
    console.error(`figure ${fig.id} kept as built: ${String(e)}`);
  }
}

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-chart]')) draw(fig);
