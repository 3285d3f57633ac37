import { describe, expect, it } from 'vitest';
import { fromMatrix } from '../linalg/dense.js';
import { ALPHA_GRID_POINTS, ALPHA_MAX, ALPHA_MIN, alphaHatFromCurve } from './alpha-hat.js';
import { columnGramDense, endToEndDense } from './dense-gram.js';
import { columnGramPositiveEigen } from './low-rank-eigen.js';
import { nfaCorrCurveOf, type NfaCorrCurve } from './nfa-curve.js';
import { symmetricPositiveEigen } from './positive-eigen.js';
import { balancedNet, gaussian, gaussianMatrix, symmetricWithSpectrum } from './test-support.js';

const STEP = (ALPHA_MAX - ALPHA_MIN) / (ALPHA_GRID_POINTS - 1);

/** Curves of random nets (low-rank AGOP), a balanced net and spread or huge spectra. */
function curves(): { name: string; curve: NfaCorrCurve }[] {
  const out: { name: string; curve: NfaCorrCurve }[] = [];
  const g = gaussian(70);
  for (const [d, width, c, depth] of [
    [32, 32, 8, 2],
    [8, 10, 4, 3],
    [6, 9, 1, 2],
    [5, 7, 9, 4],
  ] as const) {
    const dims = [d, ...Array.from({ length: depth - 1 }, () => width), c];
    const weights = dims.slice(1).map((o, l) => fromMatrix(gaussianMatrix(g, o, dims[l]!)));
    const eigen = columnGramPositiveEigen(endToEndDense(weights));
    out.push({
      name: `net ${dims.join('-')}`,
      curve: nfaCorrCurveOf(columnGramDense(weights[0]!), eigen),
    });
  }
  const balanced = balancedNet(
    g,
    { inputDim: 8, outputDim: 4, width: 10, depth: 3 },
    [2, 1.5, 1.2, 1.1],
  ).map(fromMatrix);
  out.push({
    name: 'balanced net (gram = AGOP^{1/3})',
    curve: nfaCorrCurveOf(
      columnGramDense(balanced[0]!),
      columnGramPositiveEigen(endToEndDense(balanced)),
    ),
  });
  const gram = fromMatrix(symmetricWithSpectrum(g, 12, [9, 5, 3, 2, 1, 0.5, 0.2, 0.1]));
  for (const spectrum of [
    Array.from({ length: 12 }, (_, k) => 10 ** -k),
    [1e200, 1e150, 1e100, 1e20],
    [3, 3, 3, 1],
  ]) {
    const agop = fromMatrix(symmetricWithSpectrum(g, 12, spectrum));
    out.push({
      name: `spectrum ${spectrum.slice(0, 3).join(', ')}…`,
      curve: nfaCorrCurveOf(gram, symmetricPositiveEigen(agop)),
    });
  }
  return out;
}

/** The same curve without its grid, and with a count of exact evaluations. */
function plain(curve: NfaCorrCurve): NfaCorrCurve & { calls: number } {
  const f = Object.assign(
    (a: number) => {
      f.calls++;
      return curve(a);
    },
    { rank: curve.rank, logSpread: curve.logSpread, identifiable: curve.identifiable, calls: 0 },
  );
  return f;
}

describe('NfaCorrCurve.grid', () => {
  for (const { name, curve } of curves()) {
    it(`${name}: within its error bound of the curve at every grid point`, () => {
      const grid = curve.grid!(ALPHA_MIN, STEP, ALPHA_GRID_POINTS)!;
      expect(grid.error).toBeLessThan(1e-10);
      for (let i = 0; i < ALPHA_GRID_POINTS; i++) {
        const exact = curve(ALPHA_MIN + i * STEP)!;
        expect(Math.abs(grid.values[i]! - exact)).toBeLessThanOrEqual(grid.error);
      }
    });

    it(`${name}: alphaHatFromCurve finds the same α̂ with a handful of exact evaluations`, () => {
      const counted = plain(curve);
      const withGrid = alphaHatFromCurve(Object.assign(counted, { grid: curve.grid }));
      const evaluationsWithGrid = counted.calls;
      counted.calls = 0;
      const without = alphaHatFromCurve(plain(curve));
      if (without.alpha === null) expect(withGrid.alpha).toBeNull();
      else expect(withGrid.alpha!).toBeCloseTo(without.alpha, 15);
      expect(withGrid.corr!).toBeCloseTo(without.corr!, 15);
      // A curve flat to within the grid's error (rank one, or λ^α ≈ 0 but for λ_max) leaves
      // many candidates; any other has a clear maximum.
      const values = curve.grid!(ALPHA_MIN, STEP, ALPHA_GRID_POINTS)!.values;
      const flat = Math.max(...values) - Math.min(...values) < 1e-6;
      if (!flat) expect(evaluationsWithGrid).toBeLessThan(ALPHA_GRID_POINTS / 4);
    });
  }

  it('is null where it cannot bound its error', () => {
    const curve = curves()[0]!.curve;
    expect(curve.grid!(-0.5, STEP, 10)).toBeNull();
    expect(curve.grid!(0.02, Number.NaN, 10)).toBeNull();
    const zero = nfaCorrCurveOf(
      fromMatrix(gaussianMatrix(gaussian(71), 3, 3).mul(0)),
      symmetricPositiveEigen(fromMatrix(symmetricWithSpectrum(gaussian(72), 3, [1, 2]))),
    );
    expect(zero(0.5)).toBeNull();
    expect(zero.grid!(0.02, STEP, 10)).toBeNull();
  });
});
