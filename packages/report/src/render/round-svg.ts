/**
 * Plot writes coordinates at full double precision ("334.3419572553431"); in a figure drawn
 * into the HTML of every page a tenth of a pixel is plenty. Rounding the geometry attributes
 * (never text, colours or data attributes) trims a quick-sweep run page from 113 to 110 KB
 * (17.9 to 16.9 KB gzipped).
 */

/** Attributes holding only numbers and path or transform syntax, in SVG user units. */
const GEOMETRY = [
  'd',
  'points',
  'transform',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'width',
  'height',
];

/** A number, with or without a fraction or an exponent. */
const NUMBER = /-?(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?/gi;

/** Round every number of a geometry attribute's value to one decimal. */
export function roundGeometry(value: string): string {
  return value.replace(NUMBER, (n) => String(Math.round(Number(n) * 10) / 10));
}

/** Round the geometry of every SVG element under `root`, in place. */
export function roundSvgGeometry(root: Element): void {
  for (const el of root.querySelectorAll('svg, svg *')) {
    for (const name of GEOMETRY) {
      const v = el.getAttribute(name);
      if (v !== null) el.setAttribute(name, roundGeometry(v));
    }
  }
}
