import type { Matrix } from 'ml-matrix';
import type { RunConfig } from '../config/schema.js';
import { dense, fromMatrix, randomOrthogonal, type Dense } from '../linalg/dense.js';
import { Rng } from '../random/rng.js';
import { layerDims } from './layer-shapes.js';

type InitConfig = Pick<
  RunConfig,
  'init' | 'initScale' | 'initPerturb' | 'inputDim' | 'outputDim' | 'depth' | 'width' | 'seed'
>;

/**
 * Exactly balanced weights: W_l = Q_l S Q_{l-1}ᵀ with orthonormal Q_0 = V (d × r), hidden
 * Q_l (k × r), Q_L = U (c × r) and one diagonal S shared by every layer, r = min(d, k, c).
 * Then W_{l+1}ᵀW_{l+1} = Q_l S² Q_lᵀ = W_l W_lᵀ. The singular values are distinct
 * (initScale · 2^{(u−½)/2}, u uniform: within ±19% of initScale, so deep products stay tame) so that α is identifiable from step 0.
 */
function balanced(rng: Rng, dims: number[], scale: number): Dense[] {
  const r = Math.min(...dims);
  const s = Array.from({ length: r }, () => scale * Math.pow(2, (rng.uniform() - 0.5) / 2));
  const bases: Matrix[] = dims.map((n) => randomOrthogonal(rng, n, r));
  const weights: Dense[] = [];
  for (let l = 1; l < dims.length; l++) {
    weights.push(
      fromMatrix(
        bases[l]!.clone()
          .mulRowVector(s)
          .mmul(bases[l - 1]!.transpose()),
      ),
    );
  }
  return weights;
}

/** I.i.d. N(0, initScale² / fan_in) entries: the usual (unbalanced) scaled Gaussian init. */
function gaussian(rng: Rng, dims: number[], scale: number): Dense[] {
  return dims.slice(1).map((out, i) => {
    const fanIn = dims[i]!;
    return dense(out, fanIn, rng.normals(out * fanIn, scale / Math.sqrt(fanIn)));
  });
}

/** initScale times a Haar-random semi-orthogonal matrix per layer. */
function orthogonal(rng: Rng, dims: number[], scale: number): Dense[] {
  return dims.slice(1).map((out, i) => {
    const w = fromMatrix(randomOrthogonal(rng, out, dims[i]!));
    for (let j = 0; j < w.data.length; j++) w.data[j] = w.data[j]! * scale;
    return w;
  });
}

/** Adds noise of relative Frobenius size `rel` to each layer: a controlled imbalance. */
function perturb(rng: Rng, weights: Dense[], rel: number): Dense[] {
  return weights.map((w) => {
    let norm = 0;
    for (const v of w.data) norm += v * v;
    const std = (rel * Math.sqrt(norm)) / Math.sqrt(w.data.length);
    const out = dense(w.rows, w.cols);
    for (let j = 0; j < w.data.length; j++) out.data[j] = w.data[j]! + std * rng.normal();
    return out;
  });
}

/**
 * The label of the init stream: the init kind and scale are part of it, so that configs that
 * differ only in `init` or `initScale` draw independent weights. With the seed alone, σ = 0.5
 * and σ = 1.2 would be the same random matrices rescaled, and a sweep over initScale would
 * compare one draw at several scales instead of independent networks.
 */
export function initStreamLabel(c: Pick<InitConfig, 'init' | 'initScale'>): string {
  // near_balanced is the balanced draw plus noise: the same base net as `balanced` with the
  // same seed and scale, so that the two compare one network with and without a perturbation.
  const kind = c.init === 'near_balanced' ? 'balanced' : c.init;
  return `init/${kind}/${c.initScale}`;
}

/**
 * The label of the near_balanced perturbation's stream: independent noise for each scale and
 * perturbation size (not the same noise rescaled).
 */
export function perturbStreamLabel(
  c: Pick<InitConfig, 'init' | 'initScale' | 'initPerturb'>,
): string {
  return `init.perturb/${c.init}/${c.initScale}/${c.initPerturb}`;
}

/** The initial weights W_1..W_L (row-major, W_l of shape out × in) of a config. */
export function initWeights(c: InitConfig): Dense[] {
  const rng = Rng.stream(c.seed, initStreamLabel(c));
  const dims = layerDims(c);
  switch (c.init) {
    case 'balanced':
      return balanced(rng, dims, c.initScale);
    case 'near_balanced':
      return perturb(
        Rng.stream(c.seed, perturbStreamLabel(c)),
        balanced(rng, dims, c.initScale),
        c.initPerturb,
      );
    case 'gaussian':
      return gaussian(rng, dims, c.initScale);
    case 'orthogonal':
      return orthogonal(rng, dims, c.initScale);
  }
}
