import { createHash } from 'node:crypto';
import { resolveConfig } from '@ansatz/core';
import { describe, expect, it } from 'vitest';
import { canonicalJson, ID_LENGTH, RECORD_VERSION, runId, verifyRecordId } from './ids.js';

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

  it('takes the flat fast path with the same text as canonicalJson (nested values too)', () => {
    const hash = (config: object) =>
      createHash('sha256')
        .update(canonicalJson({ v: RECORD_VERSION, config }))
        .digest('hex')
        .slice(0, ID_LENGTH);
    const configs: object[] = [
      resolveConfig({ depth: 4, learningRate: 0.0267, weightDecay: 1e-7, seed: 12 }),
      { z: 'a"b\\c\u0001é', a: -0, m: null, n: NaN, i: Infinity, t: true, u: undefined },
      { b: 1, a: { d: [2, { z: 1, y: 2 }] } },
      {},
    ];
    for (const c of configs) expect(runId(c)).toBe(hash(c));
  });
});

describe('verifyRecordId', () => {
  const config = resolveConfig({ depth: 3 });
  const record = { v: RECORD_VERSION, id: runId(config), config };

  it('accepts a record whose id is the hash of its config, even after a JSON round trip', () => {
    expect(verifyRecordId(JSON.parse(JSON.stringify(record)) as typeof record)).toBeUndefined();
  });

  it('rejects an edited config that kept its id, and a record without a config', () => {
    const edited = { ...record, config: { ...config, depth: 4 } };
    expect(verifyRecordId(edited)).toMatch(
      new RegExp(`^id ${record.id} does not match its config \\(which hashes to [0-9a-f]{16}\\)`),
    );
    expect(verifyRecordId({ ...record, config: undefined })).toMatch(/has no config object/);
    expect(verifyRecordId({ ...record, id: '0000000000000000' })).toMatch(/does not match/);
  });

  it('leaves records of older versions alone (they match no current cell)', () => {
    expect(verifyRecordId({ ...record, v: RECORD_VERSION - 1, id: 'x' })).toBeUndefined();
  });
});
