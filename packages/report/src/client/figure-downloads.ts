/**
 * The PNG download of a figure, made in the browser: the figure as drawn, as a standalone SVG
 * (standalone-svg.ts), painted on a canvas at twice its size. (Its SVG and CSV are files written
 * at build time, linked from the figure: they work without JavaScript.)
 */
import { standaloneSvg } from './standalone-svg.js';

/** Pixels per SVG unit of the PNG: sharp on slides and high-density screens. */
export const PNG_SCALE = 2;

/** Show a figure's PNG button and make it download the figure. */
export function enablePngDownload(fig: HTMLElement): void {
  const button = fig.querySelector<HTMLButtonElement>('button.download-png');
  const plot = fig.querySelector('.plot');
  if (!button || !plot || button.dataset.ready) return;
  button.dataset.ready = 'true';
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    figurePng(plot)
      .then((png) => save(png, `${fig.dataset.file ?? fig.id}.png`))
      .catch((e: unknown) => console.error(`PNG of ${fig.id} failed: ${String(e)}`))
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
