/**
 * Draws every `<figure data-chart=KIND>` of the page with Observable Plot, from the JSON in its
 * `<script type="application/json">`. Data is read with textContent and drawn as SVG text: never
 * parsed as HTML.
 */
import { renderers } from './renderers.js';

function draw(fig: HTMLElement): void {
  const kind = fig.dataset.chart ?? '';
  const target = fig.querySelector<HTMLElement>('.plot');
  const json = fig.querySelector('script[type="application/json"]')?.textContent ?? 'null';
  const render = renderers[kind];
  if (!target) return;
  try {
    if (!render) throw new Error(`no renderer for chart kind "${kind}"`);
    const width = Math.max(480, Math.min(1150, target.clientWidth || 900));
    const paint = render as (data: unknown, width: number) => Element;
    target.replaceChildren(paint(JSON.parse(json) as unknown, width));
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = `This chart could not be drawn: ${String(e)}`;
    target.replaceChildren(p);
    console.error(e);
  }
}

for (const fig of document.querySelectorAll<HTMLElement>('figure[data-chart]')) draw(fig);
