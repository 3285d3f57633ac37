/**
 * Categorical colours of every chart. Each colour must stay apart from the others for readers with
 * red–green colour vision deficiency, and read on a light and on a dark page: palette.test.ts
 * checks both (simulated deuteranopia/protanopia, CIEDE2000 ΔE; WCAG contrast against the two
 * page backgrounds).
 *
 * The first six are Okabe & Ito's colour-universal-design palette without its black and yellow
 * (black vanishes on a dark page, yellow on a light one); the seventh is a brown that the check
 * measured as far from all six (min ΔE 12.9 under either simulation).
 */
export const CATEGORICAL = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#8C564B', // brown
] as const;

/** Grey of reference marks (theory lines, thresholds): readable on both page backgrounds. */
export const REFERENCE = '#888888';

/**
 * An ordinal colour scale for `domain` (e.g. the depths present): one palette colour each, in
 * order. Past the palette's length colours repeat, so callers with more categories should facet.
 */
export function categoricalScale<T extends string | number>(domain: readonly T[], label: string) {
  const sorted = [...new Set(domain)].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  return {
    type: 'ordinal' as const,
    domain: sorted,
    range: sorted.map((_, i) => CATEGORICAL[i % CATEGORICAL.length] as string),
    legend: true,
    label,
  };
}
