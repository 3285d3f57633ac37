import { Matrix, QrDecomposition } from 'ml-matrix';
import type { Rng } from '../random/rng.js';

/**
 * A dense row-major float64 matrix as the training engines hold weights and data. The
 * per-log-step metrics (nfaMetrics) work on it directly; `toMatrix` / `fromMatrix` convert
 * for the ml-matrix `Matrix` functions (the reference implementations and decompositions).
 */
export interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function dense(rows: number, cols: number, data?: Float64Array): Dense {
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

export function toMatrix(a: Dense): Matrix {
  const m = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) m.set(i, j, a.data[i * a.cols + j]!);
  return m;
}

export function fromMatrix(m: Matrix): Dense {
  const out = dense(m.rows, m.columns);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.columns; j++) out.data[i * m.columns + j] = m.get(i, j);
  return out;
}

/**
 * A random matrix with orthonormal columns (rows ≥ cols) or rows (rows < cols), Haar
 * distributed: QR of a Gaussian matrix with the signs of R's diagonal folded into Q.
 */
export function randomOrthogonal(rng: Rng, rows: number, cols: number): Matrix {
  const tall = rows >= cols;
  const r = tall ? rows : cols;
  const c = tall ? cols : rows;
  const g = new Matrix(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) g.set(i, j, rng.normal());
  const qr = new QrDecomposition(g);
  const q = qr.orthogonalMatrix.subMatrix(0, r - 1, 0, c - 1);
  const rr = qr.upperTriangularMatrix;
  for (let j = 0; j < c; j++) {
    if (rr.get(j, j) < 0) for (let i = 0; i < r; i++) q.set(i, j, -q.get(i, j));
  }
  return tall ? q : q.transpose();
}
