import { Matrix, QrDecomposition } from 'ml-matrix';

/**
 * Seeded random matrices for the metric tests (not exported from the package): a mulberry32
 * generator with Box–Muller Gaussians, random orthonormal frames and exactly balanced deep
 * linear networks.
 */
export type Gaussian = () => number;

export function gaussian(seed: number): Gaussian {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

export function gaussianMatrix(g: Gaussian, rows: number, cols: number, scale = 1): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, scale * g());
  return m;
}

/** An n × r matrix with orthonormal columns (QR of a Gaussian matrix), r ≤ n. */
export function orthonormalColumns(g: Gaussian, n: number, r: number): Matrix {
  const q = new QrDecomposition(gaussianMatrix(g, n, r)).orthogonalMatrix;
  return q.subMatrix(0, n - 1, 0, r - 1);
}

/** V diag(values) Vᵀ for a random orthonormal V (n × values.length). */
export function symmetricWithSpectrum(g: Gaussian, n: number, values: readonly number[]): Matrix {
  const v = orthonormalColumns(g, n, values.length);
  return v.mmul(Matrix.diag([...values])).mmul(v.transpose());
}

/**
 * An exactly balanced deep linear net: W_1 = Q_1 S Vᵀ, W_l = Q_l S Q_{l−1}ᵀ, W_L = U S Q_{L−1}ᵀ
 * with orthonormal frames of rank r = singularValues.length, so W_{l+1}ᵀW_{l+1} = W_l W_lᵀ and
 * W_1ᵀW_1 = V S² Vᵀ = (WᵀW)^{1/L} for W = W_L ⋯ W_1.
 */
export function balancedNet(
  g: Gaussian,
  shape: { inputDim: number; outputDim: number; width: number; depth: number },
  singularValues: readonly number[],
): Matrix[] {
  const { inputDim, outputDim, width, depth } = shape;
  const r = singularValues.length;
  const s = Matrix.diag([...singularValues]);
  const dims = [inputDim, ...Array.from({ length: depth - 1 }, () => width), outputDim];
  const frames = dims.map((n) => orthonormalColumns(g, n, r));
  const weights: Matrix[] = [];
  for (let l = 0; l < depth; l++) {
    weights.push(frames[l + 1]!.mmul(s).mmul(frames[l]!.transpose()));
  }
  return weights;
}

export function maxAbsDiff(a: Matrix, b: Matrix): number {
  let m = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) m = Math.max(m, Math.abs(a.get(i, j) - b.get(i, j)));
  }
  return m;
}

export function maxAbs(a: Matrix): number {
  return Math.max(a.max(), -a.min());
}
