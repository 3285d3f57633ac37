import { layerDims } from '../init/layer-shapes.js';
import { allocate } from '../linalg/arena.js';
import { dense } from '../linalg/dense.js';
import { dot } from '../linalg/gemm.js';
import type { KernelMode } from '../linalg/kernels.js';
import type { Task } from '../tasks/task.js';
import { cellViews, type CohortEngine } from './cohort-engine.js';
import { linearStepCost, type LinearConfig } from './linear-step-cost.js';

/**
 * The closed-form linear engine (see linear-engine.ts for the algebra) over a cohort: every
 * product of a step runs once for all cells on the stacked buffers. `configs` share one shape;
 * `tasks[k]` is cell k's data.
 */
export function linearCohortEngine(
  configs: readonly LinearConfig[],
  tasks: readonly Task[],
  mode: KernelMode = 'auto',
): CohortEngine {
  const c = configs[0]!;
  if (c.activation !== 'linear') {
    throw new Error(`linear engine: activation must be linear, got ${c.activation}`);
  }
  const size = configs.length;
  const dims = layerDims(c);
  const depth = c.depth;
  const n = c.samples;
  const d = c.inputDim;
  const out = c.outputDim;
  const { path } = linearStepCost(c);
  const covariance = path === 'covariance';
  const maxBatch = Math.min(c.batchSize, n);
  const layerSizes = dims.slice(1).map((k, l) => k * dims[l]!);
  const { buffers: b, kernels } = allocate(
    {
      x: size * n * d,
      y: size * n * out,
      weights: layerSizes.map((s) => size * s),
      grads: layerSizes.map((s) => size * s),
      // Suffix products S_l (c × dims[l]) for l < L − 1; S_0 = W.
      suffix: dims.slice(0, depth - 1).map((k) => size * out * k),
      // G·P_lᵀ (c × dims[l]); chain[0] is G.
      chain: dims.slice(0, depth).map((k) => size * out * k),
      sxx: covariance ? size * d * d : 0,
      syx: covariance ? size * out * d : 0,
      scratch: size * out * d,
      xb: size * maxBatch * d,
      yb: size * maxBatch * out,
      resid: size * Math.max(maxBatch, n) * out,
    },
    mode,
  );
  tasks.forEach((t, k) => {
    b.x.set(t.x.data, k * n * d);
    b.y.set(t.y.data, k * n * out);
  });
  const halfYy = new Float64Array(size);
  if (covariance) {
    kernels.mulTransA(b.sxx, b.x, b.x, d, n, d, size);
    kernels.mulTransA(b.syx, b.y, b.x, out, n, d, size);
    for (let i = 0; i < b.sxx.length; i++) b.sxx[i] = b.sxx[i]! / n;
    for (let i = 0; i < b.syx.length; i++) b.syx[i] = b.syx[i]! / n;
    for (let k = 0; k < size; k++) {
      halfYy[k] = dot(b.y.subarray(k * n * out), b.y.subarray(k * n * out), n * out) / (2 * n);
    }
  }
  const weights = Array.from({ length: size }, (_, k) =>
    b.weights.map((stack, l) =>
      dense(dims[l + 1]!, dims[l]!, cellViews(stack, layerSizes[l]!, size)[k]),
    ),
  );
  const cellGrads = Array.from({ length: size }, (_, k) =>
    b.grads.map((stack, l) => cellViews(stack, layerSizes[l]!, size)[k]!),
  );
  const losses = new Float64Array(size);

  /** W = W_L⋯W_1 of `count` cells (stacks from `ws`), filling `suffix` on the way. */
  const product = (ws: Float64Array[], suffix: Float64Array[], count: number): Float64Array => {
    let s = ws[depth - 1]!;
    for (let l = depth - 1; l >= 1; l--) {
      kernels.mul(suffix[l - 1]!, s, ws[l - 1]!, out, dims[l]!, dims[l - 1]!, count);
      s = suffix[l - 1]!;
    }
    return s;
  };

  /** ½‖XWᵀ − Y‖²/rows per cell into `into`, leaving G = EᵀX/rows in `g` when given. */
  const residual = (
    w: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    rows: number,
    count: number,
    into: Float64Array,
    g: Float64Array | null,
  ) => {
    kernels.mulTransB(b.resid, xs, w, rows, d, out, count);
    const len = rows * out;
    for (let k = 0; k < count; k++) {
      let sq = 0;
      for (let i = k * len; i < (k + 1) * len; i++) {
        const e = b.resid[i]! - ys[i]!;
        b.resid[i] = e / rows;
        sq += e * e;
      }
      into[k] = (0.5 * sq) / rows;
    }
    if (g) kernels.mulTransA(g, b.resid, xs, out, rows, d, count);
  };

  const one = new Float64Array(1);
  return {
    name: 'linear',
    size,
    kernels,
    weights,
    gradients(batches) {
      const w = product(b.weights, b.suffix, size);
      const g = b.chain[0]!;
      const od = out * d;
      const first = batches[0] ?? null;
      if (first === null && covariance) {
        // W·Σxx as W·Σxxᵀ (Σxx is exactly symmetric): the row-dot kernel.
        kernels.mulTransB(b.scratch, w, b.sxx, out, d, d, size);
        for (let k = 0; k < size; k++) {
          let inner = 0;
          for (let i = k * od; i < (k + 1) * od; i++) {
            const m = b.scratch[i]!;
            const r = b.syx[i]!;
            inner += w[i]! * (0.5 * m - r);
            g[i] = m - r;
          }
          losses[k] = inner + halfYy[k]!;
        }
      } else if (first === null) {
        residual(w, b.x, b.y, n, size, losses, g);
      } else {
        const rows = first.length;
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
        residual(w, b.xb, b.yb, rows, size, losses, g);
      }
      for (let l = 1; l < depth; l++) {
        kernels.mulTransB(
          b.chain[l]!,
          b.chain[l - 1]!,
          b.weights[l - 1]!,
          out,
          dims[l - 1]!,
          dims[l]!,
          size,
        );
      }
      for (let l = 1; l < depth; l++) {
        // ∂/∂W_l = S_lᵀ (G P_{l−1}ᵀ); S_l is W_L for l = L − 1, suffix[l] below.
        const s = l === depth - 1 ? b.weights[depth - 1]! : b.suffix[l]!;
        kernels.mulTransA(b.grads[l - 1]!, s, b.chain[l - 1]!, dims[l]!, out, dims[l - 1]!, size);
      }
      b.grads[depth - 1]!.set(b.chain[depth - 1]!);
      return { losses, grads: cellGrads };
    },
    loss(k) {
      // One cell: its weights, its data, and the scratch stacks' first slots.
      const w = product(
        weights[k]!.map((x) => x.data),
        b.suffix,
        1,
      );
      residual(w, b.x.subarray(k * n * d), b.y.subarray(k * n * out), n, 1, one, null);
      return one[0]!;
    },
    agop() {
      return null;
    },
  };
}
