import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { CATEGORICAL, REFERENCE, categoricalScale } from './palette.js';
import { STATUS_COLORS } from './types.js';

// Colour vision deficiency is simulated with the matrices of Machado, Oliveira & Fernandes,
// "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6),
// 2009, at full severity (culori's filterDeficiencyDeuter/Prot). Distances are CIEDE2000 ΔE.
const deltaE = differenceCiede2000();
const VISIONS: [string, (c: Color) => Color][] = [
  ['normal', (c) => c],
  ['deuteranopia', filterDeficiencyDeuter(1)],
  ['protanopia', filterDeficiencyProt(1)],
];
/** ΔE00 ≈ 10 is a difference seen at a glance between thin lines and small dots. */
const MIN_DELTA_E = 10;
/** Page backgrounds: the light theme's white and a typical dark theme's near-black. */
const BACKGROUNDS = ['#ffffff', '#121212'];
/** WCAG 2 contrast of a mark against the page: 2:1 keeps a 1.5 px line visible on both. */
const MIN_CONTRAST = 2;

/** The smallest pairwise ΔE of a palette as seen with a colour vision, and its pair. */
function closestPair(palette: readonly string[], see: (c: Color) => Color) {
  let min = { d: Infinity, pair: ['', ''] };
  for (let i = 0; i < palette.length; i++) {
    for (let j = i + 1; j < palette.length; j++) {
      const d = deltaE(see(parse(palette[i]!)!), see(parse(palette[j]!)!));
      if (d < min.d) min = { d, pair: [palette[i]!, palette[j]!] };
    }
  }
  return min;
}

// The first eight colours of Plot's default scheme (observable10), which the counterexample
// curves used before: teal/pink and blue/purple are the pairs issue 17 names.
const OLD_PLOT_DEFAULT = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
];

/** Every categorical palette a chart uses. */
const PALETTES: [string, readonly string[]][] = [
  ['categorical', CATEGORICAL],
  ['run status', STATUS_COLORS.range],
];

describe('categorical palettes', () => {
  for (const [name, palette] of PALETTES) {
    for (const [vision, see] of VISIONS) {
      it(`${name}: every pair ≥ ${MIN_DELTA_E} ΔE00 apart (${vision})`, () => {
        const { d, pair } = closestPair(palette, see);
        expect(d, `${pair.join(' vs ')} under ${vision}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      });
    }
  }

  it('the old status colours (green, orange, red) fail under deuteranopia', () => {
    const old = ['#3a9a5c', '#e8a33d', '#c8423b'];
    expect(closestPair(old, filterDeficiencyDeuter(1)).d).toBeLessThan(MIN_DELTA_E);
  });

  it('the old 8-colour default fails the same check under deuteranopia (teal vs pink)', () => {
    const { d, pair } = closestPair(OLD_PLOT_DEFAULT, filterDeficiencyDeuter(1));
    expect(d).toBeLessThan(MIN_DELTA_E);
    expect(pair).toEqual(['#6cc5b0', '#ff8ab7']);
    // Blue vs purple also falls under the threshold, under protanopia.
    expect(closestPair(['#4269d0', '#a463f2'], filterDeficiencyProt(1)).d).toBeLessThan(
      MIN_DELTA_E,
    );
  });

  it(`reads on a light and a dark page (contrast ≥ ${MIN_CONTRAST}:1)`, () => {
    for (const c of [...CATEGORICAL, ...STATUS_COLORS.range, REFERENCE]) {
      for (const bg of BACKGROUNDS) {
        expect(wcagContrast(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      }
    }
  });

  it('the contrast check rejects a colour that vanishes on one background', () => {
    expect(wcagContrast('#F0E442', '#ffffff')).toBeLessThan(MIN_CONTRAST); // Okabe–Ito yellow
    expect(wcagContrast('#000000', '#121212')).toBeLessThan(MIN_CONTRAST);
  });

  it('an ordinal scale gives each category one colour, numbers in numeric order', () => {
    const s = categoricalScale([8, 2, 10, 3, 2], 'depth L');
    expect(s.domain).toEqual([2, 3, 8, 10]);
    expect(s.range).toEqual(CATEGORICAL.slice(0, 4));
  });
});
