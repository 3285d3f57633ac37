/**
 * An optimizer updates float64 parameter arrays in place from their gradients. Gradients are of
 * the loss only; the optimizer applies weight decay itself: coupled (g + λW) for every
 * optimizer except `adamw`, whose decay is decoupled (W ← W − ηλW).
 */
export interface Optimizer {
  /** One update of every parameter array, given the gradients of the (unpenalized) loss. */
  step(params: Float64Array[], grads: Float64Array[]): void;
}

export interface OptimizerSettings {
  learningRate: number;
  weightDecay: number;
  momentum: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** Per-parameter state arrays of the same shapes as the parameters. */
export function zerosLike(params: Float64Array[]): Float64Array[] {
  return params.map((p) => new Float64Array(p.length));
}
