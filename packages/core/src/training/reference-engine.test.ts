import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.js';
import { resolveConfig } from '../config/resolve.js';
import type { RunConfigInput } from '../config/schema.js';
import { initWeights } from '../init/make-init.js';
import type { Dense } from '../linalg/dense.js';
import { makeTask } from '../tasks/make-task.js';
import type { Task } from '../tasks/task.js';
import { referenceEngine } from './reference-engine.js';

const ACT: Record<string, (v: number) => number> = {
  linear: (v) => v,
  tanh: Math.tanh,
  softplus: (v) => Math.log1p(Math.exp(v)),
};

/** An independent float64 loss: plain loops, no TensorFlow.js. */
function loss64(weights: Dense[], task: Task, act: (v: number) => number): number {
  const n = task.x.rows;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let h = Array.from(task.x.data.subarray(i * task.x.cols, (i + 1) * task.x.cols));
    weights.forEach((w, l) => {
      const next = new Array<number>(w.rows).fill(0);
      for (let r = 0; r < w.rows; r++)
        for (let c = 0; c < w.cols; c++) next[r] = next[r]! + w.data[r * w.cols + c]! * h[c]!;
      h = l < weights.length - 1 ? next.map(act) : next;
    });
    for (let k = 0; k < h.length; k++) total += 0.5 * (h[k]! - task.y.data[i * h.length + k]!) ** 2;
  }
  return total / n;
}

describe('reference engine', () => {
  it.each<RunConfigInput>([
    { activation: 'linear', depth: 3 },
    { activation: 'tanh', depth: 2 },
    { activation: 'softplus', depth: 3 },
  ])('gradients match float64 finite differences (%j)', async (extra) => {
    await initBackend('wasm');
    const c = resolveConfig({
      ...extra,
      init: 'gaussian',
      inputDim: 5,
      outputDim: 3,
      width: 4,
      samples: 12,
      seed: 3,
    });
    const task = makeTask(c);
    const weights = initWeights(c);
    const engine = referenceEngine(c, task);
    const { loss, grads } = engine.gradients(weights, null);
    const act = ACT[c.activation]!;
    expect(loss).toBeCloseTo(loss64(weights, task, act), 5);
    const h = 1e-6;
    weights.forEach((w, l) => {
      for (const idx of [0, Math.floor(w.data.length / 2), w.data.length - 1]) {
        const orig = w.data[idx]!;
        w.data[idx] = orig + h;
        const up = loss64(weights, task, act);
        w.data[idx] = orig - h;
        const down = loss64(weights, task, act);
        w.data[idx] = orig;
        const fd = (up - down) / (2 * h);
        expect(Math.abs(grads[l]![idx]! - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
      }
    });
    engine.dispose();
  });

  it('minibatch gradients are those of the batch loss', async () => {
    await initBackend('wasm');
    const c = resolveConfig({ init: 'gaussian', inputDim: 4, outputDim: 2, samples: 10 });
    const task = makeTask(c);
    const weights = initWeights(c);
    const engine = referenceEngine(c, task);
    const batch = Int32Array.of(3, 7, 1);
    const { loss } = engine.gradients(weights, batch);
    const sub: Task = {
      ...task,
      x: {
        rows: 3,
        cols: 4,
        data: Float64Array.from(
          [...batch].flatMap((i) => [...task.x.data.subarray(i * 4, i * 4 + 4)]),
        ),
      },
      y: {
        rows: 3,
        cols: 2,
        data: Float64Array.from(
          [...batch].flatMap((i) => [...task.y.data.subarray(i * 2, i * 2 + 2)]),
        ),
      },
    };
    expect(loss).toBeCloseTo(loss64(weights, sub, ACT.linear!), 5);
    engine.dispose();
  });
});
