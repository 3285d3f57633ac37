import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMatrix } from '../linalg/dense.js';
import { ALPHA_GRID_POINTS, ALPHA_MAX, ALPHA_MIN, alphaHatFromCurve } from './alpha-hat.js';
import { centredCorrCurve, centredCorrCurveOf, type CentredCorrCurve } from './centred-corr.js';
import { columnGramDense, endToEndDense } from './dense-gram.js';
import { columnGramPositiveEigen } from './low-rank-eigen.js';
import { balancedNet, gaussian, gaussianMatrix, symmetricWithSpectrum } from './test-support.js';

const STEP = (ALPHA_MAX - ALPHA_MIN) / (ALPHA_GRID_POINTS - 1);

/** Centred curves of random nets, a balanced net, spread, huge and nearly isotropic inputs. */
function curves(): { name: string; curve: CentredCorrCurve }[] {
  const out: { name: string; curve: CentredCorrCurve }[] = [];
  const g = gaussian(170);
  for (const [d, width, c, depth] of [
    [32, 32, 8, 2],
    [8, 10, 4, 3],
    [5, 7, 9, 4],
  ] as const) {
    const dims = [d, ...Array.from({ length: depth - 1 }, () => width), c];
    const weights = dims.slice(1).map((o, l) => fromMatrix(gaussianMatrix(g, o, dims[l]!)));
    const eigen = columnGramPositiveEigen(endToEndDense(weights));
    out.push({
      name: `net ${dims.join('-')}`,
      curve: centredCorrCurveOf(columnGramDense(weights[0]!), eigen),
    });
  }
  const balanced = balancedNet(
    g,
    { inputDim: 8, outputDim: 4, width: 10, depth: 3 },
    [2, 1.5, 1.2, 1.1],
  ).map(fromMatrix);
  out.push({
    name: 'balanced net',
    curve: centredCorrCurveOf(
      columnGramDense(balanced[0]!),
      columnGramPositiveEigen(endToEndDense(balanced)),
    ),
  });
  const gram = symmetricWithSpectrum(g, 12, [9, 5, 3, 2, 1, 0.5, 0.2, 0.1]);
  for (const spectrum of [
    Array.from({ length: 12 }, (_, k) => 10 ** -k),
    [1e200, 1e150, 1e100, 1e20],
    Array.from({ length: 12 }, (_, k) => 1 + 1e-4 * k), // nearly isotropic, full rank
  ]) {
    out.push({
      name: `spectrum ${spectrum.slice(0, 3).join(', ')}…`,
      curve: centredCorrCurve(gram, symmetricWithSpectrum(g, 12, spectrum)),
    });
  }
  const nearIdentity = Matrix.eye(12).add(symmetricWithSpectrum(g, 12, [1e-5, 3e-6]));
  out.push({
    name: 'nearly isotropic gram',
    curve: centredCorrCurve(nearIdentity, symmetricWithSpectrum(g, 12, [4, 2, 1])),
  });
  return out;
}

/** The same curve without its grid, and with a count of exact evaluations. */
function plain(curve: CentredCorrCurve): CentredCorrCurve & { calls: number } {
  const f = Object.assign(
    (a: number) => {
      f.calls++;
      return curve(a);
    },
    { rank: curve.rank, identifiable: curve.identifiable, calls: 0 },
  );
  return f;
}

describe('CentredCorrCurve.grid', () => {
  for (const { name, curve } of curves()) {
    it(`${name}: within its error bound of the curve at every grid point`, () => {
      const grid = curve.grid!(ALPHA_MIN, STEP, ALPHA_GRID_POINTS)!;
      // Small centred norms (nearly isotropic inputs) widen the bound, as they should.
      expect(grid.error).toBeLessThan(name.startsWith('spectrum 1,') ? 1e-6 : 1e-9);
      for (let i = 0; i < ALPHA_GRID_POINTS; i++) {
        const exact = curve(ALPHA_MIN + i * STEP)!;
        expect(Math.abs(grid.values[i]! - exact)).toBeLessThanOrEqual(grid.error);
      }
    });

    it(`${name}: alphaHatFromCurve finds the same α̂ with few exact evaluations`, () => {
      const counted = plain(curve);
      const withGrid = alphaHatFromCurve(Object.assign(counted, { grid: curve.grid }));
      const evaluationsWithGrid = counted.calls;
      const without = alphaHatFromCurve(plain(curve));
      if (without.alpha === null) expect(withGrid.alpha).toBeNull();
      else expect(withGrid.alpha!).toBeCloseTo(without.alpha, 15);
      expect(withGrid.corr!).toBeCloseTo(without.corr!, 15);
      const values = curve.grid!(ALPHA_MIN, STEP, ALPHA_GRID_POINTS)!.values;
      const flat = Math.max(...values) - Math.min(...values) < 1e-6;
      if (!flat) expect(evaluationsWithGrid).toBeLessThan(ALPHA_GRID_POINTS / 4);
    });
  }

  it('is null where it cannot bound its error: bad grids, isotropic inputs', () => {
    const curve = curves()[0]!.curve;
    expect(curve.grid!(-0.5, STEP, 10)).toBeNull();
    expect(curve.grid!(0.02, Number.NaN, 10)).toBeNull();
    const a = symmetricWithSpectrum(gaussian(171), 6, [3, 2, 1]);
    expect(centredCorrCurve(Matrix.eye(6), a).grid!(0.02, STEP, 10)).toBeNull();
    // A full-rank AGOP whose powers approach the identity as α → 0: the curve is null at
    // α = 0 (A^0 = I), so a grid starting there is null too.
    const full = centredCorrCurve(
      symmetricWithSpectrum(gaussian(172), 6, [3, 2, 1]),
      symmetricWithSpectrum(gaussian(173), 6, [6, 5, 4, 3, 2, 1]),
    );
    expect(full(0)).toBeNull();
    expect(full.grid!(0, STEP, 10)).toBeNull();
    // At α = 1e-10, A^α − aI is of relative size ~1e-10: isotropic to the curve's tolerance.
    expect(full(1e-10)).toBeNull();
    expect(full.grid!(1e-10, STEP, 10)).toBeNull();
    expect(full.grid!(ALPHA_MIN, STEP, 10)).not.toBeNull();
  });
});
