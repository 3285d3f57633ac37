import type { RunConfig } from '../config/schema.js';
import { layerDims } from '../init/layer-shapes.js';
import { dot, mulInto, mulTransAInto, mulTransBInto } from '../linalg/gemm.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';

type LinearConfig = Pick<
  RunConfig,
  'inputDim' | 'outputDim' | 'depth' | 'width' | 'samples' | 'batchSize' | 'activation'
>;

/**
 * How the engine computes the output-space gradient G = ∂loss/∂W (c × d) of the end-to-end
 * map W = W_L⋯W_1: from the input covariances precomputed once (full batch, cost c·d², free of
 * n), or from the residuals E = XWᵀ − Y of the batch (cost 2·b·c·d).
 */
export type GradientPath = 'covariance' | 'residual';

/** The gradient path of a config and the floating-point operations of one gradient step. */
export function linearStepCost(c: LinearConfig): { path: GradientPath; flops: number } {
  const dims = layerDims(c);
  const d = c.inputDim;
  const out = c.outputDim;
  const b = Math.min(c.batchSize, c.samples);
  const path: GradientPath = b >= c.samples && d <= 2 * c.samples ? 'covariance' : 'residual';
  // Suffix products, the G·P_lᵀ chain and the layer gradients: c·dims[l]·dims[l−1] each.
  let chain = 0;
  for (let l = 1; l < c.depth; l++) chain += 3 * out * dims[l]! * dims[l - 1]!;
  const g = path === 'covariance' ? out * d * d : 2 * b * out * d;
  return { path, flops: 2 * (chain + g) };
}

/**
 * Closed-form engine for linear networks f(x) = W_L⋯W_1 x, float64, no autodiff and no
 * allocation per step. With W = W_L⋯W_1, G = ∂loss/∂W and prefix/suffix products
 * P_l = W_l⋯W_1, S_l = W_L⋯W_{l+1}: ∂loss/∂W_l = S_lᵀ G P_{l−1}ᵀ. Every factor has c rows
 * (S_l is c × dims[l], G·P_lᵀ is c × dims[l]), so a step costs O(L·c·k²) plus G:
 * - full batch: G = WΣxx − Σyx with Σxx = XᵀX/n, Σyx = YᵀX/n computed once, and
 *   loss = ⟨W, ½WΣxx − Σyx⟩ + tr(YᵀY)/(2n) — independent of n;
 * - minibatch: E = X_bWᵀ − Y_b, G = E ᵀX_b / b, loss = ½‖E‖²/b.
 * The gradient arrays returned are reused by the next call. AGOP is the closed form (null).
 */
export function linearEngine(c: LinearConfig, task: Task): Engine {
  if (c.activation !== 'linear') {
    throw new Error(`linear engine: activation must be linear, got ${c.activation}`);
  }
  const dims = layerDims(c);
  const depth = c.depth;
  const n = task.x.rows;
  const d = c.inputDim;
  const out = c.outputDim;
  const x = task.x.data;
  const y = task.y.data;
  const { path } = linearStepCost(c);

  // Suffix products S_l (c × dims[l]) for l < L − 1 (S_{L−1} is W_L itself), S_0 = W.
  const suffix = dims.slice(0, depth - 1).map((k) => new Float64Array(out * k));
  // G·P_lᵀ (c × dims[l]); chain[0] is G.
  const chain = dims.slice(0, depth).map((k) => new Float64Array(out * k));
  const grads = dims.slice(1).map((k, l) => new Float64Array(k * dims[l]!));
  const scratch = new Float64Array(out * d);

  let sxx: Float64Array | null = null;
  let syx: Float64Array | null = null;
  let halfYy = 0;
  if (path === 'covariance') {
    sxx = new Float64Array(d * d);
    syx = new Float64Array(out * d);
    mulTransAInto(sxx, x, x, d, n, d);
    mulTransAInto(syx, y, x, out, n, d);
    for (let i = 0; i < sxx.length; i++) sxx[i] = sxx[i]! / n;
    for (let i = 0; i < syx.length; i++) syx[i] = syx[i]! / n;
    halfYy = dot(y, y, n * out) / (2 * n);
  }
  const maxBatch = Math.min(c.batchSize, n);
  const xb = new Float64Array(maxBatch * d);
  const yb = new Float64Array(maxBatch * out);
  const resid = new Float64Array(Math.max(maxBatch, n) * out);

  /** End-to-end map W = W_L⋯W_1 (c × d), filling the suffix products on the way. */
  const product = (weights: { data: Float64Array }[]): Float64Array => {
    let s = weights[depth - 1]!.data;
    for (let l = depth - 1; l >= 1; l--) {
      const target = suffix[l - 1]!;
      mulInto(target, s, weights[l - 1]!.data, out, dims[l]!, dims[l - 1]!);
      s = target;
    }
    return s;
  };

  /** ½‖XWᵀ − Y‖² / rows, leaving G = EᵀX / rows in chain[0]. */
  const residual = (
    w: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    rows: number,
    grad: boolean,
  ) => {
    mulTransBInto(resid, xs, w, rows, d, out);
    let sq = 0;
    for (let i = 0; i < rows * out; i++) {
      const e = resid[i]! - ys[i]!;
      resid[i] = e / rows;
      sq += e * e;
    }
    if (grad) mulTransAInto(chain[0]!, resid, xs, out, rows, d);
    return (0.5 * sq) / rows;
  };

  return {
    name: 'linear',
    gradients(weights, batch) {
      const w = product(weights);
      const g = chain[0]!;
      let loss: number;
      if (batch === null && sxx && syx) {
        // W·Σxx as W·Σxxᵀ (Σxx is exactly symmetric): the faster row-dot kernel.
        mulTransBInto(scratch, w, sxx, out, d, d);
        let inner = 0;
        for (let i = 0; i < out * d; i++) {
          const m = scratch[i]!;
          const r = syx[i]!;
          inner += w[i]! * (0.5 * m - r);
          g[i] = m - r;
        }
        loss = inner + halfYy;
      } else if (batch === null) {
        loss = residual(w, x, y, n, true);
      } else {
        const rows = batch.length;
        for (let r = 0; r < rows; r++) {
          const src = batch[r]!;
          xb.set(x.subarray(src * d, src * d + d), r * d);
          yb.set(y.subarray(src * out, src * out + out), r * out);
        }
        loss = residual(w, xb, yb, rows, true);
      }
      for (let l = 1; l < depth; l++) {
        mulTransBInto(chain[l]!, chain[l - 1]!, weights[l - 1]!.data, out, dims[l - 1]!, dims[l]!);
      }
      for (let l = 1; l < depth; l++) {
        // ∂/∂W_l = S_lᵀ (G P_{l−1}ᵀ); S_l is W_L for l = L − 1, suffix[l] below.
        const s = l === depth - 1 ? weights[depth - 1]!.data : suffix[l]!;
        mulTransAInto(grads[l - 1]!, s, chain[l - 1]!, dims[l]!, out, dims[l - 1]!);
      }
      grads[depth - 1]!.set(chain[depth - 1]!);
      return { loss, grads };
    },
    loss(weights) {
      return residual(product(weights), x, y, n, false);
    },
    agop() {
      return null;
    },
    dispose() {},
  };
}
