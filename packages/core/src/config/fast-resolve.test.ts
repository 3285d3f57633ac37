import { describe, expect, it } from 'vitest';
import { makeConfigResolver } from './fast-resolve.js';
import { safeResolveConfig } from './resolve.js';
import { runConfigSchema } from './schema.js';

const defaults = runConfigSchema.parse({}) as Record<string, unknown>;

/** Per field: values that are fine alone, and bad ones (alone or against another field). */
const VARIANTS: Record<string, [good: unknown[], bad: unknown[]]> = {
  depth: [
    [1, 3],
    [0, 2.5, 65],
  ],
  samples: [[16, 128], [0]],
  batchSize: [
    [undefined, 16],
    [8, 300],
  ],
  optimizer: [['gd', 'sgd', 'adam'], ['nope']],
  teacherRank: [[0, 2], [9]],
  outputDim: [[2, 6], [0]],
  engine: [['auto', 'mlp'], ['linear']],
  activation: [['linear', 'relu'], ['sigmoid']],
  learningRate: [
    [0.05, 0.0267],
    [-1, Number.NaN, Infinity],
  ],
  seed: [
    [0, 7],
    [-1, 2 ** 31],
  ],
  task: [['linear', 'multi_index_relu'], [3]],
};

/** A small deterministic generator (LCG), so the mixes are the same on every run. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('makeConfigResolver', () => {
  it('gives exactly what safeResolveConfig gives (values, key order, issues)', () => {
    const resolve = makeConfigResolver();
    const fields = Object.keys(VARIANTS);
    let rejected = 0;
    // A deterministic walk through many mixes, each seen twice (the second time from memory).
    for (let round = 0; round < 2; round++) {
      const random = lcg(42);
      for (let i = 0; i < 3000; i++) {
        const input: Record<string, unknown> = { ...defaults };
        for (const f of fields) {
          const [good, bad] = VARIANTS[f]!;
          const list = random() < 0.08 ? bad : good;
          const v = list[Math.floor(random() * list.length)];
          if (v !== undefined) input[f] = v;
        }
        const want = safeResolveConfig(input);
        if (!want.ok) rejected++;
        expect(JSON.stringify(resolve(input))).toBe(JSON.stringify(want));
      }
    }
    expect(rejected).toBeGreaterThan(600);
    expect(rejected).toBeLessThan(5400);
  });

  it('sends unknown fields, missing fields and nested values to safeResolveConfig', () => {
    const resolve = makeConfigResolver();
    for (const input of [
      { ...defaults, depthh: 2 },
      { depth: 3 },
      { ...defaults, depth: [2] },
      {},
    ]) {
      expect(JSON.stringify(resolve(input))).toBe(JSON.stringify(safeResolveConfig(input)));
    }
  });
});
