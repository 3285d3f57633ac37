/**
 * Plot draws a continuous colour legend (a "ramp") by filling a 256 × 1 canvas pixel by pixel
 * and embedding `canvas.toDataURL()` as an image. linkedom has no canvas (it would need the
 * native `canvas` package), so at build time its canvas gets this stand-in: a 2D context that
 * records the colour of each pixel of the row, and a data URL of an SVG gradient through them.
 * The browser redraws the figure with a real canvas.
 */

/** Pixels of the row sampled as gradient stops: the ramps are smooth, 33 stops are plenty. */
const STEP = 8;

/** The part of a 2D context Plot's ramp legend uses. */
export class RampContext {
  fillStyle: unknown = '#000';
  readonly colors: string[] = [];

  fillRect(x: number): void {
    this.colors[Math.round(x)] = String(this.fillStyle);
  }

  /** The row as a data URL of an SVG that stretches a gradient through its colours. */
  toDataURL(): string {
    const n = this.colors.length;
    const at = [...Array(n).keys()].filter((i) => i % STEP === 0 || i === n - 1);
    const stops = at
      .filter((i) => this.colors[i] !== undefined)
      .map((i) => `<stop offset="${n > 1 ? i / (n - 1) : 0}" stop-color="${this.colors[i]}"/>`)
      .join('');
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${n}" height="1" preserveAspectRatio="none">` +
      `<linearGradient id="g">${stops}</linearGradient><rect width="${n}" height="1" fill="url(#g)"/></svg>`;
    return `data:image/svg+xml,${encodeURIComponent(svg)}`;
  }
}

const CONTEXT = Symbol('ramp context');
type Canvas = { [CONTEXT]?: RampContext };

/** Give the canvas elements of a server-side document the stand-in 2D context. */
export function installRampCanvas(document: { createElement(tag: string): object }): void {
  const proto = Object.getPrototypeOf(document.createElement('canvas')) as {
    getContext(this: Canvas, type: string): RampContext | null;
    toDataURL(this: Canvas): string;
  };
  proto.getContext = function (type) {
    return type === '2d' ? (this[CONTEXT] ??= new RampContext()) : null;
  };
  proto.toDataURL = function () {
    return (this[CONTEXT] ?? new RampContext()).toDataURL();
  };
}
