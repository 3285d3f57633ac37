// AssemblyScript (compiled with gemm.ts into one module, see build-wasm.mjs): the elementwise
// work of every training step, with f64x2 vectors: the finiteness check of the gradients and
// the gradient-descent update. Each lane computes exactly what the JavaScript loop computes
// for its entry (the same operations in the same order), so the results are bit-identical.

/** 1 when every one of the `len` float64s at `x` is finite, else 0. */
export function allFinite(x: usize, len: usize): i32 {
  // x − x is 0 for a finite x and NaN for ±∞ and NaN; a NaN anywhere stays NaN in the sum.
  let acc = f64x2.splat(0);
  let i: usize = 0;
  for (; i + 1 < len; i += 2) {
    const v = v128.load(x + i * 8);
    acc = f64x2.add(acc, f64x2.sub(v, v));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; i < len; i++) {
    const v = load<f64>(x + i * 8);
    s += v - v;
  }
  return s == s ? 1 : 0;
}

/** p ← p − η(g + λp) over `len` entries (gradient descent with coupled weight decay). */
export function gdStep(p: usize, g: usize, len: usize, lr: f64, wd: f64): void {
  const vlr = f64x2.splat(lr);
  const vwd = f64x2.splat(wd);
  let i: usize = 0;
  for (; i + 1 < len; i += 2) {
    const o = i * 8;
    const w = v128.load(p + o);
    const t = f64x2.add(v128.load(g + o), f64x2.mul(vwd, w));
    v128.store(p + o, f64x2.sub(w, f64x2.mul(vlr, t)));
  }
  for (; i < len; i++) {
    const o = i * 8;
    const w = load<f64>(p + o);
    store<f64>(p + o, w - lr * (load<f64>(g + o) + wd * w));
  }
}
