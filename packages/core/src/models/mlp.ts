import type * as tfc from '@tensorflow/tfjs-core';
import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../config/schema.js';
import { activationFn } from './activations.js';

/**
 * The fully connected network without biases: f(x) = W_L σ(⋯ σ(W_1 x)), applied row-wise to
 * a batch x (n × d); weights are tensors of shape (out × in).
 */
export function mlpForward(
  c: Pick<RunConfig, 'activation' | 'leakySlope'>,
): (x: tfc.Tensor2D, weights: tfc.Tensor2D[]) => tfc.Tensor2D {
  const act = activationFn(c);
  return (x, weights) => {
    let h: tfc.Tensor2D = x;
    weights.forEach((w, l) => {
      h = tf.matMul(h, w, false, true);
      if (l < weights.length - 1) h = act(h) as tfc.Tensor2D;
    });
    return h;
  };
}

/** ½‖f(x) − y‖² averaged over the rows of x. */
export function mseLoss(pred: tfc.Tensor2D, y: tfc.Tensor2D): tfc.Scalar {
  return tf.div(tf.mul(0.5, tf.sum(tf.square(tf.sub(pred, y)))), pred.shape[0]) as tfc.Scalar;
}
