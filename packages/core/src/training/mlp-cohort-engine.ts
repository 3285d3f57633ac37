import { layerDims } from '../init/layer-shapes.js';
import { allocate } from '../linalg/arena.js';
import { dense } from '../linalg/dense.js';
import type { KernelMode } from '../linalg/kernels.js';
import type { Task } from '../tasks/task.js';
import { cellViews, type CohortEngine } from './cohort-engine.js';
import { activationKernel } from './mlp-activation.js';
import type { MlpConfig } from './mlp-engine.js';

/**
 * The float64 backpropagation engine (see mlp-engine.ts for the algebra) over a cohort: each
 * layer's forward, backward and gradient product runs once for all cells on the stacked
 * buffers, the activation over all of them at once. A step over `rows` samples keeps cell k's
 * rows at k·rows·(width) in every stack; the full-data loss and the AGOP of one cell use the
 * first slot of the scratch stacks.
 */
export function mlpCohortEngine(
  configs: readonly MlpConfig[],
  tasks: readonly Task[],
  mode: KernelMode = 'auto',
): CohortEngine {
  const c = configs[0]!;
  const size = configs.length;
  const dims = layerDims(c);
  const depth = c.depth;
  const n = c.samples;
  const d = c.inputDim;
  const out = c.outputDim;
  const act = activationKernel(c);
  const widest = Math.max(...dims);
  const maxBatch = Math.min(c.batchSize, n);
  const layerSizes = dims.slice(1).map((k, l) => k * dims[l]!);
  const { buffers: b, kernels } = allocate(
    {
      x: size * n * d,
      y: size * n * out,
      weights: layerSizes.map((s) => size * s),
      grads: layerSizes.map((s) => size * s),
      // z, h, σ'(z) of layers 1..L (index l − 1); h and σ' of the last layer are unused.
      z: dims.slice(1).map((k) => size * n * k),
      h: dims.slice(1, depth).map((k) => size * n * k),
      dz: dims.slice(1, depth).map((k) => size * n * k),
      // Two δ stacks wide enough for any layer, used alternately.
      deltaA: size * n * widest,
      deltaB: size * n * widest,
      xb: size * maxBatch * d,
      yb: size * maxBatch * out,
      gram: d * d,
    },
    mode,
  );
  tasks.forEach((t, k) => {
    b.x.set(t.x.data, k * n * d);
    b.y.set(t.y.data, k * n * out);
  });
  const weights = Array.from({ length: size }, (_, k) =>
    b.weights.map((stack, l) =>
      dense(dims[l + 1]!, dims[l]!, cellViews(stack, layerSizes[l]!, size)[k]),
    ),
  );
  const cellGrads = Array.from({ length: size }, (_, k) =>
    b.grads.map((stack, l) => cellViews(stack, layerSizes[l]!, size)[k]!),
  );
  const losses = new Float64Array(size);

  /** Forward of `count` cells over `rows` rows each; σ' kept when `derivs`. Returns the output stack. */
  const forward = (
    ws: Float64Array[],
    xs: Float64Array,
    rows: number,
    count: number,
    derivs: boolean,
  ) => {
    let input = xs;
    for (let l = 0; l < depth; l++) {
      const target = b.z[l]!;
      kernels.mulTransB(target, input, ws[l]!, rows, dims[l]!, dims[l + 1]!, count);
      if (l < depth - 1) {
        act(target, b.h[l]!, derivs ? b.dz[l]! : null, count * rows * dims[l + 1]!);
        input = b.h[l]!;
      }
    }
    return b.z[depth - 1]!;
  };

  /** ½‖f − y‖²/rows of cell k (rows from k·rows); with `resid`, leaves E = (f − y)/rows in it. */
  const lossOf = (
    f: Float64Array,
    ys: Float64Array,
    rows: number,
    k: number,
    resid: Float64Array | null,
  ) => {
    let sq = 0;
    const len = rows * out;
    for (let i = k * len; i < (k + 1) * len; i++) {
      const e = f[i]! - ys[i]!;
      if (resid) resid[i] = e / rows;
      sq += e * e;
    }
    return (0.5 * sq) / rows;
  };

  /** δ_{l−1} = (δ_l W_l) ⊙ σ'(Z_{l−1}) for layer l (1-based), `count` cells of `rows` rows. */
  const backStep = (
    target: Float64Array,
    delta: Float64Array,
    w: Float64Array,
    l: number,
    rows: number,
    count: number,
  ) => {
    kernels.mul(target, delta, w, rows, dims[l]!, dims[l - 1]!, count);
    const deriv = b.dz[l - 2]!;
    const len = count * rows * dims[l - 1]!;
    for (let i = 0; i < len; i++) target[i] = target[i]! * deriv[i]!;
  };

  return {
    name: 'mlp',
    size,
    kernels,
    weights,
    gradients(batches) {
      let xs = b.x;
      let ys = b.y;
      let rows = n;
      const first = batches[0] ?? null;
      if (first !== null) {
        rows = first.length;
        for (let k = 0; k < size; k++) {
          const batch = batches[k]!;
          for (let r = 0; r < rows; r++) {
            const src = batch[r]!;
            b.xb.set(b.x.subarray((k * n + src) * d, (k * n + src + 1) * d), (k * rows + r) * d);
            b.yb.set(
              b.y.subarray((k * n + src) * out, (k * n + src + 1) * out),
              (k * rows + r) * out,
            );
          }
        }
        xs = b.xb;
        ys = b.yb;
      }
      const f = forward(b.weights, xs, rows, size, true);
      let delta = b.deltaA;
      let spare = b.deltaB;
      for (let k = 0; k < size; k++) losses[k] = lossOf(f, ys, rows, k, delta);
      for (let l = depth; l >= 1; l--) {
        const below = l === 1 ? xs : b.h[l - 2]!;
        kernels.mulTransA(b.grads[l - 1]!, delta, below, dims[l]!, rows, dims[l - 1]!, size);
        if (l > 1) {
          backStep(spare, delta, b.weights[l - 1]!, l, rows, size);
          [delta, spare] = [spare, delta];
        }
      }
      return { losses, grads: cellGrads };
    },
    loss(k) {
      const ws = weights[k]!.map((w) => w.data);
      const f = forward(ws, b.x.subarray(k * n * d), n, 1, false);
      return lossOf(f, b.y.subarray(k * n * out), n, 0, null);
    },
    agop(k) {
      if (c.activation === 'linear') return null;
      const ws = weights[k]!.map((w) => w.data);
      forward(ws, b.x.subarray(k * n * d), n, 1, true);
      const result = dense(d, d);
      const acc = result.data;
      for (let j = 0; j < out; j++) {
        let delta = b.deltaA;
        let spare = b.deltaB;
        // δ_L = e_j for every sample.
        delta.fill(0, 0, n * out);
        for (let i = 0; i < n; i++) delta[i * out + j] = 1;
        for (let l = depth; l > 1; l--) {
          backStep(spare, delta, ws[l - 1]!, l, n, 1);
          [delta, spare] = [spare, delta];
        }
        // G_j = δ_1 W_1 (n × d), then AGOP += G_jᵀG_j.
        kernels.mul(spare, delta, ws[0]!, n, dims[1]!, d);
        kernels.mulTransA(b.gram, spare, spare, d, n, d);
        for (let i = 0; i < d * d; i++) acc[i] = acc[i]! + b.gram[i]!;
      }
      for (let i = 0; i < d * d; i++) acc[i] = acc[i]! / n;
      return result;
    },
  };
}
