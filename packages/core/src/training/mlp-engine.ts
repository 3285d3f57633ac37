import type { RunConfig } from '../config/schema.js';
import { layerDims } from '../init/layer-shapes.js';
import { dense, type Dense } from '../linalg/dense.js';
import { mulInto, mulTransAInto, mulTransBInto } from '../linalg/gemm.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';
import { activationKernel } from './mlp-activation.js';

type MlpConfig = Pick<
  RunConfig,
  | 'inputDim'
  | 'outputDim'
  | 'depth'
  | 'width'
  | 'samples'
  | 'batchSize'
  | 'activation'
  | 'leakySlope'
>;

/**
 * Backpropagation engine for fully connected nets without biases and any activation, in
 * float64 plain JS with every buffer preallocated (no allocation per step), so nonlinear runs
 * skip TensorFlow.js. Forward over the batch rows: Z_l = H_{l−1}W_lᵀ, H_l = σ(Z_l) (the last
 * layer is linear), keeping σ'(Z_l). Backward from E = (f − y)/b: ∂loss/∂W_l = δ_lᵀH_{l−1},
 * δ_{l−1} = (δ_l W_l) ⊙ σ'(Z_{l−1}). The AGOP backpropagates each output's unit vector for all
 * samples at once: G_j = rows ∂f_j(xᵢ)/∂xᵢ, AGOP = (1/n) Σ_j G_jᵀG_j. Buffers hold n rows and a
 * batch uses the first b. The gradient arrays returned are reused by the next call.
 */
export function mlpEngine(c: MlpConfig, task: Task): Engine {
  const dims = layerDims(c);
  const depth = c.depth;
  const n = task.x.rows;
  const d = c.inputDim;
  const out = c.outputDim;
  const x = task.x.data;
  const y = task.y.data;
  const act = activationKernel(c);

  // z[l], h[l], dz[l] for layers l = 1..L (index l − 1); h of the last layer is unused.
  const z = dims.slice(1).map((k) => new Float64Array(n * k));
  const h = dims.slice(1, depth).map((k) => new Float64Array(n * k));
  const dz = dims.slice(1, depth).map((k) => new Float64Array(n * k));
  // Two δ buffers wide enough for any layer, used alternately.
  const widest = Math.max(...dims);
  const deltaA = new Float64Array(n * widest);
  const deltaB = new Float64Array(n * widest);
  const grads = dims.slice(1).map((k, l) => new Float64Array(k * dims[l]!));
  const maxBatch = Math.min(c.batchSize, n);
  const xb = new Float64Array(maxBatch * d);
  const yb = new Float64Array(maxBatch * out);
  const gram = new Float64Array(d * d);

  /** Forward over `rows` rows of xs; σ' kept when `derivs`. Returns the output (rows × c). */
  const forward = (weights: Dense[], xs: Float64Array, rows: number, derivs: boolean) => {
    let input = xs;
    for (let l = 0; l < depth; l++) {
      const target = z[l]!;
      mulTransBInto(target, input, weights[l]!.data, rows, dims[l]!, dims[l + 1]!);
      if (l < depth - 1) {
        act(target, h[l]!, derivs ? dz[l]! : null, rows * dims[l + 1]!);
        input = h[l]!;
      }
    }
    return z[depth - 1]!;
  };

  /** ½‖f − y‖²/rows; with `resid`, leaves E = (f − y)/rows in it. */
  const lossOf = (f: Float64Array, ys: Float64Array, rows: number, resid: Float64Array | null) => {
    let sq = 0;
    for (let i = 0; i < rows * out; i++) {
      const e = f[i]! - ys[i]!;
      if (resid) resid[i] = e / rows;
      sq += e * e;
    }
    return (0.5 * sq) / rows;
  };

  /**
   * δ_{l−1} = (δ_l W_l) ⊙ σ'(Z_{l−1}) for layer l (1-based) over `rows` rows, into `target`.
   */
  const backStep = (
    target: Float64Array,
    delta: Float64Array,
    w: Float64Array,
    l: number,
    rows: number,
  ) => {
    mulInto(target, delta, w, rows, dims[l]!, dims[l - 1]!);
    const deriv = dz[l - 2]!;
    for (let i = 0; i < rows * dims[l - 1]!; i++) target[i] = target[i]! * deriv[i]!;
  };

  return {
    name: 'mlp',
    gradients(weights, batch) {
      let xs = x;
      let ys = y;
      let rows = n;
      if (batch !== null) {
        rows = batch.length;
        for (let r = 0; r < rows; r++) {
          const src = batch[r]!;
          xb.set(x.subarray(src * d, src * d + d), r * d);
          yb.set(y.subarray(src * out, src * out + out), r * out);
        }
        xs = xb;
        ys = yb;
      }
      const f = forward(weights, xs, rows, true);
      let delta = deltaA;
      let spare = deltaB;
      const loss = lossOf(f, ys, rows, delta);
      for (let l = depth; l >= 1; l--) {
        const below = l === 1 ? xs : h[l - 2]!;
        mulTransAInto(grads[l - 1]!, delta, below, dims[l]!, rows, dims[l - 1]!);
        if (l > 1) {
          backStep(spare, delta, weights[l - 1]!.data, l, rows);
          [delta, spare] = [spare, delta];
        }
      }
      return { loss, grads };
    },
    loss(weights) {
      return lossOf(forward(weights, x, n, false), y, n, null);
    },
    agop(weights) {
      if (c.activation === 'linear') return null;
      forward(weights, x, n, true);
      const result = dense(d, d);
      const acc = result.data;
      for (let j = 0; j < out; j++) {
        let delta = deltaA;
        let spare = deltaB;
        // δ_L = e_j for every sample.
        delta.fill(0, 0, n * out);
        for (let i = 0; i < n; i++) delta[i * out + j] = 1;
        for (let l = depth; l > 1; l--) {
          backStep(spare, delta, weights[l - 1]!.data, l, n);
          [delta, spare] = [spare, delta];
        }
        // G_j = δ_1 W_1 (n × d), then AGOP += G_jᵀG_j.
        mulInto(spare, delta, weights[0]!.data, n, dims[1]!, d);
        mulTransAInto(gram, spare, spare, d, n, d);
        for (let i = 0; i < d * d; i++) acc[i] = acc[i]! + gram[i]!;
      }
      for (let i = 0; i < d * d; i++) acc[i] = acc[i]! / n;
      return result;
    },
    dispose() {},
  };
}
