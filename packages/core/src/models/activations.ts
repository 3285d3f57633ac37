import type * as tfc from '@tensorflow/tfjs-core';
import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../config/schema.js';

/** The hidden-layer nonlinearity of a config as a TensorFlow.js function. */
export function activationFn(
  c: Pick<RunConfig, 'activation' | 'leakySlope'>,
): (h: tfc.Tensor) => tfc.Tensor {
  switch (c.activation) {
    case 'linear':
      return (h) => h;
    case 'relu':
      return (h) => tf.relu(h);
    case 'tanh':
      return (h) => tf.tanh(h);
    case 'leaky_relu':
      return (h) => tf.leakyRelu(h, c.leakySlope);
    case 'softplus':
      return (h) => tf.softplus(h);
    case 'gelu':
      // tanh approximation of GELU: ½h(1 + tanh(√(2/π)(h + 0.044715h³)))
      return (h) =>
        tf.mul(
          tf.mul(h, 0.5),
          tf.add(
            1,
            tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(h, tf.mul(0.044715, tf.pow(h, 3))))),
          ),
        );
  }
}
