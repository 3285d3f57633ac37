import { createHash } from 'node:crypto';
import { resolveConfig } from '@ansatz/core';
import { describe, expect, it } from 'vitest';
import { canonicalJson, ID_LENGTH, runId } from './ids.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('runId', () => {
  it('is the sha256 of {v:2, config} with sorted keys, independently recomputed', () => {
    const text = '{"config":{"a":1,"b":"x"},"v":2}';
    const expected = createHash('sha256').update(text).digest('hex').slice(0, ID_LENGTH);
    expect(runId({ b: 'x', a: 1 })).toBe(expected);
    expect(runId({ a: 1, b: 'x' })).toBe(expected);
  });

  it('is the same for the same resolved config whatever the key order', () => {
    const a = resolveConfig({ depth: 3, width: 8 });
    const b = resolveConfig({ width: 8, depth: 3 });
    expect(runId(a)).toBe(runId(b));
    expect(runId(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when any single field changes', () => {
    const base = resolveConfig({});
    const variants = [
      { depth: base.depth + 1 },
      { seed: base.seed + 1 },
      { learningRate: base.learningRate * 2 },
      { optimizer: 'adam' as const },
      { weightDecay: 0.01 },
    ];
    const ids = new Set([
      runId(base),
      ...variants.map((v) => runId(resolveConfig({ ...base, ...v }))),
    ]);
    expect(ids.size).toBe(variants.length + 1);
  });
});
