import { Matrix } from 'ml-matrix';
import type { RunConfig } from '../config/schema.js';
import { dense, type Dense } from '../linalg/dense.js';
import { Rng } from '../random/rng.js';
import { geometricSpectrum, matrixWithSpectrum } from './teacher-spectrum.js';
import type { Task } from './task.js';

type TaskConfig = Pick<
  RunConfig,
  | 'task'
  | 'inputDim'
  | 'outputDim'
  | 'samples'
  | 'teacherRank'
  | 'teacherSpread'
  | 'teacherWidth'
  | 'noise'
  | 'seed'
>;

function gaussianInputs(rng: Rng, n: number, d: number): Dense {
  return dense(n, d, rng.normals(n * d));
}

/** Y = X Aᵀ for a matrix A (c × d), row-major. */
function applyRowwise(x: Dense, a: Matrix, act?: (v: number) => number): Dense {
  const out = dense(x.rows, a.rows);
  for (let i = 0; i < x.rows; i++) {
    for (let k = 0; k < a.rows; k++) {
      let s = 0;
      for (let j = 0; j < x.cols; j++) s += x.data[i * x.cols + j]! * a.get(k, j);
      out.data[i * a.rows + k] = act ? act(s) : s;
    }
  }
  return out;
}

const ACT = {
  multi_index_relu: (v: number) => Math.max(v, 0),
  multi_index_tanh: (v: number) => Math.tanh(v),
} as const;

/**
 * The synthetic task of a config, fully determined by its seed.
 * - `linear`: X ~ N(0, I), Y = X Tᵀ, T ∈ ℝ^{c×d} of rank r with geometric spectrum.
 * - `multi_index_relu` / `multi_index_tanh`: Y = σ(X Aᵀ) Bᵀ with a rank-r index matrix A
 *   (teacherWidth × d, spread spectrum) and a random readout B (c × teacherWidth); targets are
 *   standardized so losses compare across tasks.
 * Label noise N(0, noise²) is added to every target.
 */
export function makeTask(c: TaskConfig): Task {
  const d = c.inputDim;
  const out = c.outputDim;
  const x = gaussianInputs(Rng.stream(c.seed, 'data.x'), c.samples, d);
  const teacherRng = Rng.stream(c.seed, 'data.teacher');
  let y: Dense;
  let s: number[];
  if (c.task === 'linear') {
    const rank = c.teacherRank || Math.min(d, out);
    s = geometricSpectrum(rank, c.teacherSpread);
    y = applyRowwise(x, matrixWithSpectrum(teacherRng, out, d, s));
  } else {
    const rank = Math.min(c.teacherRank || Math.min(d, c.teacherWidth), d, c.teacherWidth);
    s = geometricSpectrum(rank, c.teacherSpread);
    const a = matrixWithSpectrum(teacherRng, c.teacherWidth, d, s);
    const hidden = applyRowwise(x, a, ACT[c.task]);
    const b = new Matrix(out, c.teacherWidth);
    const scale = 1 / Math.sqrt(c.teacherWidth);
    for (let i = 0; i < out; i++)
      for (let j = 0; j < c.teacherWidth; j++) b.set(i, j, scale * teacherRng.normal());
    y = applyRowwise(hidden, b);
    standardize(y);
  }
  if (c.noise > 0) {
    const noiseRng = Rng.stream(c.seed, 'data.noise');
    for (let i = 0; i < y.data.length; i++) y.data[i] = y.data[i]! + c.noise * noiseRng.normal();
  }
  return { x, y, teacherSingularValues: s };
}

/** Centre each output column and scale all targets to unit mean square. */
function standardize(y: Dense): void {
  for (let k = 0; k < y.cols; k++) {
    let mean = 0;
    for (let i = 0; i < y.rows; i++) mean += y.data[i * y.cols + k]!;
    mean /= y.rows;
    for (let i = 0; i < y.rows; i++) y.data[i * y.cols + k] = y.data[i * y.cols + k]! - mean;
  }
  let ms = 0;
  for (const v of y.data) ms += v * v;
  ms /= y.data.length;
  const f = ms > 0 ? 1 / Math.sqrt(ms) : 1;
  for (let i = 0; i < y.data.length; i++) y.data[i] = y.data[i]! * f;
}
