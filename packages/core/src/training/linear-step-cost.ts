import type { RunConfig } from '../config/schema.js';
import { layerDims } from '../init/layer-shapes.js';

export type LinearConfig = Pick<
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
