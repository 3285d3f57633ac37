import type * as tfc from '@tensorflow/tfjs-core';
import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../config/schema.js';
import { dense, type Dense } from '../linalg/dense.js';
import { mlpForward, mseLoss } from '../models/mlp.js';
import type { Task } from '../tasks/task.js';
import type { Engine } from './engine.js';

function tensor(a: Dense): tfc.Tensor2D {
  return tf.tensor2d(Float32Array.from(a.data), [a.rows, a.cols]);
}

/**
 * The reference engine: TensorFlow.js autodiff through the network, for any activation. The
 * data lives on the backend as float32; weights are uploaded from the loop's float64 arrays
 * each call, gradients come back as float64 arrays. Every fast path is checked against this.
 */
export function referenceEngine(c: RunConfig, task: Task): Engine {
  const forward = mlpForward(c);
  const x = tensor(task.x);
  const y = tensor(task.y);
  const linear = c.activation === 'linear';

  const lossOf = (ws: tfc.Tensor2D[], xb: tfc.Tensor2D, yb: tfc.Tensor2D) =>
    mseLoss(forward(xb, ws), yb);

  return {
    name: 'reference',
    gradients(weights, batch) {
      const { value, grads } = tf.tidy(() => {
        const ws = weights.map(tensor);
        let xb = x;
        let yb = y;
        if (batch) {
          const idx = tf.tensor1d(batch, 'int32');
          xb = tf.gather(x, idx);
          yb = tf.gather(y, idx);
        }
        return tf.valueAndGrads((...args: tfc.Tensor[]) => lossOf(args as tfc.Tensor2D[], xb, yb))(
          ws,
        );
      });
      const loss = value.dataSync()[0]!;
      const out = grads.map((g) => Float64Array.from(g.dataSync()));
      tf.dispose([value, ...grads]);
      return { loss, grads: out };
    },
    loss(weights) {
      return tf.tidy(() => lossOf(weights.map(tensor), x, y).dataSync()[0]!);
    },
    agop(weights) {
      return linear ? null : agopAutodiff(weights.map(tensor), x, forward, c.outputDim);
    },
    dispose() {
      x.dispose();
      y.dispose();
    },
  };
}

/**
 * AGOP by autodiff: for each output j, the gradient of Σᵢ f_j(xᵢ) with respect to the input
 * batch is the stack of per-sample Jacobian rows ∂f_j(xᵢ)/∂xᵢ (samples do not interact), so
 * AGOP = (1/n) Σ_j G_jᵀ G_j. Accumulated in float64. Disposes `ws`.
 */
export function agopAutodiff(
  ws: tfc.Tensor2D[],
  x: tfc.Tensor2D,
  forward: (x: tfc.Tensor2D, w: tfc.Tensor2D[]) => tfc.Tensor2D,
  outputs: number,
): Dense {
  const [n, d] = x.shape;
  const out = dense(d, d);
  for (let j = 0; j < outputs; j++) {
    const g = tf.tidy(() => {
      const fj = (xi: tfc.Tensor) =>
        tf.sum(tf.slice(forward(xi as tfc.Tensor2D, ws), [0, j], [n, 1]));
      return tf.grad(fj)(x).dataSync();
    });
    for (let i = 0; i < n; i++) {
      const row = i * d;
      for (let a = 0; a < d; a++) {
        const ga = g[row + a]!;
        if (ga === 0) continue;
        for (let b = 0; b < d; b++) out.data[a * d + b] = out.data[a * d + b]! + ga * g[row + b]!;
      }
    }
  }
  for (let k = 0; k < out.data.length; k++) out.data[k] = out.data[k]! / n;
  ws.forEach((w) => w.dispose());
  return out;
}
