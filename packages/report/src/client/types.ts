/** Format a number for a label: 3 significant digits, exponent when tiny or huge. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

/** Run status colours (the Overview's bars): Okabe–Ito green, orange, vermillion (palette.test.ts). */
export const STATUS_COLORS = {
  domain: ['ok', 'diverged', 'failed'],
  range: ['#009E73', '#E69F00', '#D55E00'],
};

/**
 * A log axis labelled at powers of ten (1e-3, 1e-2, …), so wide ranges stay readable. Over a
 * range of under two decades (`values` given), where few powers of ten fall, also at 2 and 5
 * times them.
 */
export function logAxis(label: string, values: readonly number[] = []) {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const narrow = pos.length > 0 && Math.log10(Math.max(...pos) / Math.min(...pos)) < 2;
  return {
    label,
    type: 'log' as const,
    grid: true,
    tickFormat: (d: number) => {
      const decade = Math.floor(Math.log10(d) + 1e-9);
      const m = d / 10 ** decade;
      if (Math.abs(m - 1) < 1e-6) return `1e${decade}`;
      const minor = Math.abs(m - 2) < 1e-6 || Math.abs(m - 5) < 1e-6;
      return narrow && minor ? `${Math.round(m)}e${decade}` : '';
    },
  };
}

/** A Plot element with its figure margins removed (a plot with a legend is a <figure>). */
export function flush<T extends Element>(el: T): T {
  if (el.tagName.toLowerCase() === 'figure') (el as unknown as HTMLElement).style.margin = '0';
  return el;
}

export { MARK_LIMIT } from '../data/mark-limit.js';

/** Tooltip format of a value that may be far below 1e-3 (loss ratios, rates): never "0". */
export function fmtTip(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2);
  return fmt(v);
}

/**
 * Give every link of a drawn chart an accessible name (Plot's `href` wraps a mark in an `<a>`
 * with no text): "run <id>" for a run page, "runs <filter>" for the runs table filtered to a group.
 */
export function nameLinks<T extends Element>(el: T): T {
  for (const a of el.querySelectorAll('a')) {
    const href = linkTarget(a);
    if (href === null) continue;
    const q = /[?&]q=([^&#]*)/.exec(href);
    const id = href.split('#')[1] ?? href.replace(/\/+$/, '').split('/').pop() ?? href;
    a.setAttribute(
      'aria-label',
      q ? `runs ${decodeURIComponent(q[1] as string)}` : `run ${decodeURIComponent(id)}`,
    );
  }
  return el;
}

/** An SVG link's target: Plot writes it as `xlink:href`, which `a[href]` does not match in a browser. */
export function linkTarget(a: Element): string | null {
  return a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
}
