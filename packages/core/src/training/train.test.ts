import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { RunConfigInput } from '../config/schema.js';
import type { RunResult } from '../config/result.js';
import { ConfigError } from '../config/resolve.js';
import { train } from './train.js';

const small: RunConfigInput = {
  depth: 3,
  inputDim: 8,
  outputDim: 3,
  width: 8,
  samples: 32,
  steps: 120,
  logEvery: 40,
  init: 'gaussian',
  optimizer: 'sgd',
  batchSize: 8,
  seed: 7,
  engine: 'reference',
};

/** The numbers of a result, without wall-clock times. */
const numbers = (r: RunResult) => ({
  history: r.history.map(({ time: _t, ...h }) => h),
  final: r.final && { ...r.final, time: 0 },
});

describe('train', () => {
  it('returns the record fields: history every logEvery steps and at the end', async () => {
    const r = await train(small, { backend: 'wasm' });
    expect(r.status).toBe('ok');
    expect(r.backend).toBe('wasm');
    expect(r.engine).toBe('reference');
    expect(r.history.map((h) => h.step)).toEqual([0, 40, 80, 120]);
    expect(r.final!.gram.length).toBe(8);
    expect(r.final!.agop[0]!.length).toBe(8);
    expect(r.timing.seconds).toBeGreaterThan(0);
    expect(r.timing.metricsSeconds).toBeLessThanOrEqual(r.timing.seconds);
  });

  it('gives identical numbers for the same config and seed, twice in a row', async () => {
    const a = await train(small, { backend: 'wasm' });
    const b = await train(small, { backend: 'wasm' });
    expect(numbers(b)).toEqual(numbers(a));
    const c = await train({ ...small, seed: 8 }, { backend: 'wasm' });
    expect(numbers(c).final!.loss).not.toEqual(numbers(a).final!.loss);
  });

  it('gives identical numbers in a fresh worker thread', async () => {
    const here = await train(small, { backend: 'wasm' });
    const dist = new URL('../../dist/index.js', import.meta.url).href;
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(dist)})
        .then((core) => core.train(workerData, { backend: 'wasm' }))
        .then((r) => parentPort.postMessage(r));`;
    const there = await new Promise<RunResult>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: small });
      w.once('message', (m: RunResult) => {
        resolve(m);
        void w.terminate();
      });
      w.once('error', reject);
    });
    expect(numbers(there)).toEqual(numbers(here));
  });

  it('reports a run that blows up as diverged, with the history so far', async () => {
    const r = await train(
      { ...small, optimizer: 'gd', batchSize: undefined, learningRate: 5, initScale: 3 },
      { backend: 'wasm' },
    );
    expect(r.status).toBe('diverged');
    expect(r.error).toMatch(/non-finite/);
    expect(r.final).toBeNull();
    expect(r.history.length).toBeGreaterThan(0);
  });

  it('rejects a bad config with a ConfigError naming the field', async () => {
    await expect(train({ depth: 0 })).rejects.toThrow(ConfigError);
    await expect(train({ depth: 0 })).rejects.toThrow(/depth/);
  });

  it('stops between steps when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await train(small, { backend: 'wasm', signal: ac.signal });
    expect(r.status).toBe('failed');
    expect(r.error).toBe('aborted');
  });
});
