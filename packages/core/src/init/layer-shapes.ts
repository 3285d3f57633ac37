import type { RunConfig } from '../config/schema.js';

/** Layer widths [d, k, …, k, c]: L weight matrices, W_l of shape (dims[l] × dims[l-1]). */
export function layerDims(
  c: Pick<RunConfig, 'inputDim' | 'outputDim' | 'depth' | 'width'>,
): number[] {
  const dims = [c.inputDim];
  for (let l = 1; l < c.depth; l++) dims.push(c.width);
  dims.push(c.outputDim);
  return dims;
}
