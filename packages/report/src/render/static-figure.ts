/**
 * A figure drawn at build time: the same renderer as in the browser (client/renderers.ts), given
 * a server-side DOM (linkedom), so every figure is in the HTML, visible without JavaScript and
 * printable; the browser redraws it at its box's width with tooltips (client/charts.ts).
 */
import { parseHTML } from 'linkedom';
import { labelStaticSvgs } from '../client/accessible-svg.js';
import { chartCsvs, toCsv, type CsvTable } from '../client/chart-csv.js';
import type { ChartData, ChartKind } from '../client/chart-kinds.js';
import { renderers } from '../client/renderers.js';
import { standaloneSvg } from '../client/standalone-svg.js';
import { installRampCanvas } from './ramp-canvas.js';
import { roundSvgGeometry } from './round-svg.js';

/**
 * Rows of a figure's table alternative shown on its page (a `<details>` under the figure, for
 * keyboard and screen-reader users): the first rows of its CSV, which has all of them. Fewer on
 * run pages, of which a site has up to STATIC_RUN_PAGES_MAX.
 */
export const FIGURE_TABLE_ROWS = 100;
export const RUN_FIGURE_TABLE_ROWS = 25;

/** Width the figure is laid out at in the HTML (the content box of a desktop page); CSS scales it down. */
export const STATIC_WIDTH = 1100;

export interface StaticFigure {
  /** The figure's markup (Plot's figure or SVG, its marks labelled as in the browser). */
  markup: string;
  /** The figure as a standalone SVG file. */
  svg: string;
  /** The rows it plots (client/chart-csv.ts): the figure's table alternative on the page. */
  table: CsvTable;
  /** The same rows as CSV. */
  csv: string;
}

// One document for every figure of the build: each draw empties its box first.
const { document } = parseHTML('<!doctype html><html><head></head><body><div></div></body></html>');
installRampCanvas(document);

/** Draw a chart of kind K from its data, as <Chart> embeds it, labelled by its title. */
export function staticFigure<K extends ChartKind>(
  kind: K,
  data: ChartData[K],
  title: string,
  width = STATIC_WIDTH,
): StaticFigure {
  const box = document.body.firstElementChild as Element;
  box.replaceChildren(renderers[kind](data, { width, document: document as unknown as Document }));
  labelStaticSvgs(box, title);
  roundSvgGeometry(box);
  const table = chartCsvs[kind](data);
  return { markup: box.innerHTML, svg: standaloneSvg(box), table, csv: toCsv(table) };
}
