/**
 * Downloads made in the browser: the PNG of every figure (the figure as drawn, as a standalone
 * SVG, standalone-svg.ts, painted on a canvas at twice its size), and the SVG and CSV of figures
 * without build-time files (<Chart downloads="browser">; the CSV from the embedded data, by the
 * same definitions as the files, chart-csv.ts). Figures with files link them: no JavaScript.
 */
import { chartCsv } from './chart-csv.js';
import type { ChartData, ChartKind } from './chart-kinds.js';
import { standaloneSvg } from './standalone-svg.js';

/** Pixels per SVG unit of the PNG: sharp on slides and high-density screens. */
export const PNG_SCALE = 2;

/** Show a figure's download buttons (PNG; SVG and CSV when it has no files) and wire them up. */
export function enableDownloads<K extends ChartKind>(
  fig: HTMLElement,
  kind: K,
  data: ChartData[K],
): void {
  const plot = fig.querySelector('.plot');
  const links = fig.querySelector<HTMLElement>('.downloads');
  if (!plot || !links) return;
  links.hidden = false;
  const name = fig.dataset.file ?? fig.id;
  const text = (s: string, type: string) => Promise.resolve(new Blob([s], { type }));
  wire(fig, 'png', `${name}.png`, () => figurePng(plot));
  wire(fig, 'svg', `${name}.svg`, () => text(standaloneSvg(plot), 'image/svg+xml'));
  wire(fig, 'csv', `${name}.csv`, () => text(chartCsv(kind, data), 'text/csv'));
}

function wire(fig: HTMLElement, ext: string, name: string, make: () => Promise<Blob>): void {
  const button = fig.querySelector<HTMLButtonElement>(`button.download-${ext}`);
  if (!button || button.dataset.ready) return;
  button.dataset.ready = 'true';
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    make()
      .then((blob) => save(blob, name))
      .catch((e: unknown) => console.error(`${name} failed: ${String(e)}`))
      .finally(() => (button.disabled = false));
  });
}

/** The figure drawn under `root` as a PNG blob, PNG_SCALE × its size. */
export async function figurePng(root: Element): Promise<Blob> {
  const svg = new Blob([standaloneSvg(root)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.naturalWidth * PNG_SCALE);
    canvas.height = Math.ceil(img.naturalHeight * PNG_SCALE);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(PNG_SCALE, PNG_SCALE);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('empty PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
